/**
 * The seed's common competences (yhteiset osaamiset, Heinola): six for all staff and seven more for supervisors,
 * with the seed's descriptions. The default framework for a year; HR edits a year's copy on behalf of the city
 * manager's management team, which decides what is assessed.
 */
import type { Competence, CompetenceAudience, CompetenceFramework, RatingScale } from './competence';
import type { LocalisedText } from './locale';

type CatalogueEntry = Pick<Competence, 'id' | 'name' | 'description'>;

const ALL_STAFF: CatalogueEntry[] = [
  {
    id: 'self-management',
    name: { fi: 'Itsensä johtamisen taidot', sv: 'Självledarskap', en: 'Self-management' },
    description: {
      fi: 'Taito tarkastella omaa toimintaa, ajattelua ja päätöksentekoa kriittisesti ja kehittävällä otteella, joka mahdollistaa jatkuvan henkilökohtaisen kehittymisen ja paremman yhteistyön muiden kanssa. Kyky toimia oma-aloitteisesti ja vastuullisesti ilman jatkuvaa ohjausta, mihin sisältyy oman työn suunnittelu, priorisointi ja tavoitteiden saavuttaminen osana isompaa kokonaisuutta.',
      sv: 'Förmåga att granska sitt eget agerande, tänkande och beslutsfattande kritiskt och med en utvecklande inställning, vilket möjliggör fortlöpande personlig utveckling och bättre samarbete med andra. Förmåga att agera på eget initiativ och ansvarsfullt utan ständig handledning, vilket omfattar att planera och prioritera sitt eget arbete och att nå målen som en del av en större helhet.',
      en: "The ability to examine one's own actions, thinking and decision-making critically and with a developmental approach, enabling continuous personal development and better collaboration with others. The ability to act on one's own initiative and responsibly without constant guidance, including planning and prioritising one's own work and achieving goals as part of a larger whole.",
    },
  },
  {
    id: 'learning-and-renewal',
    name: {
      fi: 'Oppimisen ja uudistumisen osaaminen',
      sv: 'Lärande och förnyelse',
      en: 'Learning and renewal',
    },
    description: {
      fi: 'Kyky omaksua uusia tietoja ja taitoja sekä myönteinen suhtautuminen oppimiseen. Sisältää avoimuuden palautteelle ja halun kehittyä työn ja organisaation tarpeiden mukaisesti. Valmius ja halu kohdata muutoksia rakentavasti sekä mukautua joustavasti erilaisiin tilanteisiin, joissa toimintaympäristö tai tavoitteet muuttuvat.',
      sv: 'Förmåga att ta till sig nya kunskaper och färdigheter samt en positiv inställning till lärande. Omfattar öppenhet för respons och vilja att utvecklas enligt arbetets och organisationens behov. Beredskap och vilja att möta förändringar konstruktivt och att anpassa sig flexibelt till situationer där verksamhetsmiljön eller målen förändras.',
      en: 'The ability to take on new knowledge and skills, and a positive attitude to learning. Includes openness to feedback and the will to develop according to the needs of the work and the organisation. Readiness and willingness to meet change constructively and to adapt flexibly to situations where the operating environment or the goals change.',
    },
  },
  {
    id: 'thinking-and-problem-solving',
    name: {
      fi: 'Ajattelu- ja ongelmanratkaisuosaaminen',
      sv: 'Tänkande och problemlösning',
      en: 'Thinking and problem solving',
    },
    description: {
      fi: 'Taito tunnistaa ja analysoida erilaisia tilanteita, hahmottaa kokonaisuuksia ja löytää niihin toimivia ratkaisuja. Taito hyödyntää luovuutta, analyyttisyyttä ja päätöksentekotaitoja erilaisissa työtilanteissa.',
      sv: 'Förmåga att identifiera och analysera olika situationer, se helheter och hitta fungerande lösningar. Förmåga att använda kreativitet, analytiskt tänkande och beslutsförmåga i olika arbetssituationer.',
      en: 'The ability to recognise and analyse different situations, see the whole and find workable solutions. The ability to use creativity, analytical thinking and decision-making skills in different work situations.',
    },
  },
  {
    id: 'interaction-and-collaboration',
    name: {
      fi: 'Vuorovaikutus- ja yhteistyöosaaminen',
      sv: 'Interaktion och samarbete',
      en: 'Interaction and collaboration',
    },
    description: {
      fi: 'Taito viestiä selkeästi, kuunnella aktiivisesti ja toimia rakentavasti muiden kanssa. Sisältää palautteenannon, yhteistyöhalukkuuden ja palveluasenteen niin sisäisissä kuin ulkoisissa suhteissa.',
      sv: 'Förmåga att kommunicera tydligt, lyssna aktivt och arbeta konstruktivt tillsammans med andra. Omfattar att ge respons, samarbetsvilja och serviceinriktning i såväl interna som externa relationer.',
      en: 'The ability to communicate clearly, listen actively and work constructively with others. Includes giving feedback, willingness to cooperate and a service-minded attitude in internal and external relationships alike.',
    },
  },
  {
    id: 'technology-and-digital',
    name: {
      fi: 'Teknologia- ja digiosaaminen',
      sv: 'Teknik- och digikompetens',
      en: 'Technology and digital skills',
    },
    description: {
      fi: 'Kyky hyödyntää digitaalisia välineitä ja järjestelmiä tehokkaasti omassa työssä. Sisältää valmiuden omaksua uutta teknologiaa ja kehittää omaa digiosaamistaan.',
      sv: 'Förmåga att använda digitala verktyg och system effektivt i det egna arbetet. Omfattar beredskap att ta till sig ny teknik och att utveckla den egna digitala kompetensen.',
      en: "The ability to use digital tools and systems effectively in one's own work. Includes readiness to adopt new technology and to develop one's own digital skills.",
    },
  },
  {
    id: 'professional-competence',
    name: { fi: 'Ammatillinen osaaminen', sv: 'Yrkeskompetens', en: 'Professional competence' },
    description: {
      fi: 'Tehtäväkohtainen asiantuntemus ja ammatillinen pätevyys, joka tukee työn tavoitteiden saavuttamista. Sisältää työn vaatimien menetelmien, säädösten ja käytäntöjen hallinnan.',
      sv: 'Uppgiftsspecifik sakkunskap och yrkesmässig behörighet som stöder att arbetets mål uppnås. Omfattar behärskning av de metoder, bestämmelser och den praxis som arbetet kräver.',
      en: 'Task-specific expertise and professional qualification that support achieving the goals of the work. Includes command of the methods, regulations and practices the work requires.',
    },
  },
];

const SUPERVISORS: CatalogueEntry[] = [
  {
    id: 'strategic-leadership',
    name: { fi: 'Strateginen johtaminen', sv: 'Strategiskt ledarskap', en: 'Strategic leadership' },
    description: {
      fi: 'Kyky nähdä kokonaiskuva organisaation tavoitteista ja ohjata omaa tiimiään niiden suuntaisesti. Sisältää strategioiden jalkauttamisen, toiminnan suunnan selkeyttämisen ja pitkän aikavälin ajattelun.',
      sv: 'Förmåga att se helheten i organisationens mål och leda det egna teamet i linje med dem. Omfattar att förankra strategierna i verksamheten, att tydliggöra verksamhetens riktning och att tänka långsiktigt.',
      en: "The ability to see the big picture of the organisation's goals and to steer one's own team in line with them. Includes putting strategies into practice, clarifying the direction of the work and long-term thinking.",
    },
  },
  {
    id: 'supervisor-interaction',
    name: { fi: 'Vuorovaikutusosaaminen', sv: 'Interaktionskompetens', en: 'Interaction skills' },
    description: {
      fi: 'Taito kohdata työntekijät kunnioittavasti, kuunnella aktiivisesti, viestiä selkeästi ja rakentaa luottamuksellisia suhteita. Sisältää myös palautteenannon ja vaikuttavan vuorovaikutuksen keinot erilaisissa tilanteissa.',
      sv: 'Förmåga att bemöta medarbetarna med respekt, lyssna aktivt, kommunicera tydligt och bygga förtroendefulla relationer. Omfattar också att ge respons och att kommunicera med genomslag i olika situationer.',
      en: 'The ability to meet employees with respect, listen actively, communicate clearly and build relationships of trust. Also includes giving feedback and ways of interacting effectively in different situations.',
    },
  },
  {
    id: 'competence-management',
    name: { fi: 'Osaamisen johtaminen', sv: 'Kompetensledning', en: 'Competence management' },
    description: {
      fi: 'Kyky suunnitella, kehittää ja tukea henkilöstön osaamista. Tähän kuuluvat kehityskeskustelut, osaamistarpeiden tunnistaminen ja kouluttautumisen mahdollistaminen.',
      sv: 'Förmåga att planera, utveckla och stödja personalens kompetens. Hit hör utvecklingssamtal, att identifiera kompetensbehov och att möjliggöra fortbildning.',
      en: 'The ability to plan, develop and support the competence of staff. This includes development discussions, identifying competence needs and making training possible.',
    },
  },
  {
    id: 'employment-and-recruitment',
    name: {
      fi: 'Palvelussuhde- ja rekrytointiosaaminen',
      sv: 'Anställningsfrågor och rekrytering',
      en: 'Employment relationships and recruitment',
    },
    description: {
      fi: 'Tuntee työlainsäädännön, virka- ja työehtosopimukset sekä paikalliset sopimukset. Esihenkilö ymmärtää työntekijöiden oikeudet ja velvollisuudet sekä oman vastuunsa ja roolinsa niiden toteutumisessa. Kyvykkyys toteuttaa rekrytointiprosessi oikeudenmukaisesti ja tehokkaasti. Sisältää myös valintakriteerien määrittelyn, hakijoiden arvioinnin ja perehdytyksen suunnittelun.',
      sv: 'Känner till arbetslagstiftningen, tjänste- och arbetskollektivavtalen samt de lokala avtalen. Chefen förstår medarbetarnas rättigheter och skyldigheter samt sitt eget ansvar och sin egen roll i att de förverkligas. Förmåga att genomföra rekryteringsprocessen rättvist och effektivt. Omfattar även att fastställa urvalskriterier, bedöma sökande och planera introduktionen.',
      en: "Knows employment legislation, the collective agreements for public officials and employees, and local agreements. The supervisor understands employees' rights and obligations and their own responsibility and role in fulfilling them. The capability to carry out recruitment fairly and efficiently, including defining selection criteria, assessing applicants and planning orientation.",
    },
  },
  {
    id: 'performance-management',
    name: { fi: 'Suorituksen johtaminen', sv: 'Prestationsledning', en: 'Performance management' },
    description: {
      fi: 'Taito asettaa tavoitteita, seurata edistymistä ja antaa palautetta työn tuloksellisuudesta. Sisältää myös tuen tarjoamisen ja kehittämistoimien suunnittelun tilanteissa, joissa tavoitteet eivät täyty.',
      sv: 'Förmåga att sätta upp mål, följa upp framstegen och ge respons på arbetets resultat. Omfattar också att erbjuda stöd och planera utvecklingsåtgärder i situationer där målen inte uppnås.',
      en: 'The ability to set goals, follow progress and give feedback on the results of the work. Also includes offering support and planning development measures when goals are not met.',
    },
  },
  {
    id: 'finance-and-knowledge-based-management',
    name: {
      fi: 'Talouden ja tiedolla johtamisen osaaminen',
      sv: 'Ekonomi och kunskapsbaserad ledning',
      en: 'Finance and knowledge-based management',
    },
    description: {
      fi: 'Ymmärrys talousarviosta, kustannusseurannasta ja resurssien tehokkaasta käytöstä. Esihenkilö kykenee tulkitsemaan taloudellisia tunnuslukuja, dataa ja tilastoja sekä hyödyntämään niitä päätöksenteossa, toiminnan kehittämisessä ja johtamisessa.',
      sv: 'Förståelse för budgeten, kostnadsuppföljningen och en effektiv användning av resurserna. Chefen kan tolka ekonomiska nyckeltal, data och statistik och använda dem i beslutsfattandet, i utvecklingen av verksamheten och i ledarskapet.',
      en: 'Understanding of the budget, cost monitoring and the efficient use of resources. The supervisor can interpret financial indicators, data and statistics and use them in decision-making, in developing operations and in leadership.',
    },
  },
  {
    id: 'work-ability-and-wellbeing',
    name: {
      fi: 'Työkykyjohtaminen ja työhyvinvoinnin osaaminen',
      sv: 'Arbetsförmågeledning och arbetsvälbefinnande',
      en: 'Work ability management and wellbeing at work',
    },
    description: {
      fi: 'Taito tukea työntekijöiden työkykyä ja työhyvinvointia ennakoivasti ja reagoivasti. Sisältää varhaisen tuen mallit, työterveysyhteistyön, työkyvyn seurannan ja uudelleensijoitusprosessit.',
      sv: 'Förmåga att stödja medarbetarnas arbetsförmåga och arbetsvälbefinnande både förebyggande och när problem uppstår. Omfattar modeller för tidigt stöd, samarbete med företagshälsovården, uppföljning av arbetsförmågan och omplaceringsprocesser.',
      en: "The ability to support employees' work ability and wellbeing at work both proactively and reactively. Includes early-support models, cooperation with occupational health care, monitoring of work ability and redeployment processes.",
    },
  },
];

const SCALE_LABELS: LocalisedText[] = [
  { fi: 'Kehittymässä', sv: 'Under utveckling', en: 'Developing' },
  { fi: 'Tyydyttävä', sv: 'Tillfredsställande', en: 'Satisfactory' },
  { fi: 'Hyvä', sv: 'God', en: 'Good' },
  { fi: 'Erittäin hyvä', sv: 'Mycket god', en: 'Very good' },
  { fi: 'Erinomainen', sv: 'Utmärkt', en: 'Excellent' },
];

function competences(entries: CatalogueEntry[], audience: CompetenceAudience): Competence[] {
  return entries.map((entry) => ({
    id: entry.id,
    audience,
    name: { ...entry.name },
    description: { ...entry.description },
    assessed: true,
  }));
}

/** A fresh copy each call, so editing one year's framework never changes another's. */
export function defaultCompetenceFramework(year: number): CompetenceFramework {
  const scale: RatingScale = { min: 1, max: 5, labels: SCALE_LABELS.map((label) => ({ ...label })) };
  return {
    year,
    competences: [...competences(ALL_STAFF, 'allStaff'), ...competences(SUPERVISORS, 'supervisors')],
    scale,
  };
}
