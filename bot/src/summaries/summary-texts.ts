/** The summaries' texts (HR's cards and the channel announcement), fi / sv / en. */
import type { Catalogue } from '../cards/localised';
import { localisedText } from '../i18n/translate';

/** The summary's title, the same in its editor and in its announcement. */
const SUMMARY_TITLE = {
  fi: 'Osaamiskoonti {year}: {area}',
  sv: 'Kompetenssammanställning {year}: {area}',
  en: 'Competence summary {year}: {area}',
};

export const SUMMARY_TEXTS = {
  'overview.title': {
    fi: 'Osaamiskoonnit {year}',
    sv: 'Kompetenssammanställningar {year}',
    en: 'Competence summaries {year}',
  },
  'overview.intro': {
    fi: 'Palvelualueiden koonnit ryhmäkeskusteluista ja osaamisarvioinneista. Luvut ovat anonyymejä: alle {threshold} hengen ryhmistä ei näytetä mitään.',
    sv: 'Serviceområdenas sammanställningar av gruppsamtal och kompetensbedömningar. Siffrorna är anonyma: för grupper under {threshold} personer visas ingenting.',
    en: 'The service areas’ summaries of group discussions and competence assessments. Figures are anonymous: nothing is shown for groups under {threshold} people.',
  },
  'status.none': { fi: 'Ei vielä luonnosta', sv: 'Inget utkast ännu', en: 'No draft yet' },
  'status.draft': localisedText('common.draft'),
  'status.published': { fi: 'Julkaistu {date}', sv: 'Publicerad {date}', en: 'Published {date}' },
  'channel.missing': {
    fi: 'Kanavaa ei ole liitetty: lisää Osaamiskello-välilehti palvelualueen kanavalle.',
    sv: 'Ingen kanal är kopplad: lägg till fliken Osaamiskello i serviceområdets kanal.',
    en: 'No channel is linked: add the Osaamiskello tab to the service area’s channel.',
  },
  'action.open': localisedText('myTeam.open'),
  'action.previousYear': { fi: '◀ {year}', sv: '◀ {year}', en: '◀ {year}' },
  'action.nextYear': { fi: '{year} ▶', sv: '{year} ▶', en: '{year} ▶' },
  'action.createDraft': { fi: 'Luo luonnos', sv: 'Skapa utkast', en: 'Create draft' },
  'action.refresh': { fi: 'Päivitä luvut', sv: 'Uppdatera siffrorna', en: 'Update figures' },
  'action.collect': {
    fi: 'Kokoa johtopäätökset uudelleen',
    sv: 'Samla slutsatserna på nytt',
    en: 'Collect the conclusions again',
  },
  'action.save': localisedText('common.save'),
  'action.publish': { fi: 'Julkaise kanavalle', sv: 'Publicera i kanalen', en: 'Publish to the channel' },
  'action.revise': { fi: 'Muokkaa uudelleen', sv: 'Redigera igen', en: 'Revise' },
  'action.back': { fi: 'Kaikki koonnit', sv: 'Alla sammanställningar', en: 'All summaries' },
  'editor.title': SUMMARY_TITLE,
  'editor.noDraft': {
    fi: 'Luonnos kootaan palvelualueen ryhmäkeskustelujen johtopäätöksistä ja allekirjoitettujen kehityskeskustelujen anonyymeistä luvuista.',
    sv: 'Utkastet sammanställs av slutsatserna från serviceområdets gruppsamtal och anonyma siffror från undertecknade utvecklingssamtal.',
    en: 'The draft is compiled from the conclusions of the area’s group discussions and anonymous figures from signed development discussions.',
  },
  'editor.themeHelp': {
    fi: '{count} johtopäätöstä, yksi kullekin riville. Tallentaminen korvaa teeman johtopäätökset.',
    sv: '{count} slutsatser, en per rad. När du sparar ersätts temats slutsatser.',
    en: '{count} conclusions, one per line. Saving replaces the theme’s conclusions.',
  },
  'facts.respondents': {
    fi: 'Allekirjoitetut kehityskeskustelut',
    sv: 'Undertecknade utvecklingssamtal',
    en: 'Signed development discussions',
  },
  'facts.suppressed': {
    fi: 'Alle {threshold}: lukuja ei näytetä',
    sv: 'Under {threshold}: inga siffror visas',
    en: 'Under {threshold}: no figures shown',
  },
  'facts.teams': { fi: 'Ryhmät lämpökartassa', sv: 'Grupper i värmekartan', en: 'Groups in the heatmap' },
  'facts.learningWays': {
    fi: 'Oppimistavat 70-20-10',
    sv: 'Inlärningssätt 70-20-10',
    en: 'Ways of learning 70-20-10',
  },
  'facts.split': localisedText('common.split'),
  'facts.topNeeds': localisedText('common.topNeeds'),
  'facts.needLine': {
    fi: '{name}: {share} % ({needs}/{rated})',
    sv: '{name}: {share} % ({needs}/{rated})',
    en: '{name}: {share}% ({needs}/{rated})',
  },
  'facts.hidden': {
    fi: 'Anonymiteetin vuoksi piilotetut luvut',
    sv: 'Siffror som döljs för anonymitetens skull',
    en: 'Figures hidden for anonymity',
  },
  'hidden.wholeGroup': {
    fi: 'Koko palvelualue on alle {threshold} hengen: sen luvut näkyvät vain kaupungin yhteisluvuissa.',
    sv: 'Hela serviceområdet är under {threshold} personer: dess siffror ingår bara i stadens totalsiffror.',
    en: 'The whole service area is under {threshold} people: its figures count only in the city’s totals.',
  },
  'hidden.small': {
    fi: 'Alle {threshold} henkeä: {count}',
    sv: 'Färre än {threshold} personer: {count}',
    en: 'Fewer than {threshold} people: {count}',
  },
  'hidden.change': {
    fi: 'Muuttui edellisestä alle {threshold} hengellä: {count}',
    sv: 'Ändrades sedan förra gången med färre än {threshold} personer: {count}',
    en: 'Changed since the last release by fewer than {threshold} people: {count}',
  },
  'hidden.hierarchy': {
    fi: 'Piilotettu myös kaupungin luvuissa: {count}',
    sv: 'Dolda även i stadens siffror: {count}',
    en: 'Hidden in the city’s figures too: {count}',
  },
  'hidden.complementary': {
    fi: 'Piilotettu, jottei toista piilotettua lukua voi laskea erotuksena: {count}',
    sv: 'Dolda så att en annan dold siffra inte kan räknas ut som skillnad: {count}',
    en: 'Hidden so that another hidden figure cannot be worked out by subtraction: {count}',
  },
  'hidden.none': {
    fi: 'Mitään ei piilotettu.',
    sv: 'Ingenting doldes.',
    en: 'Nothing was hidden.',
  },
  'facts.noFigures': { fi: 'Ei näytettäviä lukuja', sv: 'Inga siffror att visa', en: 'No figures to show' },
  'notice.drafted': { fi: 'Luonnos on valmis.', sv: 'Utkastet är klart.', en: 'The draft is ready.' },
  'notice.refreshed': {
    fi: 'Luvut on päivitetty.',
    sv: 'Siffrorna har uppdaterats.',
    en: 'The figures were updated.',
  },
  'notice.collected': {
    fi: 'Johtopäätökset koottiin ryhmäkeskusteluista.',
    sv: 'Slutsatserna samlades från gruppsamtalen.',
    en: 'The conclusions were collected from the group discussions.',
  },
  'notice.saved': localisedText('common.saved'),
  'notice.published': {
    fi: 'Julkaistu, ja koontikortti lähetettiin palvelualueen kanavalle.',
    sv: 'Publicerad, och sammanställningskortet skickades till serviceområdets kanal.',
    en: 'Published, and the summary card was posted to the service area’s channel.',
  },
  'notice.notPosted': {
    fi: 'Ei julkaistu: {reason} Koonti on yhä luonnos. Valitse ”Yritä julkaista uudelleen”.',
    sv: 'Inte publicerad: {reason} Sammanställningen är fortfarande ett utkast. Välj ”Försök publicera igen”.',
    en: 'Not published: {reason} The summary is still a draft. Choose “Try publishing again”.',
  },
  'reason.noConversation': {
    fi: 'Osaamiskello ei ole kanavan tiimissä, joten korttia ei voitu lähettää. Lisää Osaamiskello tiimiin.',
    sv: 'Osaamiskello finns inte i kanalens team, så kortet kunde inte skickas. Lägg till Osaamiskello i teamet.',
    en: 'Osaamiskello is not in the channel’s team, so the card could not be sent. Add Osaamiskello to the team.',
  },
  'reason.failed': {
    fi: 'Teams ei ottanut korttia vastaan.',
    sv: 'Teams tog inte emot kortet.',
    en: 'Teams did not accept the card.',
  },
  'reason.willRetry': {
    fi: 'Teams pyysi odottamaan. Kortti lähetetään uudelleen itsestään, ja koonti julkaistaan, kun se on perillä.',
    sv: 'Teams bad oss vänta. Kortet skickas igen av sig självt, och sammanställningen publiceras när det har kommit fram.',
    en: 'Teams asked us to wait. The card is sent again by itself, and the summary is published once it arrives.',
  },
  'status.notPosted': {
    fi: 'Ei julkaistu: kanavalle lähetys epäonnistui',
    sv: 'Inte publicerad: kortet nådde inte kanalen',
    en: 'Not published: the channel post failed',
  },
  'action.retryPublish': {
    fi: 'Yritä julkaista uudelleen',
    sv: 'Försök publicera igen',
    en: 'Try publishing again',
  },
  'notice.revised': {
    fi: 'Koonti on taas luonnos. Kanavan välilehti näyttää {date} julkaistun version, kunnes julkaiset uudelleen.',
    sv: 'Sammanställningen är åter ett utkast. Kanalens flik visar versionen som publicerades {date} tills du publicerar igen.',
    en: 'The summary is a draft again. The channel tab shows the version published on {date} until you publish again.',
  },
  'notice.conflict': {
    fi: 'Joku muutti koontia sillä välin. Tässä uusin versio; mitään ei tallennettu.',
    sv: 'Någon ändrade sammanställningen under tiden. Här är den senaste versionen; inget sparades.',
    en: 'Someone changed the summary meanwhile. Here is the latest version; nothing was saved.',
  },
  'notice.notLinked': localisedText('person.notLinked'),
  'summary.notAllowed': {
    fi: 'Koonteja laativat henkilöstöpalvelut.',
    sv: 'Sammanställningarna görs av personaltjänsterna.',
    en: 'Summaries are compiled by HR.',
  },
  'summary.notFound': {
    fi: 'Koontia ei löytynyt.',
    sv: 'Sammanställningen hittades inte.',
    en: 'The summary was not found.',
  },
  'summary.unknownArea': localisedText('common.serviceAreaNotFound'),
  'summary.published': {
    fi: 'Koonti on julkaistu. Valitse ensin ”Muokkaa uudelleen”.',
    sv: 'Sammanställningen är publicerad. Välj först ”Redigera igen”.',
    en: 'The summary is published. Choose “Revise” first.',
  },
  'summary.notPublished': {
    fi: 'Koontia ei ole julkaistu.',
    sv: 'Sammanställningen är inte publicerad.',
    en: 'The summary is not published.',
  },
  'summary.noChannel': {
    fi: 'Palvelualueelle ei ole liitetty kanavaa. Lisää Osaamiskello-välilehti palvelualueen kanavalle ja valitse siinä palvelualue.',
    sv: 'Ingen kanal är kopplad till serviceområdet. Lägg till fliken Osaamiskello i serviceområdets kanal och välj serviceområdet där.',
    en: 'No channel is linked to the service area. Add the Osaamiskello tab to the area’s channel and choose the area in it.',
  },
  'summary.smallChange': {
    fi: 'Luvut ovat muuttuneet edellisestä julkaisusta vähemmän kuin anonymiteettirajan verran henkilöitä: uutta julkaisua ei voi verrata edelliseen anonyymisti. Julkaise, kun allekirjoitettuja keskusteluja on tullut lisää (tai kun luvut ovat ennallaan).',
    sv: 'Siffrorna har ändrats sedan förra publiceringen med färre personer än anonymitetsgränsen: den nya kan inte jämföras med den förra anonymt. Publicera när fler samtal har undertecknats (eller när siffrorna är oförändrade).',
    en: 'The figures changed since the last publication by fewer people than the anonymity threshold: the new one could not be compared with the last anonymously. Publish when more discussions are signed (or when the figures are unchanged).',
  },
  'summary.tooManyConclusions': {
    fi: 'Teemalla voi olla enintään {max} johtopäätöstä.',
    sv: 'Ett tema kan ha högst {max} slutsatser.',
    en: 'A theme holds at most {max} conclusions.',
  },
  'summary.textTooLong': {
    fi: 'Johtopäätös voi olla enintään {max} merkkiä.',
    sv: 'En slutsats får vara högst {max} tecken.',
    en: 'A conclusion can be at most {max} characters.',
  },
  'summary.postRetrying': {
    fi: 'Koontikorttia lähetetään kanavalle juuri nyt uudelleen. Odota hetki ja katso tilanne uudelleen ennen kuin julkaiset.',
    sv: 'Sammanställningskortet skickas till kanalen igen just nu. Vänta en stund och se efter igen innan du publicerar.',
    en: 'The summary card is being sent to the channel again right now. Wait a moment and look again before publishing.',
  },
  'announcement.title': SUMMARY_TITLE,
  'announcement.intro': {
    fi: 'Henkilöstöpalvelut julkaisi palvelualueen osaamiskoonnin ryhmäkeskusteluista ja kehityskeskusteluista. Luvut ovat anonyymejä.',
    sv: 'Personaltjänsterna har publicerat serviceområdets kompetenssammanställning av gruppsamtal och utvecklingssamtal. Siffrorna är anonyma.',
    en: 'HR has published the service area’s competence summary of group and development discussions. The figures are anonymous.',
  },
  'announcement.more': { fi: '… ja {count} muuta', sv: '… och {count} till', en: '… and {count} more' },
  'announcement.open': { fi: 'Avaa koonti', sv: 'Öppna sammanställningen', en: 'Open the summary' },
} satisfies Catalogue<string>;

export type SummaryTextKey = keyof typeof SUMMARY_TEXTS;
