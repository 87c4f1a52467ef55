/** The group discussion card's texts, fi / sv / en (theme names: i18n/group-themes.ts). */
import type { GroupDiscussionErrorCode } from '../domain/group-discussion-rules';
import type { Catalogue } from '../cards/localised';
import { localisedText } from '../i18n/translate';

const ERRORS: Catalogue<GroupDiscussionErrorCode> = {
  'groupDiscussion.noChair': {
    fi: 'Tiimillä ei ole esihenkilöä, joka toimisi puheenjohtajana.',
    sv: 'Teamet har ingen chef som kan vara ordförande.',
    en: 'The team has no supervisor to chair the discussion.',
  },
  'groupDiscussion.notAMember': {
    fi: 'Vain tiimin jäsenet voivat osallistua tähän keskusteluun.',
    sv: 'Bara teamets medlemmar kan delta i det här samtalet.',
    en: 'Only the team’s members take part in this discussion.',
  },
  'groupDiscussion.chairOnly': {
    fi: 'Vain puheenjohtaja voi tehdä tämän.',
    sv: 'Bara ordföranden kan göra det här.',
    en: 'Only the chair can do this.',
  },
  'groupDiscussion.concluded': {
    fi: 'Keskustelu on päätetty.',
    sv: 'Samtalet är avslutat.',
    en: 'The discussion has been concluded.',
  },
  'groupDiscussion.notConcluded': {
    fi: 'Keskustelu on vielä auki.',
    sv: 'Samtalet är ännu öppet.',
    en: 'The discussion is still open.',
  },
  'groupDiscussion.unknownTheme': { fi: 'Tuntematon teema.', sv: 'Okänt tema.', en: 'Unknown theme.' },
  'groupDiscussion.invalidId': {
    fi: 'Virheellinen tunniste.',
    sv: 'Ogiltig identifierare.',
    en: 'Invalid id.',
  },
  'groupDiscussion.duplicateContribution': {
    fi: 'Ajatus on jo lisätty.',
    sv: 'Tanken har redan lagts till.',
    en: 'The contribution was already added.',
  },
  'groupDiscussion.textRequired': {
    fi: 'Kirjoita ajatuksesi ennen lisäämistä.',
    sv: 'Skriv din tanke innan du lägger till den.',
    en: 'Write your thought before adding it.',
  },
  'groupDiscussion.textTooLong': localisedText('discussion.textTooLong'),
  'groupDiscussion.tooManyContributions': {
    fi: 'Keskusteluun ei mahdu enempää ajatuksia.',
    sv: 'Samtalet rymmer inte fler tankar.',
    en: 'The discussion holds no more contributions.',
  },
  'groupDiscussion.noConclusions': {
    fi: 'Kirjaa johtopäätökset ennen keskustelun päättämistä.',
    sv: 'Skriv in slutsatserna innan du avslutar samtalet.',
    en: 'Record the conclusions before concluding.',
  },
  'groupDiscussion.tooLarge': {
    fi: 'Keskustelu on liian suuri tallennettavaksi.',
    sv: 'Samtalet är för stort för att sparas.',
    en: 'The discussion is too large to store.',
  },
};

export const GROUP_DISCUSSION_TEXTS = {
  ...ERRORS,
  heading: {
    fi: 'Ryhmäosaamiskeskustelu',
    sv: 'Gruppsamtal om kompetens',
    en: 'Group competence discussion',
  },
  title: {
    fi: 'Ryhmäosaamiskeskustelu {year}: {team}',
    sv: 'Gruppsamtal om kompetens {year}: {team}',
    en: 'Group competence discussion {year}: {team}',
  },
  'status.open': {
    fi: 'Avoinna · puheenjohtaja {chair}',
    sv: 'Öppet · ordförande {chair}',
    en: 'Open · chaired by {chair}',
  },
  'status.concluded': {
    fi: 'Päätetty · puheenjohtaja {chair}',
    sv: 'Avslutat · ordförande {chair}',
    en: 'Concluded · chaired by {chair}',
  },
  // Whose view the group discusses from (DOMAIN: management teams and the education leaders' teams).
  'viewpoint.serviceAreaManagementTeam': {
    fi: 'Keskustelkaa sekä johtoryhmän että koko palvelualueen näkökulmasta.',
    sv: 'Diskutera både ur ledningsgruppens och hela serviceområdets perspektiv.',
    en: 'Discuss from both the management team’s and the whole service area’s viewpoint.',
  },
  'viewpoint.cityManagementTeam': {
    fi: 'Keskustelkaa koko kaupungin näkökulmasta: linjaukset ohjaavat palvelualueiden ja tiimien keskusteluja.',
    sv: 'Diskutera ur hela stadens perspektiv: riktlinjerna styr serviceområdenas och teamens samtal.',
    en: 'Discuss from the whole city’s viewpoint: the guidelines steer the service areas’ and teams’ discussions.',
  },
  'viewpoint.leaders': {
    fi: 'Keskustelkaa sekä oman ryhmänne että koko vastuualueen näkökulmasta.',
    sv: 'Diskutera både ur er egen grupps och hela ansvarsområdets perspektiv.',
    en: 'Discuss from both your own group’s and the whole responsibility area’s viewpoint.',
  },
  intro: {
    fi: 'Kirjoittakaa ajatuksianne teemoista. Puheenjohtaja kirjaa johtopäätökset, jotka henkilöstöpalvelut kokoaa palvelualueen koontiin ilman nimiä.',
    sv: 'Skriv era tankar om temana. Ordföranden skriver in slutsatserna, som personaltjänsterna sammanställer för serviceområdet utan namn.',
    en: 'Write your thoughts on the themes. The chair records the conclusions, which HR compiles into the service area’s summary without names.',
  },
  guidelinesTitle: {
    fi: 'Kaupungin linjaukset (strateginen osaamiskeskustelu {year})',
    sv: 'Stadens riktlinjer (strategiskt kompetenssamtal {year})',
    en: 'The city’s guidelines (strategic competence discussion {year})',
  },
  guideline: { fi: 'Linjaus: {text}', sv: 'Riktlinje: {text}', en: 'Guideline: {text}' },
  conclusion: { fi: 'Johtopäätös: {text}', sv: 'Slutsats: {text}', en: 'Conclusion: {text}' },
  noContributions: { fi: 'Ei vielä ajatuksia.', sv: 'Inga tankar ännu.', en: 'No contributions yet.' },
  contributionPlaceholder: {
    fi: 'Oma ajatuksesi teemasta (enintään {max} merkkiä)',
    sv: 'Din tanke om temat (högst {max} tecken)',
    en: 'Your thought on the theme (at most {max} characters)',
  },
  /** Each theme's input names its theme, so a screen reader tells the four apart. */
  contributionLabel: {
    fi: 'Oma ajatuksesi: {theme}',
    sv: 'Din tanke: {theme}',
    en: 'Your thought: {theme}',
  },
  conclusionLabel: { fi: 'Johtopäätös: {theme}', sv: 'Slutsats: {theme}', en: 'Conclusion: {theme}' },
  'action.contribute': { fi: 'Lisää ajatukset', sv: 'Lägg till tankarna', en: 'Add my thoughts' },
  'action.saveConclusions': {
    fi: 'Tallenna johtopäätökset',
    sv: 'Spara slutsatserna',
    en: 'Save the conclusions',
  },
  'action.conclude': { fi: 'Päätä keskustelu', sv: 'Avsluta samtalet', en: 'Conclude the discussion' },
  'action.reopen': localisedText('cards.action.reopen'),
  'action.refresh': localisedText('cards.action.refresh'),
  'action.choose': localisedText('myTeam.open'),
  chooseTeam: {
    fi: 'Minkä tiimin ryhmäkeskustelun avaat?',
    sv: 'Vilket teams gruppsamtal vill du öppna?',
    en: 'Which team’s group discussion do you want to open?',
  },
  'notice.added': {
    fi: 'Ajatuksesi lisättiin.',
    sv: 'Dina tankar lades till.',
    en: 'Your thoughts were added.',
  },
  'notice.saved': {
    fi: 'Johtopäätökset tallennettiin.',
    sv: 'Slutsatserna sparades.',
    en: 'The conclusions were saved.',
  },
  'notice.concluded': {
    fi: 'Keskustelu on päätetty, ja johtopäätökset ovat henkilöstöpalvelujen koottavissa.',
    sv: 'Samtalet är avslutat och slutsatserna kan sammanställas av personaltjänsterna.',
    en: 'The discussion is concluded and its conclusions are ready for HR’s summary.',
  },
  'notice.reopened': {
    fi: 'Keskustelu avattiin uudelleen.',
    sv: 'Samtalet öppnades igen.',
    en: 'The discussion was reopened.',
  },
  'notice.notStarted': {
    fi: 'Tiimin ryhmäkeskustelua ei ole vielä aloitettu. Tiimin esihenkilö aloittaa sen.',
    sv: 'Teamets gruppsamtal har inte inletts ännu. Teamets chef inleder det.',
    en: 'The team’s group discussion has not been started yet. The team’s supervisor starts it.',
  },
  'notice.notThisYear': {
    fi: 'Tiimillä ei ole ryhmäkeskustelua tänä vuonna (vuorovuosimalli).',
    sv: 'Teamet har inget gruppsamtal i år (modellen med växlande år).',
    en: 'The team has no group discussion this year (alternating-year model).',
  },
  'notice.noTeam': {
    fi: 'Tiimiäsi ei löytynyt organisaation tiedoista.',
    sv: 'Ditt team hittades inte i organisationens data.',
    en: 'Your team was not found in the organisation’s data.',
  },
  'notice.notLinked': localisedText('person.notLinked'),
  'notice.notFound': {
    fi: 'Keskustelua ei löytynyt.',
    sv: 'Samtalet hittades inte.',
    en: 'The discussion was not found.',
  },
  'notice.notVisible': {
    fi: 'Ryhmäkeskustelu näkyy vain tiimin jäsenille.',
    sv: 'Gruppsamtalet syns bara för teamets medlemmar.',
    en: 'The group discussion is shown only to the team’s members.',
  },
} satisfies Catalogue<string>;

export type GroupDiscussionTextKey = keyof typeof GROUP_DISCUSSION_TEXTS;
