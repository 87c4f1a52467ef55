/** The invitation message's texts in each language; `{name}` placeholders are filled by `fill`. */
import type { Locale, LocalisedText } from '../domain/locale';
import { interpolate } from '../i18n/interpolate';

export const INVITATION_TEXTS = {
  invitedTitle: {
    fi: 'Kutsu kehityskeskusteluun',
    sv: 'Inbjudan till utvecklingssamtal',
    en: 'Invitation to your development discussion',
  },
  movedTitle: {
    fi: 'Kehityskeskustelusi aika on muuttunut',
    sv: 'Tiden för ditt utvecklingssamtal har ändrats',
    en: 'Your development discussion has been moved',
  },
  cancelledTitle: {
    fi: 'Kehityskeskustelusi on peruttu',
    sv: 'Ditt utvecklingssamtal har ställts in',
    en: 'Your development discussion has been cancelled',
  },
  invitedBody: {
    fi: '{supervisor} kutsuu sinut vuoden {year} kehityskeskusteluun. Valmistaudu kirjaamalla ajatuksesi etukäteen.',
    sv: '{supervisor} bjuder in dig till utvecklingssamtalet för {year}. Förbered dig genom att skriva ner dina tankar i förväg.',
    en: '{supervisor} invites you to your {year} development discussion. Prepare by writing down your thoughts beforehand.',
  },
  cancelledBody: {
    fi: '{supervisor} perui vuoden {year} kehityskeskustelusi. Saat uuden kutsun, kun uusi aika on sovittu.',
    sv: '{supervisor} ställde in ditt utvecklingssamtal för {year}. Du får en ny inbjudan när en ny tid är bokad.',
    en: '{supervisor} cancelled your {year} development discussion. You will get a new invitation once a new time is set.',
  },
  timeLabel: { fi: 'Aika', sv: 'Tid', en: 'Time' },
  durationLabel: { fi: 'Kesto', sv: 'Längd', en: 'Duration' },
  duration: { fi: '{minutes} min', sv: '{minutes} min', en: '{minutes} min' },
  prepareButton: {
    fi: 'Valmistaudu keskusteluun',
    sv: 'Förbered dig inför samtalet',
    en: 'Prepare for the discussion',
  },
  calendarNote: {
    fi: 'Lisää tapaaminen Teams-kalenteriisi painikkeella. Muuhun kalenteriin saat kalenteritiedoston (.ics) Osaamiskello-välilehdeltä.',
    sv: 'Lägg till mötet i din Teams-kalender med knappen. För en annan kalender finns kalenderfilen (.ics) på fliken Osaamiskello.',
    en: 'Add the meeting to your Teams calendar with the button. For another calendar, download the calendar file (.ics) from the Osaamiskello tab.',
  },
  cancelledCalendarNote: {
    fi: 'Poista tapaaminen kalenteristasi, jos lisäsit sen.',
    sv: 'Ta bort mötet från din kalender om du lade till det.',
    en: 'Remove the meeting from your calendar if you added it.',
  },
  teamsCalendarButton: {
    fi: 'Lisää Teams-kalenteriin',
    sv: 'Lägg till i Teams-kalendern',
    en: 'Add to Teams calendar',
  },
  calendarEventNote: {
    fi: 'Tapahtuma on päivitetty kalenteriisi.',
    sv: 'Händelsen har uppdaterats i din kalender.',
    en: 'The event has been updated in your calendar.',
  },
  eventSummary: {
    fi: 'Kehityskeskustelu {year}',
    sv: 'Utvecklingssamtal {year}',
    en: 'Development discussion {year}',
  },
  eventDescription: {
    fi: 'Kehityskeskustelu: {employee} ja {supervisor}. Valmistaudu Osaamiskellossa Teamsissa.',
    sv: 'Utvecklingssamtal: {employee} och {supervisor}. Förbered dig i Osaamiskello i Teams.',
    en: 'Development discussion: {employee} and {supervisor}. Prepare in Osaamiskello in Teams.',
  },
  fileName: {
    fi: 'kehityskeskustelu-{year}.ics',
    sv: 'utvecklingssamtal-{year}.ics',
    en: 'development-discussion-{year}.ics',
  },
} satisfies Record<string, LocalisedText>;

export type InvitationText = keyof typeof INVITATION_TEXTS;

export function fill(
  key: InvitationText,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return interpolate(INVITATION_TEXTS[key][locale], params);
}
