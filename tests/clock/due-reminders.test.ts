/** The scheduler over whole years of the default clock, for a small municipality (tests/clock/support). */
import type { AnnualClock } from '../../bot/src/domain/annual-clock';
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import { dueReminders } from '../../bot/src/domain/due-reminders';
import type { OrganisationSnapshot } from '../../bot/src/domain/organisation-snapshot';
import type { Reminder } from '../../bot/src/domain/reminder';
import { smallCity } from './support/small-city';

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** The year's reminders by day: campaign (without its date) → recipient keys. */
function year(
  snapshot: OrganisationSnapshot,
  yearNumber: number,
  clock: AnnualClock = defaultAnnualClock(),
): Map<string, Map<string, string[]>> {
  const plan = new Map<string, Map<string, string[]>>();
  for (const day of daysOf(yearNumber)) {
    const reminders = dueReminders(clock, snapshot, day);
    if (reminders.length === 0) continue;
    const campaigns = new Map<string, string[]>();
    for (const reminder of reminders) {
      const campaign = reminder.campaignId.slice(11);
      campaigns.set(campaign, [...(campaigns.get(campaign) ?? []), reminder.recipientKey]);
    }
    plan.set(day, campaigns);
  }
  return plan;
}

const people = (...ids: string[]) => ids.map((id) => `person:${id}`).sort();

function find(reminders: Reminder[], campaignSuffix: string, recipient: string): Reminder | undefined {
  return reminders.find((r) => r.campaignId.endsWith(campaignSuffix) && r.recipientKey === recipient);
}

describe('a year of the default clock with nothing done', () => {
  const plan = year(smallCity(), 2026);

  test('reminders go out on the days the clock sets, and on no other day', () => {
    expect([...plan.keys()]).toEqual([
      '2026-01-01', // development and group discussions open
      '2026-03-17', // 14 days before their deadline 31.3.
      '2026-03-28', // 3 days before
      '2026-04-01', // overdue, escalation step 1
      '2026-04-08', // step 2
      '2026-04-15', // step 3
      '2026-05-01', // service-area discussions and training plans open
      '2026-09-16',
      '2026-09-27',
      '2026-10-01', // overdue; the strategic discussion and the co-operation committee's confirmation open
      '2026-10-08',
      '2026-10-15',
      '2026-12-17',
      '2026-12-28',
    ]);
  });

  test('1.1.: everyone with a development discussion this year, their supervisors, and the team channels', () => {
    const day = plan.get('2026-01-01');
    // 2026 is an individual year in education: teachers have development discussions, their team no group one.
    expect(day?.get('phaseOpened|development-discussions|employee')).toEqual(
      people(
        'dir-k',
        'dir-o',
        'sup-a',
        'emp-fi',
        'emp-sv',
        'emp-en',
        'hr-1',
        'principal',
        'teacher-1',
        'teacher-2',
      ),
    );
    expect(day?.get('phaseOpened|development-discussions|supervisor')).toEqual(
      people('city-manager', 'dir-k', 'dir-o', 'sup-a', 'principal'),
    );
    expect(day?.get('phaseOpened|group-discussions|channel')).toEqual([
      'team:hr-team',
      'team:principals',
      'team:team-a',
    ]);
  });

  test('after the deadline the supervisor is told, and it is escalated up: supervisor, director, HR', () => {
    expect(plan.get('2026-04-01')?.get('overdue|development-discussions|1')).toEqual(
      people('city-manager', 'dir-k', 'dir-o', 'sup-a', 'principal'),
    );
    // sup-a → dir-k, principal → dir-o, directors → the city manager; the city manager has nobody above: HR.
    expect(plan.get('2026-04-01')?.get('escalation|development-discussions|1')).toEqual(
      people('city-manager', 'dir-k', 'dir-o', 'hr-1'),
    );
    // Step 2 is the service area's director, where the director is above the one responsible; otherwise HR.
    expect(plan.get('2026-04-08')?.get('escalation|development-discussions|2')).toEqual(
      people('dir-k', 'dir-o', 'hr-1'),
    );
    expect(plan.get('2026-04-15')?.get('escalation|development-discussions|3')).toEqual(people('hr-1'));
  });

  test("training plans: the service areas' channels, HR personally; late ones go to the directors", () => {
    expect(plan.get('2026-09-16')?.get('deadlineApproaching|training-plans|channel')).toEqual([
      'area:konserni',
      'area:opetus',
    ]);
    expect(plan.get('2026-09-16')?.get('deadlineApproaching|training-plans|role')).toEqual(people('hr-1'));
    expect(plan.get('2026-10-01')?.get('overdue|training-plans|1')).toEqual(people('dir-k', 'dir-o'));
    expect(plan.get('2026-10-01')?.get('escalation|training-plans|1')).toEqual(people('city-manager'));
  });

  test('the strategic discussion and the confirmation: their roles personally, organisation-wide', () => {
    expect(plan.get('2026-10-01')?.get('phaseOpened|strategic-discussion|role')).toEqual(
      people('city-manager', 'dir-k', 'dir-o', 'hr-1'),
    );
    expect(plan.get('2026-10-01')?.get('phaseOpened|cooperation-confirmation|role')).toEqual(people('hr-1'));
  });
});

test('the alternating year: in a group year teachers have no development discussion, and the school a group one', () => {
  const day = year(smallCity(), 2027).get('2027-01-01');

  const employees = day?.get('phaseOpened|development-discussions|employee') ?? [];
  expect(employees).not.toContain('person:teacher-1');
  // Supervisors keep their own development discussion every year.
  expect(employees).toContain('person:principal');
  expect(day?.get('phaseOpened|group-discussions|channel')).toEqual([
    'team:hr-team',
    'team:principals',
    'team:school',
    'team:team-a',
  ]);
  expect(day?.get('phaseOpened|development-discussions|supervisor')).not.toContain('person:principal');
});

test('before the deadline a supervisor hears how many of their discussions are not held; done ones stop the nagging', () => {
  const snapshot = smallCity({
    2026: {
      developmentDiscussions: [
        { employeeId: 'emp-fi', supervisorId: 'sup-a', status: 'held', meetingDate: '2026-02-10' },
        { employeeId: 'emp-sv', supervisorId: 'sup-a', status: 'scheduled', meetingDate: '2026-03-20' },
        { employeeId: 'teacher-1', supervisorId: 'principal', status: 'signed', meetingDate: '2026-02-01' },
        { employeeId: 'teacher-2', supervisorId: 'principal', status: 'held', meetingDate: '2026-02-02' },
      ],
      groupDiscussions: [{ teamId: 'team-a', status: 'concluded' }],
    },
  });

  const reminders = dueReminders(defaultAnnualClock(), snapshot, '2026-03-17');

  expect(find(reminders, 'supervisor', 'person:sup-a')?.message).toMatchObject({
    open: 2,
    total: 3,
    closes: '2026-03-31',
  });
  expect(find(reminders, 'supervisor', 'person:principal')).toBeUndefined();
  // Employees are told only if their meeting is not even scheduled (the others get preparation reminders).
  expect(find(reminders, 'development-discussions|employee', 'person:emp-en')).toBeDefined();
  expect(find(reminders, 'development-discussions|employee', 'person:emp-sv')).toBeUndefined();
  expect(find(reminders, 'development-discussions|employee', 'person:emp-fi')).toBeUndefined();
  expect(find(reminders, 'group-discussions|channel', 'team:team-a')).toBeUndefined();
  expect(find(reminders, 'group-discussions|channel', 'team:hr-team')).toBeDefined();
});

test('a discussion still stored with a previous supervisor is counted for the supervisor the employee has now', () => {
  // teacher-1 moved from sup-a's team to the principal's after the discussion was scheduled.
  const snapshot = smallCity({
    2026: {
      developmentDiscussions: [
        { employeeId: 'teacher-1', supervisorId: 'sup-a', status: 'scheduled', meetingDate: '2026-03-20' },
      ],
      groupDiscussions: [],
    },
  });

  const reminders = dueReminders(defaultAnnualClock(), snapshot, '2026-03-17');

  expect(find(reminders, 'supervisor', 'person:principal')?.message).toMatchObject({ open: 2, total: 2 });
  expect(find(reminders, 'supervisor', 'person:sup-a')?.message).toMatchObject({ open: 3, total: 3 });
});

test('an employee is reminded to prepare a week and a day before the meeting, until the preparation is done', () => {
  const scheduled = (status: 'scheduled' | 'prepared') =>
    smallCity({
      2026: {
        developmentDiscussions: [
          { employeeId: 'emp-sv', supervisorId: 'sup-a', status, meetingDate: '2026-02-12' },
        ],
      },
    });

  const days = daysOf(2026).filter((day) =>
    dueReminders(defaultAnnualClock(), scheduled('scheduled'), day).some(
      (r) => r.message.kind === 'preparationDue',
    ),
  );
  const reminder = dueReminders(defaultAnnualClock(), scheduled('scheduled'), '2026-02-05')[0];

  expect(days).toEqual(['2026-02-05', '2026-02-11']);
  expect(reminder).toMatchObject({
    recipientKey: 'person:emp-sv',
    locale: 'sv',
    message: { meetingDate: '2026-02-12' },
  });
  expect(dueReminders(defaultAnnualClock(), scheduled('prepared'), '2026-02-05')).toEqual([]);
});

test("a service area's own deadline moves its reminders, and only its own", () => {
  const clock = defaultAnnualClock();
  clock.overrides.push({ serviceAreaId: 'opetus', phases: { 'training-plans': { closes: '10-31' } } });

  const plan = year(smallCity(), 2026, clock);

  expect(plan.get('2026-09-16')?.get('deadlineApproaching|training-plans|channel')).toEqual([
    'area:konserni',
  ]);
  expect(plan.get('2026-10-17')?.get('deadlineApproaching|training-plans|channel')).toEqual(['area:opetus']);
  expect(plan.get('2026-11-01')?.get('overdue|training-plans|1')).toEqual(['person:dir-o']);
});

test('each reminder is in its recipient’s language, channels in the organisation’s', () => {
  const reminders = dueReminders(defaultAnnualClock(), smallCity(), '2026-01-01');

  expect(find(reminders, 'employee', 'person:emp-sv')?.locale).toBe('sv');
  expect(find(reminders, 'employee', 'person:emp-en')?.locale).toBe('en');
  expect(find(reminders, 'channel', 'team:team-a')?.locale).toBe('fi');
});

test('a day planned twice is the same plan, and nobody is in a campaign twice', () => {
  for (const day of ['2026-01-01', '2026-04-01', '2026-10-01']) {
    const first = dueReminders(defaultAnnualClock(), smallCity(), day);
    const keys = first.map((r) => `${r.campaignId}\n${r.recipientKey}`);

    expect(dueReminders(defaultAnnualClock(), smallCity(), day)).toEqual(first);
    expect(new Set(keys).size).toBe(keys.length);
  }
});
