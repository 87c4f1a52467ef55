/**
 * Scheduling, moving and cancelling a development discussion's meeting from the supervisor's tab. The time
 * must fall inside the clock's development-discussion window of the employee's service area (in Finnish
 * time) and not in the past; the lifecycle rules of the domain do the rest. Every change of an existing
 * discussion carries the ETag the tab read: a stale one is refused with the discussion as it now stands.
 * After the change is stored, the supervisor's calendar event follows it when Graph is configured
 * (meeting-calendar.ts), and the employee gets the invitation (or the cancellation) through the bot.
 */
import type { GraphCalendar } from '../calendar/graph-calendar';
import { meetingRoundOf } from '../calendar/meeting-round';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import {
  cancelSchedule,
  newDevelopmentDiscussion,
  schedule,
} from '../domain/development-discussion-lifecycle';
import { meetingTimeProblem } from '../domain/meeting-rules';
import type { Person } from '../domain/organisation';
import { inTheirLanguage } from '../i18n/person-language';
import type { AuditTrail } from '../storage/audit-trail';
import { ConcurrencyConflictError, isWriteRace } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import type { DiscussionState, MeetingFallback, MeetingOutcome } from '../contract/team';
import type { ApiError } from '../http-kit/api-error';
import { conflict, notFound, refusal } from '../http-kit/refusals';
import {
  invitationActivity,
  invitationCalendar,
  teamsMeetingLink,
  type Invitation,
  type InvitationKind,
} from './invitation-message';
import { fill } from './invitation-texts';
import {
  cancelEvent,
  cancellationComment,
  meetingEvent,
  placeEvent,
  viaCalendar,
  type CalendarCaller,
} from './meeting-calendar';
import { outcomeCode, type OutcomeCode, type ProactiveMessenger } from '../fanout/proactive-messenger';

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 240;
export const DEFAULT_DURATION_MINUTES = 60;

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export function meetingIcsPath(year: number, employeeId: string): string {
  return `/api/v1/discussions/${year}/${encodeURIComponent(employeeId)}/meeting.ics`;
}

function fallbackFor(outcome: OutcomeCode, invitation: Invitation): MeetingFallback | null {
  if (outcome === 'delivered' || outcome === 'willRetry' || invitation.kind === 'cancelled') return null;
  return {
    teamsMeetingLink: teamsMeetingLink(invitation, invitation.employee, invitation.supervisor.locale),
    icsPath: meetingIcsPath(invitation.year, invitation.employee.id),
  };
}

/**
 * The meeting as an iCalendar file for the employee or their supervisor (for a calendar other than Teams', or
 * to send by other means); refused as "not found" to anyone else and when no time is agreed.
 */
export async function meetingCalendarFile(
  deps: Pick<SchedulingDeps, 'repositories'>,
  viewer: Person,
  year: number,
  employeeId: string,
): Promise<{ fileName: string; contentType: string; content: string }> {
  const { people, developmentDiscussions } = deps.repositories;
  const employee = (await people.getPerson(viewer.tenantId, employeeId))?.value;
  if (!employee || (employee.id !== viewer.id && employee.supervisorId !== viewer.id))
    throw notFound('meeting.notScheduled');
  const discussion = (await developmentDiscussions.get(viewer.tenantId, year, employeeId))?.value;
  const supervisor =
    employee.supervisorId === viewer.id
      ? viewer
      : employee.supervisorId
        ? (await people.getPerson(viewer.tenantId, employee.supervisorId))?.value
        : undefined;
  if (!discussion || !supervisor) throw notFound('meeting.notScheduled');
  const invitation = { year, employee, supervisor };
  // A cancelled meeting's file cancels the same event (same UID, a later SEQUENCE), RFC 5546 3.2.5.
  const called = discussion.scheduledAt ? null : discussion.cancelledMeeting;
  if (!discussion.scheduledAt && !called) throw notFound('meeting.notScheduled');
  const content = invitationCalendar(
    called
      ? {
          ...invitation,
          kind: 'cancelled',
          start: new Date(called.scheduledAt),
          durationMinutes: called.minutes,
          at: new Date(called.cancelledAt),
        }
      : {
          ...invitation,
          kind: 'invited',
          start: new Date(discussion.scheduledAt ?? ''),
          durationMinutes: discussion.meetingMinutes ?? DEFAULT_DURATION_MINUTES,
          at: new Date(discussion.updatedAt),
        },
    called?.sequence,
  );
  return {
    fileName: fill('fileName', viewer.locale, { year }),
    contentType: 'text/calendar; charset=utf-8',
    content,
  };
}

export interface SchedulingDeps {
  repositories: Pick<
    Repositories,
    'annualClocks' | 'developmentDiscussions' | 'people' | 'serviceAreas' | 'teams' | 'languageChoices'
  >;
  messenger: ProactiveMessenger;
  audit: AuditTrail;
  /** The supervisor's calendar through Graph; null: invitations carry an .ics. */
  calendar: GraphCalendar | null;
}

export interface MeetingTarget {
  year: number;
  employeeId: string;
  /** The ETag the tab read; null when the tab saw no discussion yet. */
  ifMatch: string | null;
}

const stateOf = (read: Versioned<DevelopmentDiscussion>): DiscussionState => ({
  year: read.value.year,
  employeeId: read.value.employeeId,
  status: read.value.status,
  scheduledAt: read.value.scheduledAt,
  etag: read.etag,
});

async function staleConflict(
  deps: SchedulingDeps,
  supervisor: Person,
  target: MeetingTarget,
): Promise<ApiError> {
  const latest = await deps.repositories.developmentDiscussions.get(
    supervisor.tenantId,
    target.year,
    target.employeeId,
  );
  return conflict(latest ? stateOf(latest) : null);
}

/** The supervisor's own direct report; anyone else is "not found", whether or not they exist. */
export async function ownReport(
  deps: Pick<SchedulingDeps, 'repositories'>,
  supervisor: Person,
  employeeId: string,
): Promise<Person> {
  const employee = await deps.repositories.people.getPerson(supervisor.tenantId, employeeId);
  if (!employee || employee.value.supervisorId !== supervisor.id) throw notFound('team.notYourReport');
  // The invitation speaks the employee's own language.
  return inTheirLanguage(deps.repositories.languageChoices, employee.value);
}

export async function checkMeetingTime(
  deps: Pick<SchedulingDeps, 'repositories'>,
  employee: Person,
  year: number,
  scheduledAt: string,
  now: Date,
): Promise<Date> {
  const start = new Date(scheduledAt);
  const round = await meetingRoundOf(deps.repositories, employee, year);
  const problem = meetingTimeProblem(start, now, round);
  if (problem === 'meeting.outsideWindow') throw refusal(422, problem, { windows: round.windows });
  if (problem) throw refusal(422, problem);
  return start;
}

async function notify(
  deps: SchedulingDeps,
  kind: InvitationKind,
  employee: Person,
  supervisor: Person,
  year: number,
  start: Date,
  durationMinutes: number,
  at: Date,
  inCalendar: boolean,
): Promise<{ invitation: OutcomeCode; fallback: MeetingFallback | null }> {
  const invitation: Invitation = { kind, year, employee, supervisor, start, durationMinutes, at, inCalendar };
  const outcome = employee.aadObjectId
    ? outcomeCode(
        await deps.messenger.send(
          employee.tenantId,
          { kind: 'user', aadObjectId: employee.aadObjectId },
          invitationActivity(invitation),
        ),
      )
    : 'notInstalled';
  return { invitation: outcome, fallback: fallbackFor(outcome, invitation) };
}

/** Writes `next` over `read`, or creates it when nothing was read; a lost race is a 409 with the latest. */
async function store(
  deps: SchedulingDeps,
  supervisor: Person,
  target: MeetingTarget,
  read: Versioned<DevelopmentDiscussion> | null,
  next: DevelopmentDiscussion,
): Promise<Versioned<DevelopmentDiscussion>> {
  const discussions = deps.repositories.developmentDiscussions;
  let stored: Versioned<DevelopmentDiscussion>;
  try {
    stored = read
      ? await discussions.update(read, {
          status: next.status,
          scheduledAt: next.scheduledAt,
          updatedAt: next.updatedAt,
          ...(next.calendarEventId === undefined ? {} : { calendarEventId: next.calendarEventId }),
          ...(next.meetingMinutes === undefined ? {} : { meetingMinutes: next.meetingMinutes }),
          ...(next.cancelledMeeting === undefined ? {} : { cancelledMeeting: next.cancelledMeeting }),
        })
      : await discussions.create(next);
  } catch (error) {
    if (isWriteRace(error)) throw await staleConflict(deps, supervisor, target);
    throw error;
  }
  await deps.audit.record({
    tenantId: supervisor.tenantId,
    subjectId: target.employeeId,
    actorId: supervisor.id,
    action: 'change',
    recordKind: 'developmentDiscussion',
    year: target.year,
    channel: 'tab',
  });
  return stored;
}

/** The discussion as read, if the tab's ETag still matches it. */
async function currentDiscussion(
  deps: SchedulingDeps,
  supervisor: Person,
  target: MeetingTarget,
): Promise<Versioned<DevelopmentDiscussion> | null> {
  const read = await deps.repositories.developmentDiscussions.get(
    supervisor.tenantId,
    target.year,
    target.employeeId,
  );
  if (read ? read.etag !== target.ifMatch : target.ifMatch !== null) {
    throw conflict(read ? stateOf(read) : null);
  }
  return read;
}

export async function scheduleMeeting(
  deps: SchedulingDeps,
  supervisor: Person,
  target: MeetingTarget & { scheduledAt: string; durationMinutes: number },
  now: Date,
  caller: CalendarCaller | null = null,
): Promise<MeetingOutcome> {
  const employee = await ownReport(deps, supervisor, target.employeeId);
  const start = await checkMeetingTime(deps, employee, target.year, target.scheduledAt, now);
  const read = await currentDiscussion(deps, supervisor, target);
  const at = now.toISOString();
  const base = read?.value ?? newDevelopmentDiscussion(employee, target.year, at);
  const stored = await store(deps, supervisor, target, read, {
    ...schedule(base, supervisor.id, at, target.scheduledAt),
    meetingMinutes: target.durationMinutes,
    cancelledMeeting: null,
  });
  const kind: InvitationKind = read?.value.scheduledAt ? 'moved' : 'invited';
  const previousEventId = read?.value.calendarEventId ?? null;
  const event = meetingEvent({
    year: target.year,
    employee,
    supervisor,
    start,
    durationMinutes: target.durationMinutes,
    at: now,
  });
  const placed = await viaCalendar(deps.calendar, caller, (calendar, who) =>
    placeEvent(calendar, who, previousEventId, event),
  );
  const latest =
    placed.value && placed.value !== previousEventId
      ? await rememberEvent(deps, stored, placed.value)
      : stored;
  const notified = await notify(
    deps,
    kind,
    employee,
    supervisor,
    target.year,
    start,
    target.durationMinutes,
    now,
    placed.outcome.via === 'graph',
  );
  return { discussion: stateOf(latest), ...notified, calendar: placed.outcome };
}

/** Keeps the new event's id with the meeting; if someone changed the discussion meanwhile, theirs stands. */
async function rememberEvent(
  deps: SchedulingDeps,
  stored: Versioned<DevelopmentDiscussion>,
  calendarEventId: string,
): Promise<Versioned<DevelopmentDiscussion>> {
  try {
    return await deps.repositories.developmentDiscussions.update(stored, { calendarEventId });
  } catch (error) {
    if (error instanceof ConcurrencyConflictError) return stored;
    throw error;
  }
}

export async function cancelMeeting(
  deps: SchedulingDeps,
  supervisor: Person,
  target: MeetingTarget,
  now: Date,
  caller: CalendarCaller | null = null,
): Promise<MeetingOutcome> {
  const employee = await ownReport(deps, supervisor, target.employeeId);
  const read = await currentDiscussion(deps, supervisor, target);
  if (!read) throw notFound('meeting.notScheduled');
  const at = now.toISOString();
  const eventId = read.value.calendarEventId ?? null;
  const minutes = read.value.meetingMinutes ?? DEFAULT_DURATION_MINUTES;
  const cancelled = {
    ...cancelSchedule(read.value, supervisor.id, at),
    ...(eventId ? { calendarEventId: null } : {}),
    cancelledMeeting: {
      scheduledAt: read.value.scheduledAt ?? at,
      minutes,
      cancelledAt: at,
      // The invitation's file had the seconds of the discussion's last change as its SEQUENCE.
      sequence: Math.max(seconds(now), seconds(new Date(read.value.updatedAt)) + 1),
    },
  };
  const stored = await store(deps, supervisor, target, read, cancelled);
  const start = new Date(read.value.scheduledAt ?? at);
  // Without an event there is nothing in the calendars to cancel: the .ics cancellation does it.
  const called = await viaCalendar(deps.calendar, eventId ? caller : null, (calendar, who) =>
    cancelEvent(calendar, who, eventId ?? '', cancellationComment(employee, supervisor, target.year)),
  );
  const notified = await notify(
    deps,
    'cancelled',
    employee,
    supervisor,
    target.year,
    start,
    minutes,
    now,
    called.outcome.via === 'graph',
  );
  return { discussion: stateOf(stored), ...notified, calendar: called.outcome };
}
