/**
 * The scheduler: which reminders the annual clock sends on a day. A pure function of the clock (with its
 * service-area overrides), a snapshot of the organisation and the date, so a day can be planned, tested and
 * re-planned; the campaign ids make a second run of the same day a no-op for the fan-out.
 *
 * On a day, for each phase window (per service area; organisation-level phases once):
 * - the window opens: everyone in its audience hears that it has begun;
 * - N days before its deadline (N from remindDaysBefore): those with something still open;
 * - 1, 8 and 15 days after its deadline: whoever is responsible for what is still open hears that it is overdue,
 *   and it is escalated one level up on each of those days — the responsible person's supervisor, then the
 *   service-area director (if above them), then HR; a level that is missing passes to the next;
 * - an employee whose development discussion is scheduled is reminded to prepare 7 days and 1 day before it.
 *
 * How an audience role is reached: at the individual level employees and supervisors personally (their own
 * discussion; the discussions they hold), at the team level through the team's channel, at the service-area
 * level the management team through the service area's channel; any other role personally, everyone with it
 * (HR, the city manager's management team and the co-operation committee organisation-wide, the other roles
 * within the service area).
 * The alternating-year model decides who has a development discussion and which teams a group discussion.
 */
import type { AnnualClock, Level, PhaseKind, PhaseWindow } from './annual-clock';
import { phaseWindows, roundYear } from './annual-clock-rules';
import { daysBetween } from './calendar';
import { conversationsFor, teamHoldsGroupDiscussion } from './discussion-year-rules';
import type { Person, Role, ServiceArea, Team } from './organisation';
import { NO_PROGRESS, type OrganisationSnapshot, type YearProgress } from './organisation-snapshot';
import {
  campaignId,
  recipientKey,
  type Reminder,
  type ReminderAction,
  type ReminderAudience,
  type ReminderKind,
  type ReminderMessage,
  type ReminderRecipient,
} from './reminder';

/** Overdue reminders and escalation steps 1–3, days after the deadline. */
export const ESCALATION_DAYS_AFTER: readonly number[] = [1, 8, 15];
/** An employee's preparation reminders, days before the scheduled meeting. */
export const PREPARATION_DAYS_BEFORE: readonly number[] = [7, 1];

/** Roles reached organisation-wide; the others within the service area of the window. */
const ORGANISATION_WIDE: readonly Role[] = ['hr', 'cityManagementTeam', 'cooperationCommittee'];
const TEAM_GROUP_KINDS: readonly Team['kind'][] = ['team', 'principals', 'daycareDirectors'];

interface ClockEvent {
  kind: Extract<ReminderKind, 'phaseOpened' | 'deadlineApproaching' | 'overdue'>;
  window: PhaseWindow;
  year: number;
  /** null for an organisation-level window. */
  serviceAreaId: string | null;
  /** overdue: the escalation step, 1–3. */
  step: number | null;
}

/** The windows that have something on `date`: per service area, organisation-level ones once. */
export function clockEventsOn(
  clock: AnnualClock,
  serviceAreaIds: readonly string[],
  date: string,
): ClockEvent[] {
  const year = Number(date.slice(0, 4));
  const events: ClockEvent[] = [];
  for (const serviceAreaId of [null, ...serviceAreaIds]) {
    for (const windowYear of [year - 1, year, year + 1]) {
      for (const window of phaseWindows(clock, windowYear, serviceAreaId)) {
        if ((window.level === 'organisation') !== (serviceAreaId === null)) continue;
        const event = { window, year: windowYear, serviceAreaId, step: null };
        if (window.opens === date) events.push({ ...event, kind: 'phaseOpened' });
        if (window.remindDaysBefore.includes(daysBetween(date, window.closes))) {
          events.push({ ...event, kind: 'deadlineApproaching' });
        }
        const step = ESCALATION_DAYS_AFTER.indexOf(daysBetween(window.closes, date)) + 1;
        if (step > 0 && window.level !== 'organisation') events.push({ ...event, kind: 'overdue', step });
      }
    }
  }
  return events;
}

/** Something a phase is about: an employee's discussion, a team's or service area's, the organisation's. */
interface Item {
  key: string;
  serviceAreaId: string | null;
  /** Whoever should get it done: the supervisor, the team's supervisor, the director. */
  responsibleId: string | null;
  done: boolean;
  window: PhaseWindow;
  year: number;
  /** Development discussions (keyed by the employee): whether the meeting is scheduled. */
  scheduled?: boolean;
  /** Team items: the team; service-area items: the area. */
  channel?: ReminderRecipient;
}

class OrganisationIndex {
  readonly areas = new Map<string, ServiceArea>();
  readonly teams = new Map<string, Team>();
  readonly people = new Map<string, Person>();
  private readonly progressIndex = new Map<number, ProgressIndex>();

  constructor(readonly snapshot: OrganisationSnapshot) {
    for (const area of snapshot.serviceAreas) this.areas.set(area.id, area);
    for (const team of snapshot.teams) this.teams.set(team.id, team);
    for (const person of snapshot.people) this.people.set(person.id, person);
  }

  progress(year: number): ProgressIndex {
    let index = this.progressIndex.get(year);
    if (!index) {
      index = new ProgressIndex(this.snapshot.progress.get(year) ?? NO_PROGRESS);
      this.progressIndex.set(year, index);
    }
    return index;
  }

  withRole(role: Role, serviceAreaIds: ReadonlySet<string> | null): Person[] {
    return this.snapshot.people.filter(
      (person) =>
        person.roles.includes(role) && (!serviceAreaIds || serviceAreaIds.has(person.serviceAreaId)),
    );
  }
}

class ProgressIndex {
  readonly discussions: Map<string, YearProgress['developmentDiscussions'][number]>;
  readonly concludedTeams: Set<string>;
  readonly submittedAreas: Set<string>;
  readonly centralConfirmed: boolean;

  constructor(progress: YearProgress) {
    this.discussions = new Map(progress.developmentDiscussions.map((d) => [d.employeeId, d]));
    this.concludedTeams = new Set(
      progress.groupDiscussions.filter((g) => g.status === 'concluded').map((g) => g.teamId),
    );
    this.submittedAreas = new Set(
      progress.trainingPlans.flatMap((p) =>
        p.scope === 'serviceArea' && p.serviceAreaId && p.status !== 'draft' ? [p.serviceAreaId] : [],
      ),
    );
    this.centralConfirmed = progress.trainingPlans.some(
      (p) => p.scope === 'central' && p.status === 'confirmed',
    );
  }
}

function itemsOf(event: ClockEvent, index: OrganisationIndex): Item[] {
  const { window, year, serviceAreaId } = event;
  const progress = index.progress(year);
  const base = { window, year };
  const inArea = <T extends { serviceAreaId: string }>(values: Iterable<T>): T[] =>
    [...values].filter((value) => serviceAreaId === null || value.serviceAreaId === serviceAreaId);
  const areas = [...index.areas.values()].filter(
    (area) => serviceAreaId === null || area.id === serviceAreaId,
  );
  const managementTeamsConcluded = (kind: Team['kind'], area: string | null) =>
    [...index.teams.values()].some(
      (team) =>
        team.kind === kind &&
        (area === null || team.serviceAreaId === area) &&
        progress.concludedTeams.has(team.id),
    );
  const areaItem = (area: ServiceArea, done: boolean): Item => ({
    ...base,
    key: area.id,
    serviceAreaId: area.id,
    responsibleId: area.directorId,
    done,
    channel: { kind: 'serviceAreaChannel', serviceAreaId: area.id },
  });

  switch (window.kind) {
    case 'developmentDiscussions':
      return inArea(index.people.values()).flatMap((person) => {
        const area = index.areas.get(person.serviceAreaId);
        const team = index.teams.get(person.teamId);
        if (!area || !team || !conversationsFor(person, area, year, team).developmentDiscussion) return [];
        const discussion = progress.discussions.get(person.id);
        const status = discussion?.status ?? 'notScheduled';
        return [
          {
            ...base,
            key: person.id,
            serviceAreaId: person.serviceAreaId,
            // The supervisor now, as on the cards (a new supervisor takes the year's discussion over).
            responsibleId: person.supervisorId ?? discussion?.supervisorId ?? null,
            done: status === 'held' || status === 'signed',
            scheduled: status !== 'notScheduled',
          },
        ];
      });
    case 'groupDiscussions':
      return inArea(index.teams.values()).flatMap((team) => {
        const area = index.areas.get(team.serviceAreaId);
        if (!area || !TEAM_GROUP_KINDS.includes(team.kind) || !teamHoldsGroupDiscussion(team, area, year))
          return [];
        return [
          {
            ...base,
            key: team.id,
            serviceAreaId: team.serviceAreaId,
            responsibleId: team.supervisorId,
            done: progress.concludedTeams.has(team.id),
            channel: { kind: 'teamChannel', teamId: team.id },
          },
        ];
      });
    case 'serviceAreaDiscussion':
      return areas.map((area) =>
        areaItem(area, managementTeamsConcluded('serviceAreaManagementTeam', area.id)),
      );
    case 'trainingPlans':
      return areas.map((area) => areaItem(area, progress.submittedAreas.has(area.id)));
    case 'strategicDiscussion':
    case 'cooperationConfirmation': {
      const done =
        window.kind === 'strategicDiscussion'
          ? managementTeamsConcluded('cityManagementTeam', null)
          : progress.centralConfirmed;
      return [{ ...base, key: 'organisation', serviceAreaId: null, responsibleId: null, done }];
    }
  }
}

/** Collects a day's reminders; the first reminder for a recipient within a campaign wins. */
class DayPlan {
  private readonly campaigns = new Map<string, Map<string, Reminder>>();

  constructor(
    private readonly index: OrganisationIndex,
    private readonly date: string,
  ) {}

  add(campaign: string, recipient: ReminderRecipient, message: ReminderMessage, person?: Person): void {
    const key = recipientKey(recipient);
    const reminders = this.campaigns.get(campaign) ?? new Map<string, Reminder>();
    this.campaigns.set(campaign, reminders);
    if (reminders.has(key)) return;
    const locale = person?.locale ?? this.index.snapshot.organisation.defaultLocale;
    reminders.set(key, { campaignId: campaign, recipientKey: key, recipient, locale, message });
  }

  addPerson(campaign: string, personId: string | null, message: ReminderMessage): void {
    const person = personId ? this.index.people.get(personId) : undefined;
    if (person) this.add(campaign, { kind: 'person', personId: person.id }, message, person);
  }

  reminders(): Reminder[] {
    return [...this.campaigns.values()].flatMap((reminders) =>
      [...reminders.values()].sort((a, b) => a.recipientKey.localeCompare(b.recipientKey)),
    );
  }

  get day(): string {
    return this.date;
  }
}

interface Counts {
  open: number;
  total: number;
  closes: string;
  opens: string;
}

function countsOf(items: readonly Item[]): Counts {
  const earliest = items.reduce((first, item) => (item.window.closes < first.window.closes ? item : first));
  return {
    open: items.filter((item) => !item.done).length,
    total: items.length,
    closes: earliest.window.closes,
    opens: earliest.window.opens,
  };
}

function groupBy<T>(values: readonly T[], key: (value: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

function message(
  kind: ReminderKind,
  phase: PhaseKind,
  audience: ReminderAudience,
  year: number,
  action: ReminderAction,
  figures: Partial<ReminderMessage> & Pick<ReminderMessage, 'opens' | 'closes'>,
): ReminderMessage {
  return {
    kind,
    phase,
    audience,
    year,
    action,
    open: null,
    total: null,
    responsible: null,
    step: null,
    meetingDate: null,
    ...figures,
  };
}

/** How an audience role hears of a phase at its level (see the module comment). */
function reach(role: Role, level: Level): 'employee' | 'supervisor' | 'teamChannel' | 'areaChannel' | 'role' {
  if (level === 'individual' && (role === 'employee' || role === 'supervisor')) return role;
  if (level === 'team' && (role === 'employee' || role === 'supervisor')) return 'teamChannel';
  if (level === 'serviceArea' && role === 'serviceAreaManagementTeam') return 'areaChannel';
  return 'role';
}

function planAnnouncement(plan: DayPlan, index: OrganisationIndex, events: ClockEvent[]): void {
  const first = events[0] as ClockEvent;
  const { kind } = first;
  const { level, audience } = first.window;
  const phase = first.window.kind;
  const all = events.flatMap((event) => itemsOf(event, index));
  const concerned = kind === 'phaseOpened' ? all : all.filter((item) => !item.done);
  if (concerned.length === 0) return;
  const areaIds = new Set(events.flatMap((event) => (event.serviceAreaId ? [event.serviceAreaId] : [])));
  const campaign = (audience: ReminderAudience) => campaignId(plan.day, kind, first.window.phaseId, audience);
  const figures = (item: Item) => ({ opens: item.window.opens, closes: item.window.closes });

  for (const role of audience) {
    const how = reach(role, level);
    if (how === 'employee') {
      for (const item of concerned) {
        // Before the deadline, only employees whose meeting is not even scheduled: the others get preparation reminders.
        if (kind === 'deadlineApproaching' && item.scheduled) continue;
        plan.addPerson(
          campaign('employee'),
          item.key,
          message(kind, phase, 'employee', item.year, 'preparation', figures(item)),
        );
      }
    } else if (how === 'supervisor') {
      for (const [supervisorId, items] of groupBy(all, (item) => item.responsibleId)) {
        const counts = countsOf(items);
        if (kind === 'deadlineApproaching' && counts.open === 0) continue;
        plan.addPerson(
          campaign('supervisor'),
          supervisorId,
          message(kind, phase, 'supervisor', first.year, 'teamStatus', counts),
        );
      }
    } else if (how === 'teamChannel' || how === 'areaChannel') {
      for (const item of concerned) {
        if (!item.channel) continue;
        plan.add(
          campaign('channel'),
          item.channel,
          message(kind, phase, 'channel', item.year, 'clock', figures(item)),
        );
      }
    } else {
      const wide = ORGANISATION_WIDE.includes(role) || level === 'organisation';
      for (const person of index.withRole(role, wide ? null : areaIds)) {
        const items = wide ? all : all.filter((item) => item.serviceAreaId === person.serviceAreaId);
        if (items.length === 0) continue;
        const counts =
          level === 'organisation' ? { ...countsOf(items), open: null, total: null } : countsOf(items);
        plan.addPerson(
          campaign('role'),
          person.id,
          message(kind, phase, 'role', first.year, 'clock', counts),
        );
      }
    }
  }
}

/** Everyone above a person in the supervisor line (nearest first); a cycle in the data ends the walk. */
function supervisorLine(index: OrganisationIndex, personId: string | null): Person[] {
  const line: Person[] = [];
  let next = personId ? index.people.get(personId)?.supervisorId : null;
  while (next && !line.some((person) => person.id === next)) {
    const supervisor = index.people.get(next);
    if (!supervisor) break;
    line.push(supervisor);
    next = supervisor.supervisorId;
  }
  return line;
}

/**
 * Who hears of `responsibleId`'s open items at escalation `step`. Escalation only goes up: the supervisor, then the
 * service-area director if above the responsible person, then HR; a level that is missing passes to the next.
 */
function escalationTarget(
  index: OrganisationIndex,
  responsibleId: string | null,
  serviceAreaId: string | null,
  step: number,
): Person[] {
  const line = supervisorLine(index, responsibleId);
  const directorId = serviceAreaId ? index.areas.get(serviceAreaId)?.directorId : null;
  const levels: Array<() => Person[]> = [
    () => line.slice(0, 1),
    () => line.filter((person) => person.id === directorId),
    () => index.withRole('hr', null).filter((person) => person.id !== responsibleId),
  ];
  for (const level of levels.slice(step - 1)) {
    const found = level();
    if (found.length > 0) return found;
  }
  return [];
}

function planOverdue(plan: DayPlan, index: OrganisationIndex, events: ClockEvent[]): void {
  const first = events[0] as ClockEvent;
  const step = first.step ?? 1;
  const phase = first.window.kind;
  const all = events.flatMap((event) => itemsOf(event, index));
  const open = all.filter((item) => !item.done);
  const overdueCampaign = campaignId(plan.day, 'overdue', first.window.phaseId, step);
  const escalationCampaign = campaignId(plan.day, 'escalation', first.window.phaseId, step);
  const action: ReminderAction = phase === 'developmentDiscussions' ? 'teamStatus' : 'clock';

  const escalations = new Map<string, { person: Person; responsible: Set<string>; items: Item[] }>();
  for (const [responsibleId, items] of groupBy(open, (item) => item.responsibleId)) {
    const mine = all.filter((item) => item.responsibleId === responsibleId);
    const counts = { ...countsOf(mine), open: items.length };
    plan.addPerson(
      overdueCampaign,
      responsibleId,
      message('overdue', phase, 'responsible', first.year, action, counts),
    );
    for (const item of items) {
      for (const person of escalationTarget(index, responsibleId, item.serviceAreaId, step)) {
        const entry = escalations.get(person.id) ?? { person, responsible: new Set<string>(), items: [] };
        entry.responsible.add(responsibleId ?? `unassigned:${item.key}`);
        entry.items.push(item);
        escalations.set(person.id, entry);
      }
    }
  }
  for (const { person, responsible, items } of escalations.values()) {
    const counts = countsOf(items);
    plan.addPerson(
      escalationCampaign,
      person.id,
      message('escalation', phase, 'escalation', first.year, 'clock', {
        opens: counts.opens,
        closes: counts.closes,
        open: items.length,
        responsible: responsible.size,
        step,
      }),
    );
  }
}

/**
 * The rounds a meeting on `meetingDate` can belong to: its calendar year, and the round current that day per
 * service area (a window crossing New Year puts a December meeting in next year's round).
 */
function roundsOn(
  clock: AnnualClock,
  serviceAreaIds: readonly (string | null)[],
  meetingDate: string,
): number[] {
  const rounds = serviceAreaIds.map((serviceAreaId) => roundYear(clock, serviceAreaId, meetingDate));
  return [...new Set([Number(meetingDate.slice(0, 4)), ...rounds])];
}

function planPreparation(plan: DayPlan, index: OrganisationIndex, clock: AnnualClock): void {
  for (const daysBefore of PREPARATION_DAYS_BEFORE) {
    const meetingDate = addDays(plan.day, daysBefore);
    for (const year of roundsOn(clock, [null, ...index.areas.keys()], meetingDate)) {
      planPreparationOf(plan, index, clock, meetingDate, year);
    }
  }
}

function planPreparationOf(
  plan: DayPlan,
  index: OrganisationIndex,
  clock: AnnualClock,
  meetingDate: string,
  year: number,
): void {
  for (const discussion of index.progress(year).discussions.values()) {
    if (discussion.status !== 'scheduled' || discussion.meetingDate !== meetingDate) continue;
    const person = index.people.get(discussion.employeeId);
    if (!person) continue;
    const window = phaseWindows(clock, year, person.serviceAreaId).find(
      (w) => w.kind === 'developmentDiscussions',
    );
    if (!window) continue;
    plan.addPerson(
      campaignId(plan.day, 'preparationDue', window.phaseId, 'employee'),
      person.id,
      message('preparationDue', window.kind, 'employee', year, 'preparation', {
        opens: window.opens,
        closes: window.closes,
        meetingDate,
      }),
    );
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The reminders due on `date` (YYYY-MM-DD, the organisation's local date), grouped by campaign in order. */
export function dueReminders(clock: AnnualClock, snapshot: OrganisationSnapshot, date: string): Reminder[] {
  const index = new OrganisationIndex(snapshot);
  const plan = new DayPlan(index, date);
  const events = clockEventsOn(
    clock,
    snapshot.serviceAreas.map((area) => area.id),
    date,
  );
  // Events of one phase, kind and step on this day (one per service area) make up one day's send.
  const sends = groupBy(events, (event) => [event.kind, event.window.phaseId, event.step].join('|'));
  for (const sameSend of sends.values()) {
    if (sameSend[0]?.kind === 'overdue') planOverdue(plan, index, sameSend);
    else planAnnouncement(plan, index, sameSend);
  }
  planPreparation(plan, index, clock);
  return plan.reminders();
}

/** The years whose progress the reminders of `date` read (for loading only those). */
export function yearsConcerned(
  clock: AnnualClock,
  serviceAreaIds: readonly string[],
  date: string,
): number[] {
  const years = new Set(clockEventsOn(clock, serviceAreaIds, date).map((event) => event.year));
  for (const daysBefore of PREPARATION_DAYS_BEFORE) {
    for (const year of roundsOn(clock, [null, ...serviceAreaIds], addDays(date, daysBefore))) years.add(year);
  }
  return [...years].sort();
}
