/**
 * The tab API's own refusals in fi, sv and en, by stable code (the shared sign-in and request codes are in
 * api-messages.ts). The tabs act on the code and show the message.
 */
import type { LocalisedText } from '../domain/locale';
import { localisedText } from '../i18n/translate';

export const TABS_API_MESSAGES = {
  'team.notYourReport': {
    fi: 'Henkilö ei ole alaisesi.',
    sv: 'Personen är inte din medarbetare.',
    en: 'This person does not report to you.',
  },
  'team.notYourTeam': {
    fi: 'Et ole tämän tiimin esihenkilö.',
    sv: 'Du är inte chef för detta team.',
    en: 'You are not the supervisor of this team.',
  },
  'meeting.inPast': localisedText('cards.error.meeting.inPast'),
  'meeting.outsideWindow': {
    fi: 'Aika ei ole vuosikellon kehityskeskusteluikkunassa.',
    sv: 'Tiden ligger inte inom årsklockans period för utvecklingssamtal.',
    en: 'The time is outside the annual clock’s development-discussion window.',
  },
  'meeting.noDiscussionThisYear': localisedText('cards.error.meeting.noDiscussionThisYear'),
  'meeting.notScheduled': {
    fi: 'Keskustelulle ei ole sovittu aikaa.',
    sv: 'Ingen tid har bokats för samtalet.',
    en: 'No meeting has been scheduled for this discussion.',
  },
  'calendar.consentMissing': {
    fi: 'Tapahtumaa ei voitu luoda kalenteriisi, koska sovellukselle ei ole annettu kalenterin käyttöoikeutta. Aika on tallennettu, ja kutsussa on Teams-kalenterin painike; kalenteritiedosto (.ics) on välilehdellä.',
    sv: 'Händelsen kunde inte skapas i din kalender eftersom appen saknar medgivande till kalendern. Tiden har sparats och inbjudan har en knapp för Teams-kalendern; kalenderfilen (.ics) finns på fliken.',
    en: 'The event could not be created in your calendar because the app has not been given consent to it. The meeting is saved and the invitation has a Teams calendar button; the calendar file (.ics) is in the tab.',
  },
  'calendar.unavailable': {
    fi: 'Kalenteriisi ei saatu yhteyttä juuri nyt. Aika on tallennettu, ja kutsussa on Teams-kalenterin painike; kalenteritiedosto (.ics) on välilehdellä.',
    sv: 'Din kalender kunde inte nås just nu. Tiden har sparats och inbjudan har en knapp för Teams-kalendern; kalenderfilen (.ics) finns på fliken.',
    en: 'Your calendar could not be reached just now. The meeting is saved and the invitation has a Teams calendar button; the calendar file (.ics) is in the tab.',
  },
  'groupDiscussion.notThisYear': {
    fi: 'Tiimillä ei ole ryhmäosaamiskeskustelua tänä vuonna (vuorovuosimalli).',
    sv: 'Teamet har inget gruppsamtal om kompetens detta år (modellen med växlande år).',
    en: 'The team has no group competence discussion this year (alternating-year model).',
  },
  'clock.invalid': {
    fi: 'Vuosikelloa ei tallennettu, koska siinä on virheitä.',
    sv: 'Årsklockan sparades inte eftersom den innehåller fel.',
    en: 'The annual clock was not saved because it has errors.',
  },
  'serviceArea.notFound': localisedText('common.serviceAreaNotFound'),
  'edit.conflict': {
    fi: 'Joku muu muutti tietoa sillä välin. Tarkista uusin versio ja tee muutos uudelleen.',
    sv: 'Någon annan ändrade uppgiften under tiden. Kontrollera den senaste versionen och gör ändringen på nytt.',
    en: 'Someone else changed this in the meantime. Check the latest version and make your change again.',
  },
  'rule.refused': {
    fi: 'Muutos ei ole sallittu keskustelun nykyisessä vaiheessa.',
    sv: 'Ändringen är inte tillåten i samtalets nuvarande skede.',
    en: 'The change is not allowed at this stage of the discussion.',
  },
} satisfies Record<string, LocalisedText>;

export type TabsApiMessageCode = keyof typeof TABS_API_MESSAGES;
