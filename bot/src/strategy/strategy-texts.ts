/** The strategic discussion's texts, fi / sv / en. */
import type { StrategyAgendaItem } from '../storage/strategic-discussion-repository';
import type { Catalogue } from '../cards/localised';
import type { StrategyErrorCode } from '../domain/strategy-rules';
import { localisedText } from '../i18n/translate';

const ERRORS: Catalogue<StrategyErrorCode> = {
  'strategy.notAllowed': {
    fi: 'Strategisen keskustelun kokoavat henkilöstöpalvelut.',
    sv: 'Det strategiska samtalet sammanställs av personaltjänsterna.',
    en: 'HR compiles the strategic discussion.',
  },
  'strategy.textTooLong': localisedText('discussion.textTooLong'),
  'strategy.noGuidelines': {
    fi: 'Kirjaa linjaukset vähintään yhteen teemaan ennen jakamista.',
    sv: 'Skriv riktlinjer för minst ett tema innan du delar.',
    en: 'Write the guidelines on at least one theme before sharing.',
  },
  'strategy.noChannel': {
    fi: 'Organisaation kanavaa ei ole liitetty. Lisää Osaamiskello-välilehti johtoryhmien ja esihenkilöiden kanavalle.',
    sv: 'Organisationens kanal är inte kopplad. Lägg till fliken Osaamiskello i ledningsgruppernas och chefernas kanal.',
    en: 'The organisation’s channel is not linked. Add the Osaamiskello tab to the management teams’ and supervisors’ channel.',
  },
};

const AGENDA: Catalogue<`agenda.${StrategyAgendaItem}`> = {
  'agenda.trainingPriorities': {
    fi: '1. Koottujen koulutussuunnitelmien läpikäynti ja keskitetyn koulutuksen painopisteet ensi vuodelle',
    sv: '1. Genomgång av de sammanställda utbildningsplanerna och prioriteringar för den centrala utbildningen nästa år',
    en: '1. Review of the compiled training plans and the priorities of centralised training for next year',
  },
  'agenda.commonCompetences': {
    fi: '2. Yhteisten osaamisten läpikäynti ja muutokset ensi vuodelle',
    sv: '2. Genomgång av de gemensamma kompetenserna och ändringar för nästa år',
    en: '2. Review of the common competences and changes for next year',
  },
  'agenda.learningModel': {
    fi: '3. Oppimisen 70-20-10 -mallin läpikäynti ja muutokset',
    sv: '3. Genomgång av inlärningsmodellen 70-20-10 och ändringar',
    en: '3. Review of the 70-20-10 learning model and changes',
  },
};

export const STRATEGY_TEXTS = {
  ...ERRORS,
  ...AGENDA,
  title: {
    fi: 'Strateginen osaamiskeskustelu {year}',
    sv: 'Strategiskt kompetenssamtal {year}',
    en: 'Strategic competence discussion {year}',
  },
  intro: {
    fi: 'Kaupunginjohtajan johtoryhmän keskustelu, henkilöstöpalvelujen kokoamana. Jaettuna sen linjaukset näkyvät seuraavissa ryhmäosaamiskeskusteluissa.',
    sv: 'Stadsdirektörens ledningsgrupps samtal, sammanställt av personaltjänsterna. När det delas visas riktlinjerna i nästa omgång gruppsamtal.',
    en: 'The city manager’s management team’s discussion, compiled by HR. Once shared, its guidelines show in the next group discussions.',
  },
  'agenda.themes': {
    fi: '4. Teemat: linjaukset palvelualueiden ja tiimien ryhmäkeskusteluihin',
    sv: '4. Temana: riktlinjer för serviceområdenas och teamens gruppsamtal',
    en: '4. The themes: guidelines for the service areas’ and teams’ group discussions',
  },
  'status.draft': localisedText('common.draft'),
  'status.shared': { fi: 'Jaettu {date}', sv: 'Delat {date}', en: 'Shared {date}' },
  'status.none': { fi: 'Ei vielä koottu', sv: 'Inte sammanställt ännu', en: 'Not compiled yet' },
  'facts.title': {
    fi: 'Koottua tietoa keskustelun pohjaksi',
    sv: 'Sammanställda uppgifter som underlag',
    en: 'Compiled data for the discussion',
  },
  'facts.plans': { fi: 'Koulutussuunnitelmat', sv: 'Utbildningsplaner', en: 'Training plans' },
  'facts.plansValue': {
    fi: '{submitted}/{areas} palvelualuetta jättänyt; keskitetty: {central}',
    sv: '{submitted}/{areas} serviceområden har lämnat in; central: {central}',
    en: '{submitted}/{areas} service areas submitted; central: {central}',
  },
  'facts.centralNone': { fi: 'ei vielä koottu', sv: 'inte sammanställd', en: 'not compiled yet' },
  'facts.respondents': {
    fi: 'Osaamisarvioinnit koko kaupungissa ({year})',
    sv: 'Kompetensbedömningar i hela staden ({year})',
    en: 'Competence assessments city-wide ({year})',
  },
  'facts.suppressed': { fi: 'Liian vähän näytettäväksi', sv: 'För få för att visas', en: 'Too few to show' },
  'facts.areas': {
    fi: 'Osaamisarvioinnit palvelualueittain ({year})',
    sv: 'Kompetensbedömningar per serviceområde ({year})',
    en: 'Competence assessments by service area ({year})',
  },
  'facts.areaLine': {
    fi: '{name}: {respondents} arvioitua',
    sv: '{name}: {respondents} bedömda',
    en: '{name}: {respondents} assessed',
  },
  'facts.areaNeed': {
    fi: '{line}, suurin tarve {competence} {share} %',
    sv: '{line}, största behovet {competence} {share} %',
    en: '{line}, largest need {competence} {share}%',
  },
  'facts.combinedAreas': {
    fi: 'Pienet palvelualueet yhdessä ({count})',
    sv: 'Små serviceområden tillsammans ({count})',
    en: 'Small service areas combined ({count})',
  },
  'facts.needs': localisedText('common.topNeeds'),
  'facts.needLine': { fi: '{name}: {share} %', sv: '{name}: {share} %', en: '{name}: {share}%' },
  'facts.learningWays': {
    fi: 'Oppimistavoitteet 70-20-10',
    sv: 'Inlärningsmål 70-20-10',
    en: 'Learning goals 70-20-10',
  },
  'facts.split': localisedText('common.split'),
  'action.save': localisedText('common.save'),
  'action.share': { fi: 'Jaa kanavalle', sv: 'Dela i kanalen', en: 'Share to the channel' },
  'notice.saved': localisedText('common.saved'),
  'notice.shared': {
    fi: 'Jaettu kanavalle. Linjaukset näkyvät seuraavissa ryhmäkeskusteluissa.',
    sv: 'Delat i kanalen. Riktlinjerna visas i nästa omgång gruppsamtal.',
    en: 'Shared to the channel. The guidelines show in the next group discussions.',
  },
  'notice.notPosted': {
    fi: 'Linjaukset on jaettu ryhmäkeskusteluihin, mutta korttia ei saatu kanavalle. Varmista, että Osaamiskello on lisätty tiimiin, ja jaa uudelleen.',
    sv: 'Riktlinjerna är delade till gruppsamtalen, men kortet kunde inte skickas till kanalen. Kontrollera att Osaamiskello har lagts till i teamet och dela igen.',
    en: 'The guidelines are shared to the group discussions, but the card could not be posted. Check that Osaamiskello is added to the team, and share again.',
  },
  'notice.postWillRetry': {
    fi: 'Linjaukset on jaettu ryhmäkeskusteluihin. Teams ei juuri nyt ottanut korttia vastaan kanavalle; se lähetetään automaattisesti uudelleen.',
    sv: 'Riktlinjerna är delade till gruppsamtalen. Teams tog inte emot kortet i kanalen just nu; det skickas automatiskt på nytt.',
    en: 'The guidelines are shared to the group discussions. Teams did not take the card for the channel just now; it will be sent again automatically.',
  },
  'notice.postFailed': {
    fi: 'Linjaukset on jaettu ryhmäkeskusteluihin, mutta Teams hylkäsi kortin kanavalle, eikä sitä yritetä uudelleen. Jaa uudelleen myöhemmin.',
    sv: 'Riktlinjerna är delade till gruppsamtalen, men Teams avvisade kortet i kanalen och det försöks inte igen. Dela igen senare.',
    en: 'The guidelines are shared to the group discussions, but Teams refused the card for the channel and it will not be retried. Share again later.',
  },
  'notice.conflict': {
    fi: 'Joku muutti keskustelua sillä välin. Tässä uusin versio; mitään ei tallennettu.',
    sv: 'Någon ändrade samtalet under tiden. Här är den senaste versionen; inget sparades.',
    en: 'Someone changed the discussion meanwhile. Here is the latest version; nothing was saved.',
  },
  'notice.notVisible': {
    fi: 'Strateginen keskustelu näkyy muille, kun henkilöstöpalvelut on jakanut sen.',
    sv: 'Det strategiska samtalet visas för andra när personaltjänsterna har delat det.',
    en: 'The strategic discussion is shown to others once HR has shared it.',
  },
  'notice.notLinked': localisedText('person.notLinked'),
} satisfies Catalogue<string>;

export type StrategyTextKey = keyof typeof STRATEGY_TEXTS;
