/** The reminders' words: each in the recipient's language, with its figures, for every reminder a year produces. */
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import { LOCALES } from '../../bot/src/domain/locale';
import { dueReminders } from '../../bot/src/domain/due-reminders';
import type { ReminderMessage } from '../../bot/src/domain/reminder';
import { formatDate, reminderText } from '../../bot/src/clock/reminder-messages';
import { smallCity } from './support/small-city';

const base: ReminderMessage = {
  kind: 'deadlineApproaching',
  phase: 'developmentDiscussions',
  audience: 'supervisor',
  year: 2026,
  opens: '2026-01-01',
  closes: '2026-03-31',
  open: 8,
  total: 12,
  responsible: null,
  step: null,
  meetingDate: null,
  action: 'teamStatus',
};

test('a supervisor: 8 of 12 discussions not held, deadline 31.3.', () => {
  expect(reminderText(base, 'en').body).toBe(
    '8 of your 12 development discussions have not been held yet. The deadline is 31 Mar.',
  );
  expect(reminderText(base, 'fi').body).toBe('Kehityskeskusteluistasi 8/12 on pitämättä. Määräaika on 31.3.');
  expect(reminderText(base, 'sv').body).toContain('8 av 12');
});

test('an employee: prepare for your discussion on 12.2.', () => {
  const message: ReminderMessage = {
    ...base,
    kind: 'preparationDue',
    audience: 'employee',
    meetingDate: '2026-02-12',
  };
  expect(reminderText(message, 'fi').body).toBe('Valmistaudu kehityskeskusteluusi 12.2.');
  expect(reminderText(message, 'sv').body).toBe('Förbered dig inför ditt utvecklingssamtal 12.2.');
  expect(reminderText(message, 'en').body).toBe('Prepare for your development discussion on 12 Feb.');
});

test("a service area's channel: training plan due 30.9.", () => {
  const message: ReminderMessage = {
    ...base,
    phase: 'trainingPlans',
    audience: 'channel',
    closes: '2026-09-30',
    open: null,
    total: null,
  };
  expect(reminderText(message, 'fi')).toEqual({
    title: 'Henkilöstö- ja koulutussuunnitelma',
    body: 'Määräaika on 30.9.',
  });
  expect(reminderText(message, 'en')).toEqual({ title: 'Personnel and training plan', body: 'Due 30 Sep.' });
});

test('an escalation says why it reaches this person', () => {
  const message: ReminderMessage = {
    ...base,
    kind: 'escalation',
    audience: 'escalation',
    open: 14,
    responsible: 3,
    step: 2,
  };
  expect(reminderText(message, 'en').body).toBe(
    'The deadline 31 Mar has passed. Not done: 14; people responsible: 3. You receive this as the service area director.',
  );
});

test('every reminder of a year reads fully in Finnish, Swedish and English', () => {
  const snapshot = smallCity({
    2026: {
      developmentDiscussions: [
        { employeeId: 'emp-fi', supervisorId: 'sup-a', status: 'scheduled', meetingDate: '2026-02-12' },
      ],
    },
  });
  const messages = new Map<string, ReminderMessage>();
  for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    for (const { message } of dueReminders(defaultAnnualClock(), snapshot, day)) {
      messages.set(`${message.kind}.${message.phase}.${message.audience}`, message);
    }
  }

  expect(messages.size).toBeGreaterThan(20);
  for (const message of messages.values()) {
    const texts = LOCALES.map((locale) => reminderText(message, locale));
    for (const { title, body } of texts) {
      expect(title.length).toBeGreaterThan(0);
      expect(body).not.toMatch(/[{}]|\bnull\b|\bundefined\b|\bNaN\b|\.\./);
    }
    expect(new Set(texts.map((text) => text.body)).size).toBe(3);
  }
});

test('dates are written as in Finland: 31.3. in Finnish and Swedish', () => {
  expect(LOCALES.map((locale) => formatDate('2026-03-31', locale))).toEqual(['31.3.', '31.3.', '31 Mar']);
});
