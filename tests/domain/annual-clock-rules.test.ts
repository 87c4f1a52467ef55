import type { AnnualClock } from '../../bot/src/domain/annual-clock';
import {
  openPhasesOn,
  phaseWindows,
  remindersDueOn,
  ROUND_PHASE_KINDS,
  roundYear,
  validateClock,
} from '../../bot/src/domain/annual-clock-rules';
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import { refusalCode } from './fixtures';

function educationClock(): AnnualClock {
  const clock = defaultAnnualClock();
  clock.overrides.push({
    serviceAreaId: 'sivistys',
    phases: {
      'training-plans': { closes: '09-15', remindDaysBefore: [7] },
      'group-discussions': { opens: '02-01' },
    },
  });
  return clock;
}

const windowDates = (clock: AnnualClock, serviceAreaId: string | null) =>
  phaseWindows(clock, 2026, serviceAreaId).map((w) => [w.phaseId, w.opens, w.closes]);

describe('the default annual clock', () => {
  it('is valid', () => {
    expect(validateClock(defaultAnnualClock())).toEqual([]);
  });

  it('resolves to the seed’s windows in calendar order', () => {
    expect(windowDates(defaultAnnualClock(), null)).toEqual([
      ['group-discussions', '2026-01-01', '2026-03-31'],
      ['development-discussions', '2026-01-01', '2026-03-31'],
      ['service-area-discussion', '2026-05-01', '2026-09-30'],
      ['training-plans', '2026-05-01', '2026-09-30'],
      ['cooperation-confirmation', '2026-10-01', '2026-12-31'],
      ['strategic-discussion', '2026-10-01', '2026-12-31'],
    ]);
  });

  it('reminds each phase’s audience 14 and 3 days before its deadline', () => {
    const plans = phaseWindows(defaultAnnualClock(), 2026, null).find((w) => w.phaseId === 'training-plans');
    expect(plans).toMatchObject({ level: 'serviceArea', remindDaysBefore: [14, 3] });
    expect(plans?.audience).toContain('serviceAreaManagementTeam');
  });
});

describe('per-service-area overrides', () => {
  it('change only that service area’s windows and reminders', () => {
    const clock = educationClock();
    expect(validateClock(clock)).toEqual([]);
    const own = phaseWindows(clock, 2026, 'sivistys');
    expect(own.find((w) => w.phaseId === 'training-plans')).toMatchObject({
      opens: '2026-05-01',
      closes: '2026-09-15',
      remindDaysBefore: [7],
    });
    expect(own.find((w) => w.phaseId === 'group-discussions')).toMatchObject({
      opens: '2026-02-01',
      closes: '2026-03-31',
    });
    expect(own.map((w) => w.phaseId).slice(0, 2)).toEqual(['development-discussions', 'group-discussions']);
    expect(windowDates(clock, 'tekninen')).toEqual(windowDates(defaultAnnualClock(), null));
    expect(windowDates(clock, null)).toEqual(windowDates(defaultAnnualClock(), null));
  });
});

describe('open phases and reminders on a date', () => {
  it('finds the phases open on a date, both ends inclusive', () => {
    const ids = (date: string, area: string | null = null) =>
      openPhasesOn(date, educationClock(), area).map((w) => w.phaseId);
    expect(ids('2026-03-31')).toEqual(['group-discussions', 'development-discussions']);
    expect(ids('2026-01-15', 'sivistys')).toEqual(['development-discussions']);
    expect(ids('2026-04-15')).toEqual([]);
    expect(ids('2026-09-30', 'sivistys')).toEqual(['service-area-discussion']);
    expect(ids('2026-12-31')).toEqual(['cooperation-confirmation', 'strategic-discussion']);
  });

  it('finds the reminders due on a date', () => {
    const due = remindersDueOn('2026-09-16', defaultAnnualClock(), null);
    expect(due.map((r) => [r.window.phaseId, r.daysBefore])).toEqual([
      ['service-area-discussion', 14],
      ['training-plans', 14],
    ]);
    expect(remindersDueOn('2026-09-08', educationClock(), 'sivistys').map((r) => r.window.phaseId)).toEqual([
      'training-plans',
    ]);
    expect(remindersDueOn('2026-09-17', defaultAnnualClock(), null)).toEqual([]);
  });

  it('finds a reminder that falls in the year before its deadline', () => {
    const clock = defaultAnnualClock();
    clock.phases.push({ ...clock.phases[0]!, id: 'early', opens: '01-01', closes: '01-05' });
    expect(remindersDueOn('2025-12-22', clock, null).map((r) => [r.window.phaseId, r.window.closes])).toEqual(
      [['early', '2026-01-05']],
    );
  });

  it('refuses a date that is not a calendar date', () => {
    expect(refusalCode(() => openPhasesOn('2026-02-30', defaultAnnualClock(), null))).toBe(
      'clock.invalidDate',
    );
    expect(refusalCode(() => openPhasesOn('30.1.2026', defaultAnnualClock(), null))).toBe(
      'clock.invalidDate',
    );
  });
});

describe('validating a clock', () => {
  function codes(edit: (clock: AnnualClock) => void) {
    const clock = defaultAnnualClock();
    edit(clock);
    return validateClock(clock).map((e) => [e.code, e.phaseId, e.serviceAreaId]);
  }

  it.each<[string, (clock: AnnualClock) => void, [string, string | null, string | null][]]>([
    ['no phases', (c) => (c.phases = []), [['clock.noPhases', null, null]]],
    [
      'a duplicate id',
      (c) => c.phases.push({ ...c.phases[0]! }),
      [['clock.duplicatePhaseId', 'development-discussions', null]],
    ],
    ['an empty id', (c) => (c.phases[0]!.id = ' '), [['clock.missingPhaseId', ' ', null]]],
    [
      'an unknown kind',
      (c) => (c.phases[0]!.kind = 'party' as never),
      [['clock.unknownKind', 'development-discussions', null]],
    ],
    [
      'an unknown level',
      (c) => (c.phases[0]!.level = 'galaxy' as never),
      [['clock.unknownLevel', 'development-discussions', null]],
    ],
    [
      'no audience',
      (c) => (c.phases[0]!.audience = []),
      [['clock.noAudience', 'development-discussions', null]],
    ],
    [
      'an unknown role',
      (c) => (c.phases[0]!.audience = ['mayor' as never]),
      [['clock.unknownRole', 'development-discussions', null]],
    ],
    [
      'a month 13',
      (c) => (c.phases[0]!.closes = '13-01'),
      [['clock.invalidDate', 'development-discussions', null]],
    ],
    [
      '30 February',
      (c) => (c.phases[0]!.closes = '02-30'),
      [['clock.invalidDate', 'development-discussions', null]],
    ],
    [
      '29 February',
      (c) => (c.phases[0]!.closes = '02-29'),
      [['clock.invalidDate', 'development-discussions', null]],
    ],
    [
      'a date without leading zero',
      (c) => (c.phases[0]!.opens = '1-01'),
      [['clock.invalidDate', 'development-discussions', null]],
    ],
    [
      'a negative reminder',
      (c) => (c.phases[0]!.remindDaysBefore = [-1]),
      [['clock.invalidReminder', 'development-discussions', null]],
    ],
    [
      'a repeated reminder',
      (c) => (c.phases[0]!.remindDaysBefore = [3, 3]),
      [['clock.invalidReminder', 'development-discussions', null]],
    ],
    [
      'an override of an unknown phase',
      (c) => c.overrides.push({ serviceAreaId: 'a', phases: { nope: { closes: '03-01' } } }),
      [['clock.unknownPhase', 'nope', 'a']],
    ],
    [
      'two overrides for one service area',
      (c) => c.overrides.push({ serviceAreaId: 'a', phases: {} }, { serviceAreaId: 'a', phases: {} }),
      [['clock.duplicateOverride', null, 'a']],
    ],
    [
      'an override with an invalid date',
      (c) => c.overrides.push({ serviceAreaId: 'a', phases: { 'training-plans': { opens: '05-32' } } }),
      [['clock.invalidDate', 'training-plans', 'a']],
    ],
    [
      'a phase’s own error, reported once and not again for its override',
      (c) => {
        c.phases[0]!.closes = '02-30';
        c.overrides.push({
          serviceAreaId: 'a',
          phases: { 'development-discussions': { remindDaysBefore: [7] } },
        });
      },
      [['clock.invalidDate', 'development-discussions', null]],
    ],
  ])('reports %s', (_name, edit, expected) => {
    expect(codes(edit)).toEqual(expected);
  });
});

describe('a phase crossing New Year (15.11.–28.2.)', () => {
  function wintryClock(): AnnualClock {
    const clock = defaultAnnualClock();
    const development = clock.phases.find((phase) => phase.id === 'development-discussions')!;
    development.opens = '11-15';
    development.closes = '02-28';
    return clock;
  }

  it('is a valid clock, also as one service area’s override', () => {
    expect(validateClock(wintryClock())).toEqual([]);
    const clock = defaultAnnualClock();
    clock.overrides.push({
      serviceAreaId: 'a',
      phases: { 'training-plans': { opens: '12-01', closes: '01-31' } },
    });
    expect(validateClock(clock)).toEqual([]);
  });

  it('belongs to the year it closes in, opening in the year before', () => {
    const window = phaseWindows(wintryClock(), 2027, null).find(
      (w) => w.phaseId === 'development-discussions',
    );
    expect(window).toMatchObject({ opens: '2026-11-15', closes: '2027-02-28' });
  });

  it('is open on both sides of New Year, and reminds before its deadline in the new year', () => {
    const open = (date: string) => openPhasesOn(date, wintryClock(), null).map((w) => [w.phaseId, w.closes]);
    expect(open('2026-12-20')).toContainEqual(['development-discussions', '2027-02-28']);
    expect(open('2027-02-01')).toContainEqual(['development-discussions', '2027-02-28']);
    expect(open('2026-11-14').map(([id]) => id)).not.toContain('development-discussions');
    expect(remindersDueOn('2027-02-14', wintryClock(), null).map((r) => r.window.closes)).toContain(
      '2027-02-28',
    );
  });
});

describe('the round (keskustelukierros) current on a day', () => {
  it('is this year’s until its discussion windows close, then next year’s', () => {
    const clock = defaultAnnualClock();
    expect(roundYear(clock, null, '2026-01-01')).toBe(2026);
    expect(roundYear(clock, null, '2026-03-31')).toBe(2026);
    expect(roundYear(clock, null, '2026-04-01')).toBe(2027);
    expect(roundYear(clock, null, '2026-12-07')).toBe(2027);
  });

  it('keeps the planning and the strategic discussion on a round until their own windows close', () => {
    const clock = defaultAnnualClock();
    const { planning, strategy } = ROUND_PHASE_KINDS;
    expect(roundYear(clock, null, '2026-06-15', planning)).toBe(2026);
    expect(roundYear(clock, null, '2026-09-30', planning)).toBe(2026);
    expect(roundYear(clock, null, '2026-10-01', planning)).toBe(2027);
    expect(roundYear(clock, null, '2026-12-31', strategy)).toBe(2026);
    expect(roundYear(clock, null, '2027-01-01', strategy)).toBe(2027);
  });

  it('follows the service area’s own windows: the round ends when the later of its discussions closes', () => {
    const clock = defaultAnnualClock();
    clock.overrides.push({ serviceAreaId: 'sivistys', phases: { 'group-discussions': { closes: '05-31' } } });
    expect(roundYear(clock, 'sivistys', '2026-05-15')).toBe(2026);
    expect(roundYear(clock, 'tekninen', '2026-05-15')).toBe(2027);
    expect(roundYear(clock, 'sivistys', '2026-06-01')).toBe(2027);
  });

  it('names a round crossing New Year by the year it closes in', () => {
    const clock = defaultAnnualClock();
    for (const phase of clock.phases.filter((p) => p.level === 'individual' || p.level === 'team')) {
      phase.opens = '11-15';
      phase.closes = '02-28';
    }
    expect(roundYear(clock, null, '2026-11-20')).toBe(2027);
    expect(roundYear(clock, null, '2027-02-28')).toBe(2027);
    expect(roundYear(clock, null, '2027-03-01')).toBe(2028);
  });
});
