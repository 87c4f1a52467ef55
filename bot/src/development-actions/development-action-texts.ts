/** The coaching and work-supervision requests' texts, fi / sv / en. */
import type {
  DevelopmentActionForm,
  DevelopmentActionKind,
} from '../storage/development-action-request-repository';
import type { Catalogue } from '../cards/localised';
import { localisedText } from '../i18n/translate';

const OPTIONS: Catalogue<`option.${DevelopmentActionKind}.${DevelopmentActionForm}`> = {
  'option.coaching.individual': localisedText('developmentAction.option.coaching.individual'),
  'option.coaching.group': localisedText('developmentAction.option.coaching.group'),
  'option.coaching.workCommunity': localisedText('developmentAction.option.coaching.workCommunity'),
  'option.workSupervision.individual': localisedText('developmentAction.option.workSupervision.individual'),
  'option.workSupervision.group': localisedText('developmentAction.option.workSupervision.group'),
  'option.workSupervision.workCommunity': localisedText(
    'developmentAction.option.workSupervision.workCommunity',
  ),
};

export const DEVELOPMENT_ACTION_TEXTS = {
  ...OPTIONS,
  title: {
    fi: 'Valmennus ja työnohjaus',
    sv: 'Coachning och arbetshandledning',
    en: 'Coaching and work supervision',
  },
  intro: {
    fi: 'Voit pyytää valmennusta itsellesi, ryhmällesi tai työyhteisöllesi, tai työnohjausta. Pyyntösi näkyy vain sinulle: henkilöstöpalvelut näkee vain pyyntöjen määrät palvelualueittain, ei nimiä, ja suunnittelee niiden pohjalta palveluja. Ota tarve puheeksi myös kehityskeskustelussa.',
    sv: 'Du kan be om coachning för dig själv, din grupp eller din arbetsgemenskap, eller om arbetshandledning. Din begäran syns bara för dig: personaltjänsterna ser endast antalet per serviceområde, inga namn, och planerar tjänster utifrån dem. Ta också upp behovet i utvecklingssamtalet.',
    en: 'You can ask for coaching for yourself, your group or your work community, or for work supervision. Your request is shown only to you: HR sees only the numbers per service area, no names, and plans the services from them. Raise the need in your development discussion too.',
  },
  requestsTitle: { fi: 'Pyyntösi {year}', sv: 'Dina begäranden {year}', en: 'Your requests {year}' },
  requestLine: {
    fi: '{option} (pyydetty {date})',
    sv: '{option} (begärd {date})',
    en: '{option} (asked {date})',
  },
  choiceLabel: { fi: 'Mitä tarvitset?', sv: 'Vad behöver du?', en: 'What do you need?' },
  'action.request': { fi: 'Pyydä', sv: 'Be om', en: 'Ask' },
  'action.withdraw': { fi: 'Peru', sv: 'Återkalla', en: 'Withdraw' },
  'action.demand': {
    fi: 'Kysyntä palvelualueittain',
    sv: 'Efterfrågan per serviceområde',
    en: 'Demand by service area',
  },
  'notice.requested': {
    fi: 'Pyyntösi on kirjattu.',
    sv: 'Din begäran har registrerats.',
    en: 'Your request was recorded.',
  },
  'notice.withdrawn': {
    fi: 'Pyyntö peruttiin.',
    sv: 'Begäran återkallades.',
    en: 'The request was withdrawn.',
  },
  'notice.notLinked': localisedText('person.notLinked'),
  'notice.conflict': {
    fi: 'Pyyntöäsi muutettiin sillä välin toisessa ikkunassa. Tässä uusin tilanne.',
    sv: 'Din begäran ändrades under tiden i ett annat fönster. Här är det senaste läget.',
    en: 'Your request was changed meanwhile in another window. Here is the latest.',
  },
  'demand.title': {
    fi: 'Valmennuksen ja työnohjauksen kysyntä {year}',
    sv: 'Efterfrågan på coachning och arbetshandledning {year}',
    en: 'Demand for coaching and work supervision {year}',
  },
  'demand.intro': {
    fi: 'Pyyntöjen määrät palvelualueittain. Alle {threshold} pyynnön määriä ei näytetä.',
    sv: 'Antalet begäranden per serviceområde. Antal under {threshold} visas inte.',
    en: 'The number of requests per service area. Numbers under {threshold} are not shown.',
  },
  'demand.city': { fi: 'Koko kaupunki', sv: 'Hela staden', en: 'The whole city' },
  'demand.line': { fi: '{option}: {count}', sv: '{option}: {count}', en: '{option}: {count}' },
  'demand.fewer': { fi: 'alle {threshold}', sv: 'under {threshold}', en: 'under {threshold}' },
  'demand.none': { fi: 'Ei pyyntöjä', sv: 'Inga begäranden', en: 'No requests' },
  'demand.notAllowed': {
    fi: 'Kysynnän näkevät henkilöstöpalvelut.',
    sv: 'Efterfrågan visas för personaltjänsterna.',
    en: 'The demand is shown to HR.',
  },
} satisfies Catalogue<string>;

export type DevelopmentActionTextKey = keyof typeof DEVELOPMENT_ACTION_TEXTS;
