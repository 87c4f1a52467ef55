/** The training plans' texts (cards, exports), fi / sv / en. */
import type { TrainingPlanErrorCode } from '../domain/training-plan-lifecycle';
import type { Catalogue } from '../cards/localised';
import { localisedText } from '../i18n/translate';

const ERRORS: Catalogue<TrainingPlanErrorCode> = {
  'trainingPlan.notAllowed': {
    fi: 'Roolisi ei tee tätä suunnitelmalle.',
    sv: 'Din roll gör inte det här med planen.',
    en: 'Your role does not do this to the plan.',
  },
  'trainingPlan.wrongScope': {
    fi: 'Tämä koskee toista suunnitelmaa.',
    sv: 'Det här gäller en annan plan.',
    en: 'This applies to another plan.',
  },
  'trainingPlan.wrongStatus': {
    fi: 'Suunnitelman tila ei salli tätä.',
    sv: 'Planens status tillåter inte det här.',
    en: 'The plan’s status does not allow this.',
  },
  'trainingPlan.tooManyItems': {
    fi: 'Suunnitelmassa on liikaa rivejä.',
    sv: 'Planen har för många rader.',
    en: 'The plan has too many items.',
  },
  'trainingPlan.invalidItemId': { fi: 'Virheellinen rivi.', sv: 'Ogiltig rad.', en: 'Invalid item.' },
  'trainingPlan.duplicateItemId': {
    fi: 'Rivi on jo suunnitelmassa.',
    sv: 'Raden finns redan i planen.',
    en: 'The item is already in the plan.',
  },
  'trainingPlan.needRequired': { fi: 'Kuvaa tarve.', sv: 'Beskriv behovet.', en: 'Describe the need.' },
  'trainingPlan.textTooLong': localisedText('discussion.textTooLong'),
  'trainingPlan.invalidLearningWay': {
    fi: 'Valitse oppimistapa.',
    sv: 'Välj inlärningssätt.',
    en: 'Choose a way of learning.',
  },
  'trainingPlan.invalidHeadcount': {
    fi: 'Henkilömäärä on kokonaisluku väliltä 0–{max} ({area}: {max} henkilöä). Mitään ei tallennettu.',
    sv: 'Antalet personer är ett heltal mellan 0 och {max} ({area}: {max} personer). Inget sparades.',
    en: 'The headcount is a whole number from 0 to {max} ({area}: {max} people). Nothing was saved.',
  },
  'trainingPlan.areasMissing': {
    fi: 'Keskitetty suunnitelma ei ole vielä valmis käsiteltäväksi: siinä on {combined}/{total} palvelualueen lähetetty suunnitelma. Henkilöstöpalvelut kokoaa sen uudelleen, kun kaikki palvelualueet ovat lähettäneet suunnitelmansa.',
    sv: 'Den centrala planen är inte klar för behandling: den innehåller {combined} av {total} serviceområdens inlämnade planer. Personaltjänsterna sammanställer den på nytt när alla serviceområden har lämnat in sina planer.',
    en: 'The central plan is not ready for review: it combines {combined} of {total} service areas’ submitted plans. HR combines it again once every service area has submitted its plan.',
  },
  'trainingPlan.notSubmitted': {
    fi: 'Vain jätetyt suunnitelmat yhdistetään.',
    sv: 'Endast inlämnade planer slås ihop.',
    en: 'Only submitted plans are combined.',
  },
  'trainingPlan.otherPlanSet': {
    fi: 'Suunnitelmat kuuluvat eri vuoteen tai organisaatioon.',
    sv: 'Planerna hör till ett annat år eller en annan organisation.',
    en: 'The plans belong to another year or organisation.',
  },
  'trainingPlan.duplicateServiceArea': {
    fi: 'Palvelualue on mukana kahdesti.',
    sv: 'Serviceområdet finns med två gånger.',
    en: 'A service area appears twice.',
  },
  'trainingPlan.nothingToCombine': {
    fi: 'Yhdistettävää ei ole: yhtään suunnitelmaa ei ole jätetty eikä anonyymejä tarpeita ole.',
    sv: 'Det finns inget att slå ihop: inga planer har lämnats in och inga anonyma behov finns.',
    en: 'There is nothing to combine: no plan was submitted and there are no anonymous needs.',
  },
};

export const TRAINING_PLAN_TEXTS = {
  /** Whom the central plan's headcount is bounded by. */
  'headcount.wholeOrganisation': {
    fi: 'koko organisaatio',
    sv: 'hela organisationen',
    en: 'the whole organisation',
  },
  ...ERRORS,
  'trainingPlan.notVisible': {
    fi: 'Koulutussuunnitelmat näkyvät henkilöstöpalveluille, johtoryhmille ja YT-neuvottelukunnalle.',
    sv: 'Utbildningsplanerna visas för personaltjänsterna, ledningsgrupperna och samarbetskommittén.',
    en: 'Training plans are shown to HR, the management teams and the co-operation committee.',
  },
  'trainingPlan.notFound': {
    fi: 'Suunnitelmaa ei ole vielä laadittu.',
    sv: 'Planen har inte gjorts ännu.',
    en: 'The plan has not been drawn up yet.',
  },
  'trainingPlan.unknownArea': localisedText('common.serviceAreaNotFound'),
  'overview.title': {
    fi: 'Koulutussuunnitelmat {year}',
    sv: 'Utbildningsplaner {year}',
    en: 'Training plans {year}',
  },
  'overview.intro': {
    fi: 'Palvelualueet laativat suunnitelmansa 30.9. mennessä. Henkilöstöpalvelut yhdistää ne ja anonyymit tarpeet keskitetyksi suunnitelmaksi, jonka kaupunginjohtajan johtoryhmä käsittelee ja YT-neuvottelukunta vahvistaa.',
    sv: 'Serviceområdena gör sina planer senast 30.9. Personaltjänsterna slår ihop dem och de anonyma behoven till en central plan, som stadsdirektörens ledningsgrupp behandlar och samarbetskommittén fastställer.',
    en: 'Service areas draw up their plans by 30 September. HR combines them and the anonymous needs into the central plan, reviewed by the city manager’s management team and confirmed by the co-operation committee.',
  },
  'plan.central': {
    fi: 'Keskitetty koulutussuunnitelma',
    sv: 'Central utbildningsplan',
    en: 'Central training plan',
  },
  'plan.area': {
    fi: 'Koulutussuunnitelma: {area}',
    sv: 'Utbildningsplan: {area}',
    en: 'Training plan: {area}',
  },
  'plan.title': { fi: '{plan} {year}', sv: '{plan} {year}', en: '{plan} {year}' },
  'status.none': { fi: 'Ei vielä laadittu', sv: 'Inte gjord ännu', en: 'Not drawn up yet' },
  'status.draft': localisedText('common.draft'),
  'status.submitted': {
    fi: 'Jätetty henkilöstöpalveluille',
    sv: 'Inlämnad till personaltjänsterna',
    en: 'Submitted to HR',
  },
  'status.reviewed': {
    fi: 'Käsitelty kaupunginjohtajan johtoryhmässä',
    sv: 'Behandlad i stadsdirektörens ledningsgrupp',
    en: 'Reviewed by the city manager’s management team',
  },
  'status.confirmed': {
    fi: 'Vahvistettu YT-neuvottelukunnassa',
    sv: 'Fastställd av samarbetskommittén',
    en: 'Confirmed by the co-operation committee',
  },
  'history.line': {
    fi: '{status}: {by}, {date}',
    sv: '{status}: {by}, {date}',
    en: '{status}: {by}, {date}',
  },
  'items.none': {
    fi: 'Suunnitelmassa ei ole vielä rivejä.',
    sv: 'Planen har inga rader ännu.',
    en: 'The plan has no items yet.',
  },
  'item.line': {
    fi: '{need} · {way} · {audience} · {headcount} hlö',
    sv: '{need} · {way} · {audience} · {headcount} pers.',
    en: '{need} · {way} · {audience} · {headcount} people',
  },
  'form.need': { fi: 'Tarve', sv: 'Behov', en: 'Need' },
  'form.competence': { fi: 'Osaaminen', sv: 'Kompetens', en: 'Competence' },
  'form.noCompetence': {
    fi: '(ei yksittäistä osaamista)',
    sv: '(ingen enskild kompetens)',
    en: '(no single competence)',
  },
  'form.way': { fi: 'Oppimistapa', sv: 'Inlärningssätt', en: 'Way of learning' },
  'form.audience': { fi: 'Kohderyhmä', sv: 'Målgrupp', en: 'Audience' },
  'form.headcount': { fi: 'Henkilömäärä', sv: 'Antal personer', en: 'Headcount' },
  'way.70': { fi: '70 työssä oppiminen', sv: '70 lärande i arbetet', en: '70 learning at work' },
  'way.20': { fi: '20 toisilta oppiminen', sv: '20 lärande av andra', en: '20 learning from others' },
  'way.10': {
    fi: '10 koulutus ja valmennus',
    sv: '10 utbildning och coachning',
    en: '10 training and coaching',
  },
  'audience.allStaff': { fi: 'Koko henkilöstö', sv: 'Hela personalen', en: 'All staff' },
  'audience.supervisors': { fi: 'Esihenkilöt', sv: 'Chefer', en: 'Supervisors' },
  'audience.askers': { fi: 'Pyytäneet', sv: 'De som bett om det', en: 'Those who asked' },
  'demand.coaching.individual': localisedText('developmentAction.option.coaching.individual'),
  'demand.coaching.group': localisedText('developmentAction.option.coaching.group'),
  'demand.coaching.workCommunity': localisedText('developmentAction.option.coaching.workCommunity'),
  'demand.workSupervision.individual': localisedText('developmentAction.option.workSupervision.individual'),
  'demand.workSupervision.group': localisedText('developmentAction.option.workSupervision.group'),
  'demand.workSupervision.workCommunity': localisedText(
    'developmentAction.option.workSupervision.workCommunity',
  ),
  'action.open': localisedText('myTeam.open'),
  'action.addItem': { fi: 'Lisää rivi', sv: 'Lägg till rad', en: 'Add item' },
  'action.removeItem': { fi: 'Poista: {need}', sv: 'Ta bort: {need}', en: 'Remove: {need}' },
  'action.addNeeds': {
    fi: 'Lisää alueen anonyymit tarpeet',
    sv: 'Lägg till områdets anonyma behov',
    en: 'Add the area’s anonymous needs',
  },
  'action.submit': {
    fi: 'Jätä henkilöstöpalveluille',
    sv: 'Lämna in till personaltjänsterna',
    en: 'Submit to HR',
  },
  'action.combine': {
    fi: 'Yhdistä keskitetyksi suunnitelmaksi',
    sv: 'Slå ihop till en central plan',
    en: 'Combine into the central plan',
  },
  'action.review': { fi: 'Merkitse käsitellyksi', sv: 'Markera som behandlad', en: 'Mark as reviewed' },
  'action.confirm': { fi: 'Vahvista', sv: 'Fastställ', en: 'Confirm' },
  'action.back': { fi: 'Kaikki suunnitelmat', sv: 'Alla planer', en: 'All plans' },
  'notice.saved': localisedText('common.saved'),
  'notice.submitted': {
    fi: 'Suunnitelma jätettiin.',
    sv: 'Planen lämnades in.',
    en: 'The plan was submitted.',
  },
  'notice.combined': {
    fi: 'Keskitetty suunnitelma koottiin.',
    sv: 'Den centrala planen sammanställdes.',
    en: 'The central plan was compiled.',
  },
  'notice.reviewed': {
    fi: 'Merkitty käsitellyksi.',
    sv: 'Markerad som behandlad.',
    en: 'Marked as reviewed.',
  },
  'notice.confirmed': {
    fi: 'Suunnitelma vahvistettiin.',
    sv: 'Planen fastställdes.',
    en: 'The plan was confirmed.',
  },
  'notice.conflict': {
    fi: 'Joku muutti suunnitelmaa sillä välin. Tässä uusin versio; mitään ei tallennettu.',
    sv: 'Någon ändrade planen under tiden. Här är den senaste versionen; inget sparades.',
    en: 'Someone changed the plan meanwhile. Here is the latest version; nothing was saved.',
  },
  'notice.notLinked': localisedText('person.notLinked'),
  'export.number': { fi: 'Nro', sv: 'Nr', en: 'No.' },
  'export.origin': { fi: 'Palvelualue', sv: 'Serviceområde', en: 'Service area' },
  'origin.cityNeeds': {
    fi: 'Koko kaupungin anonyymit tarpeet',
    sv: 'Hela stadens anonyma behov',
    en: 'Whole city’s anonymous needs',
  },
  'export.sheet': { fi: 'Suunnitelma', sv: 'Plan', en: 'Plan' },
  'export.historySheet': { fi: 'Käsittely', sv: 'Behandling', en: 'Handling' },
  'export.status': { fi: 'Tila', sv: 'Status', en: 'Status' },
  'export.by': { fi: 'Kuka', sv: 'Vem', en: 'By' },
  'export.at': { fi: 'Milloin', sv: 'När', en: 'When' },
} satisfies Catalogue<string>;

export type TrainingPlanTextKey = keyof typeof TRAINING_PLAN_TEXTS;
