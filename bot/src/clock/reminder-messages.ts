/** The reminders' words in Finnish, Swedish and English: a reminder's data put into its recipient's language. */
import type { PhaseKind } from '../domain/annual-clock';
import type { Locale, LocalisedText } from '../domain/locale';
import { interpolate } from '../i18n/interpolate';
import type { ReminderAction, ReminderMessage } from '../domain/reminder';

export const PHASE_TITLES: Record<PhaseKind, LocalisedText> = {
  developmentDiscussions: {
    fi: 'Kehityskeskustelut',
    sv: 'Utvecklingssamtal',
    en: 'Development discussions',
  },
  groupDiscussions: {
    fi: 'Ryhmäosaamiskeskustelut',
    sv: 'Gruppsamtal om kompetens',
    en: 'Group competence discussions',
  },
  serviceAreaDiscussion: {
    fi: 'Palvelualueen osaamiskeskustelu',
    sv: 'Serviceområdets kompetenssamtal',
    en: 'Service area competence discussion',
  },
  trainingPlans: {
    fi: 'Henkilöstö- ja koulutussuunnitelma',
    sv: 'Personal- och utbildningsplan',
    en: 'Personnel and training plan',
  },
  strategicDiscussion: {
    fi: 'Strateginen osaamiskeskustelu',
    sv: 'Strategiskt kompetenssamtal',
    en: 'Strategic competence discussion',
  },
  cooperationConfirmation: {
    fi: 'Koulutussuunnitelmien vahvistus YT-neuvottelukunnassa',
    sv: 'Samarbetskommitténs fastställande av utbildningsplanerna',
    en: "The co-operation committee's confirmation of the training plans",
  },
};

const TEXTS = {
  'phaseOpened.employee': {
    fi: 'Kehityskeskustelujen aika on alkanut. Käy kehityskeskustelusi esihenkilösi kanssa viimeistään {closes}. Voit aloittaa valmistautumisen jo nyt.',
    sv: 'Tiden för utvecklingssamtal har börjat. Håll ditt utvecklingssamtal med din chef senast {closes}. Du kan redan nu börja förbereda dig.',
    en: 'The development discussion period has started. Have your development discussion with your supervisor by {closes}. You can start preparing now.',
  },
  'phaseOpened.supervisor': {
    fi: 'Kehityskeskustelujen aika on alkanut ({opens}–{closes}). Pidettäviä kehityskeskusteluja sinulla on {total}.',
    sv: 'Tiden för utvecklingssamtal har börjat ({opens}–{closes}). Antal utvecklingssamtal som du ska hålla: {total}.',
    en: 'The development discussion period has started ({opens}–{closes}). Development discussions for you to hold: {total}.',
  },
  'phaseOpened.other': {
    fi: 'Aika on alkanut: {opens}–{closes}.',
    sv: 'Perioden har börjat: {opens}–{closes}.',
    en: 'The period has started: {opens}–{closes}.',
  },
  'deadlineApproaching.employee': {
    fi: 'Kehityskeskusteluasi ei ole vielä sovittu. Määräaika on {closes}: sovi aika esihenkilösi kanssa.',
    sv: 'Ditt utvecklingssamtal har ännu inte bokats. Sista dag är {closes}: kom överens om en tid med din chef.',
    en: 'Your development discussion has not been scheduled yet. The deadline is {closes}: agree on a time with your supervisor.',
  },
  'deadlineApproaching.supervisor': {
    fi: 'Kehityskeskusteluistasi {open}/{total} on pitämättä. Määräaika on {closes}.',
    sv: 'Av dina utvecklingssamtal har {open} av {total} inte hållits ännu. Sista dag är {closes}.',
    en: '{open} of your {total} development discussions have not been held yet. The deadline is {closes}.',
  },
  'deadlineApproaching.other': {
    fi: 'Määräaika on {closes}.',
    sv: 'Sista dag är {closes}.',
    en: 'Due {closes}.',
  },
  'preparationDue.employee': {
    fi: 'Valmistaudu kehityskeskusteluusi {meeting}.',
    sv: 'Förbered dig inför ditt utvecklingssamtal {meeting}.',
    en: 'Prepare for your development discussion on {meeting}.',
  },
  'overdue.responsible': {
    fi: 'Määräaika {closes} on mennyt. Kesken: {open}/{total}.',
    sv: 'Tidsfristen {closes} har gått ut. Inte klara: {open} av {total}.',
    en: 'The deadline {closes} has passed. Not done: {open} of {total}.',
  },
  'escalation.escalation': {
    fi: 'Määräaika {closes} on mennyt. Kesken: {open}; vastuuhenkilöitä: {responsible}.',
    sv: 'Tidsfristen {closes} har gått ut. Inte klara: {open}; ansvariga personer: {responsible}.',
    en: 'The deadline {closes} has passed. Not done: {open}; people responsible: {responsible}.',
  },
  progress: {
    fi: 'Kesken: {open}/{total}.',
    sv: 'Inte klara: {open} av {total}.',
    en: 'Not done yet: {open} of {total}.',
  },
  escalationStep1: {
    fi: 'Saat tämän vastuuhenkilöiden esihenkilönä.',
    sv: 'Du får detta som chef för de ansvariga.',
    en: 'You receive this as the supervisor of those responsible.',
  },
  escalationStep2: {
    fi: 'Saat tämän palvelualueen johtajana.',
    sv: 'Du får detta som direktör för serviceområdet.',
    en: 'You receive this as the service area director.',
  },
  escalationStep3: {
    fi: 'Saat tämän henkilöstöpalveluiden edustajana.',
    sv: 'Du får detta som företrädare för personaltjänsterna.',
    en: 'You receive this as HR.',
  },
} satisfies Record<string, LocalisedText>;
type TextKey = keyof typeof TEXTS;

function textKey({ kind, audience }: ReminderMessage): TextKey {
  switch (kind) {
    case 'phaseOpened':
      return audience === 'employee' || audience === 'supervisor'
        ? `phaseOpened.${audience}`
        : 'phaseOpened.other';
    case 'deadlineApproaching':
      return audience === 'employee' || audience === 'supervisor'
        ? `deadlineApproaching.${audience}`
        : 'deadlineApproaching.other';
    case 'preparationDue':
      return 'preparationDue.employee';
    case 'overdue':
      return 'overdue.responsible';
    case 'escalation':
      return 'escalation.escalation';
  }
}

const ESCALATION_STEPS: Record<number, TextKey> = {
  1: 'escalationStep1',
  2: 'escalationStep2',
  3: 'escalationStep3',
};

export const ACTION_TITLES: Record<ReminderAction | 'openApp', LocalisedText> = {
  preparation: { fi: 'Valmistaudu keskusteluun', sv: 'Förbered samtalet', en: 'Prepare for the discussion' },
  teamStatus: { fi: 'Tiimisi keskustelut', sv: 'Ditt teams samtal', en: "Your team's discussions" },
  clock: { fi: 'Vuosikello', sv: 'Årsklockan', en: 'Annual clock' },
  openApp: { fi: 'Avaa Osaamiskello', sv: 'Öppna Osaamiskello', en: 'Open Osaamiskello' },
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 31.3. in Finnish and Swedish (as written in Finland), 31 Mar in English. */
export function formatDate(isoDate: string, locale: Locale): string {
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return locale === 'en' ? `${day} ${MONTHS_EN[month - 1]}` : `${day}.${month}.`;
}

export interface ReminderText {
  title: string;
  body: string;
}

/** The reminder in the recipient's language: a title (the phase) and what to do. */
export function reminderText(message: ReminderMessage, locale: Locale): ReminderText {
  const params = {
    opens: formatDate(message.opens, locale),
    closes: formatDate(message.closes, locale),
    meeting: message.meetingDate ? formatDate(message.meetingDate, locale) : null,
    open: message.open,
    total: message.total,
    responsible: message.responsible,
  };
  const key = textKey(message);
  const sentences = [interpolate(TEXTS[key][locale], params)];
  const countsShown = key === 'deadlineApproaching.other' && message.open !== null && message.total !== null;
  if (countsShown) sentences.push(interpolate(TEXTS.progress[locale], params));
  const step =
    message.kind === 'escalation' && message.step !== null ? ESCALATION_STEPS[message.step] : undefined;
  if (step) sentences.push(TEXTS[step][locale]);
  // A date written 31.3. ends its sentence with its own full stop.
  return { title: PHASE_TITLES[message.phase][locale], body: sentences.join(' ').replace(/\.\./g, '.') };
}
