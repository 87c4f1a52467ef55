/** The seed's annual clock (osaamisen johtamisen vuosikello), before any service area's overrides. */
import type { AnnualClock, ClockPhase } from './annual-clock';

/** Two weeks' notice to plan, and a last call three days before the deadline. */
const REMINDERS = [14, 3];

const PHASES: ClockPhase[] = [
  {
    id: 'development-discussions',
    kind: 'developmentDiscussions',
    level: 'individual',
    opens: '01-01',
    closes: '03-31',
    remindDaysBefore: REMINDERS,
    audience: ['supervisor', 'employee'],
  },
  {
    id: 'group-discussions',
    kind: 'groupDiscussions',
    level: 'team',
    opens: '01-01',
    closes: '03-31',
    remindDaysBefore: REMINDERS,
    audience: ['supervisor', 'employee'],
  },
  {
    id: 'service-area-discussion',
    kind: 'serviceAreaDiscussion',
    level: 'serviceArea',
    opens: '05-01',
    closes: '09-30',
    remindDaysBefore: REMINDERS,
    audience: ['serviceAreaManagementTeam'],
  },
  {
    id: 'training-plans',
    kind: 'trainingPlans',
    level: 'serviceArea',
    opens: '05-01',
    closes: '09-30',
    remindDaysBefore: REMINDERS,
    audience: ['serviceAreaManagementTeam', 'hr'],
  },
  {
    id: 'strategic-discussion',
    kind: 'strategicDiscussion',
    level: 'organisation',
    opens: '10-01',
    closes: '12-31',
    remindDaysBefore: REMINDERS,
    audience: ['cityManagementTeam', 'hr'],
  },
  {
    id: 'cooperation-confirmation',
    kind: 'cooperationConfirmation',
    level: 'organisation',
    opens: '10-01',
    closes: '12-31',
    remindDaysBefore: REMINDERS,
    audience: ['cooperationCommittee', 'hr'],
  },
];

/** A fresh copy each call, so an organisation's edited clock never shares arrays with the default. */
export function defaultAnnualClock(): AnnualClock {
  return {
    phases: PHASES.map((phase) => ({
      ...phase,
      remindDaysBefore: [...phase.remindDaysBefore],
      audience: [...phase.audience],
    })),
    overrides: [],
  };
}
