/**
 * The development discussion's lifecycle: notScheduled → scheduled → prepared → held → signed by both.
 * Each function takes the discussion, the acting person's id and the time, and returns a new discussion or
 * throws DomainRuleError. Only the two parties act: the employee and the supervisor named on the discussion;
 * anyone else, HR included, gets 'discussion.notAParty'.
 *
 * Decisions:
 * - The supervisor schedules, records their part, marks the discussion held and reopens it; the employee
 *   prepares; both sign and follow up goals.
 * - The employee may draft the preparation at any time before signing; submitting it ("ready for the meeting")
 *   needs a scheduled meeting, so 'prepared' always has a time. Cancelling the meeting returns to notScheduled
 *   and keeps the text; the employee submits again once a new time is set.
 * - Any change of content clears both signatures, since what was signed no longer stands. Goal follow-up is not
 *   part of the signed record: it is allowed in every status and leaves signatures alone.
 * - The discussion is marked held on or after the day of its meeting, never before.
 * - Once signed, everything but goal follow-up is locked; only the supervisor reopens (signed → held), with a
 *   reason that is kept in `reopenings`.
 */
import { assessedCompetences, validateRatings } from './assessment-rules';
import { isZonedDateTime } from './calendar';
import type { CompetenceFramework } from './competence';
import {
  fitsInTableString,
  MAX_REOPEN_REASON_LENGTH,
  MAX_PROPOSED_LEARNING_GOALS,
  MAX_REOPENINGS,
  MAX_SECTION_TEXT_LENGTH,
} from './content-limits';
import {
  DISCUSSION_SECTIONS,
  type DevelopmentDiscussion,
  type DiscussionSection,
  type DiscussionStatus,
  type Goal,
  type GoalStatus,
  type LearningGoal,
} from './development-discussion';
import { refuserFor, type Refuser } from './errors';
import { checkedGoalLists, withGoalStatus } from './goal-rules';
import { mayMarkHeld } from './meeting-rules';
import type { Person } from './organisation';
import { isSupervisor } from './people-rules';

export const DISCUSSION_ERROR_CODES = [
  'discussion.noSupervisor',
  'discussion.ownSupervisor',
  'discussion.notAParty',
  'discussion.employeeOnly',
  'discussion.supervisorOnly',
  'discussion.locked',
  'discussion.wrongStatus',
  'discussion.invalidTime',
  'discussion.beforeMeeting',
  'discussion.unknownSection',
  'discussion.sectionNotApplicable',
  'discussion.textTooLong',
  'discussion.wrongFramework',
  'discussion.invalidRatings',
  'discussion.alreadySigned',
  'discussion.reasonRequired',
  'discussion.reasonTooLong',
  'discussion.tooManyReopenings',
  'discussion.tooLarge',
  'discussion.tooManyProposals',
] as const;
export type DiscussionErrorCode = (typeof DISCUSSION_ERROR_CODES)[number];

const refuse: Refuser<DiscussionErrorCode> = refuserFor();

type Sections = Partial<Record<DiscussionSection, string>>;

/** The employee's part; an omitted field is left as it is, a given one replaces the stored one. */
export interface PreparationDraft {
  preparation?: Sections;
  selfRatings?: Record<string, number>;
  proposedLearningGoals?: LearningGoal[];
}

/** The supervisor's part; an omitted field is left as it is, a given one replaces the stored one. */
export interface SupervisorPart {
  notes?: Sections;
  ratings?: Record<string, number>;
  goals?: Goal[];
  learningGoals?: LearningGoal[];
}

type Party = 'employee' | 'supervisor';

function partyOf(discussion: DevelopmentDiscussion, actorId: string): Party {
  if (actorId === discussion.employeeId) return 'employee';
  if (actorId === discussion.supervisorId) return 'supervisor';
  return refuse(
    'discussion.notAParty',
    'Only the employee and their supervisor act on a development discussion',
  );
}

function requireParty(actual: Party, wanted: Party): void {
  if (actual === wanted) return;
  if (wanted === 'employee') refuse('discussion.employeeOnly', 'Only the employee does this');
  refuse('discussion.supervisorOnly', 'Only the supervisor does this');
}

function requireStatus(discussion: DevelopmentDiscussion, allowed: readonly DiscussionStatus[]): void {
  if (!allowed.includes(discussion.status)) {
    refuse('discussion.wrongStatus', `Not allowed while the discussion is ${discussion.status}`);
  }
}

/** Checks, in order, that the actor is a party, the discussion is not signed, and the actor has this part. */
function requireEditor(discussion: DevelopmentDiscussion, actorId: string, party: Party | null): Party {
  const actual = partyOf(discussion, actorId);
  if (discussion.status === 'signed') refuse('discussion.locked', 'A signed discussion cannot be changed');
  if (party) requireParty(actual, party);
  return actual;
}

/** The supervisor, on a meeting that is booked and not yet held (scheduled, or prepared by the employee). */
function requireMeetingAhead(discussion: DevelopmentDiscussion, actorId: string): void {
  requireEditor(discussion, actorId, 'supervisor');
  requireStatus(discussion, ['scheduled', 'prepared']);
}

function fitting(discussion: DevelopmentDiscussion): DevelopmentDiscussion {
  if (!fitsInTableString(discussion))
    refuse('discussion.tooLarge', 'The discussion would be too large to store');
  return discussion;
}

function withContent(
  discussion: DevelopmentDiscussion,
  at: string,
  changes: Partial<DevelopmentDiscussion>,
): DevelopmentDiscussion {
  return fitting({
    ...discussion,
    ...changes,
    employeeSignature: null,
    supervisorSignature: null,
    updatedAt: at,
  });
}

function isSection(key: string): key is DiscussionSection {
  return (DISCUSSION_SECTIONS as readonly string[]).includes(key);
}

/** Trimmed, with empty sections dropped. */
function checkedSections(discussion: DevelopmentDiscussion, sections: Sections): Sections {
  const result: Sections = {};
  for (const [key, value] of Object.entries(sections)) {
    if (!isSection(key)) return refuse('discussion.unknownSection', 'Unknown discussion section');
    const text = (value ?? '').trim();
    if (!text) continue;
    if (key === 'supervisorCompetence' && !discussion.includesSupervisorSection) {
      refuse(
        'discussion.sectionNotApplicable',
        'The supervisor section is only in a supervisor’s own discussion',
      );
    }
    if (text.length > MAX_SECTION_TEXT_LENGTH) refuse('discussion.textTooLong', 'A section text is too long');
    result[key] = text;
  }
  return result;
}

function checkedRatings(
  discussion: DevelopmentDiscussion,
  ratings: Record<string, number>,
  framework: CompetenceFramework,
): Record<string, number> {
  if (framework.year !== discussion.year) {
    refuse('discussion.wrongFramework', 'Ratings are checked against the framework of the discussion’s year');
  }
  const competences = assessedCompetences(framework, discussion.includesSupervisorSection);
  const errors = validateRatings(ratings, competences, framework.scale);
  if (Object.keys(errors).length > 0) {
    refuse('discussion.invalidRatings', `Invalid ratings: ${JSON.stringify(errors)}`);
  }
  return { ...ratings };
}

/** The employee proposes a few learning goals; the supervisor agrees the actual ones. */
function checkedProposals(proposals: LearningGoal[]): LearningGoal[] {
  if (proposals.length > MAX_PROPOSED_LEARNING_GOALS)
    refuse('discussion.tooManyProposals', 'Too many proposals');
  return checkedGoalLists({ goals: [], learningGoals: proposals }).learningGoals;
}

/** A meeting time with an explicit offset, stored in UTC. */
function checkedMeetingTime(value: string): string {
  if (!isZonedDateTime(value)) refuse('discussion.invalidTime', 'Expected an ISO date-time with an offset');
  return new Date(value).toISOString();
}

/**
 * The year's discussion of an employee with their current supervisor. The supervisor section and the
 * supervisor competences apply when the employee is a supervisor.
 */
export function newDevelopmentDiscussion(employee: Person, year: number, at: string): DevelopmentDiscussion {
  if (employee.supervisorId === null) refuse('discussion.noSupervisor', 'The employee has no supervisor');
  if (employee.supervisorId === employee.id)
    refuse('discussion.ownSupervisor', 'Nobody is their own supervisor');
  return {
    tenantId: employee.tenantId,
    year,
    employeeId: employee.id,
    supervisorId: employee.supervisorId,
    serviceAreaId: employee.serviceAreaId,
    status: 'notScheduled',
    scheduledAt: null,
    includesSupervisorSection: isSupervisor(employee),
    preparation: {},
    supervisorNotes: {},
    selfRatings: {},
    supervisorRatings: {},
    goals: [],
    learningGoals: [],
    proposedLearningGoals: [],
    employeeSignature: null,
    supervisorSignature: null,
    reopenings: [],
    updatedAt: at,
  };
}

/** Sets or moves the meeting; a discussion already prepared stays prepared. */
export function schedule(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
  scheduledAt: string,
): DevelopmentDiscussion {
  requireEditor(discussion, actorId, 'supervisor');
  requireStatus(discussion, ['notScheduled', 'scheduled', 'prepared']);
  return {
    ...discussion,
    status: discussion.status === 'notScheduled' ? 'scheduled' : discussion.status,
    scheduledAt: checkedMeetingTime(scheduledAt),
    updatedAt: at,
  };
}

export function cancelSchedule(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
): DevelopmentDiscussion {
  requireMeetingAhead(discussion, actorId);
  return { ...discussion, status: 'notScheduled', scheduledAt: null, updatedAt: at };
}

/** Saves the employee's preparation and self-assessment without changing the status. */
export function savePreparationDraft(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
  draft: PreparationDraft,
  framework: CompetenceFramework,
): DevelopmentDiscussion {
  requireEditor(discussion, actorId, 'employee');
  return withContent(discussion, at, {
    preparation: draft.preparation ? checkedSections(discussion, draft.preparation) : discussion.preparation,
    selfRatings: draft.selfRatings
      ? checkedRatings(discussion, draft.selfRatings, framework)
      : discussion.selfRatings,
    proposedLearningGoals: draft.proposedLearningGoals
      ? checkedProposals(draft.proposedLearningGoals)
      : discussion.proposedLearningGoals,
  });
}

/** The employee is ready for the meeting. */
export function submitPreparation(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
): DevelopmentDiscussion {
  requireEditor(discussion, actorId, 'employee');
  requireStatus(discussion, ['scheduled']);
  return { ...discussion, status: 'prepared', updatedAt: at };
}

/** Saves the supervisor's notes, ratings and goals, before, during or after the meeting, until signed. */
export function recordSupervisorPart(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
  part: SupervisorPart,
  framework: CompetenceFramework,
): DevelopmentDiscussion {
  requireEditor(discussion, actorId, 'supervisor');
  const goals = checkedGoalLists({
    goals: part.goals ?? discussion.goals,
    learningGoals: part.learningGoals ?? discussion.learningGoals,
  });
  return withContent(discussion, at, {
    supervisorNotes: part.notes ? checkedSections(discussion, part.notes) : discussion.supervisorNotes,
    supervisorRatings: part.ratings
      ? checkedRatings(discussion, part.ratings, framework)
      : discussion.supervisorRatings,
    ...goals,
  });
}

export function markHeld(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
): DevelopmentDiscussion {
  requireMeetingAhead(discussion, actorId);
  if (!mayMarkHeld(discussion.scheduledAt, new Date(at)))
    refuse('discussion.beforeMeeting', 'The meeting day has not come yet');
  return { ...discussion, status: 'held', updatedAt: at };
}

/** A party accepts the record as it stands; with both signatures the discussion is signed and locked. */
export function sign(discussion: DevelopmentDiscussion, actorId: string, at: string): DevelopmentDiscussion {
  const party = requireEditor(discussion, actorId, null);
  requireStatus(discussion, ['held']);
  const field = party === 'employee' ? 'employeeSignature' : 'supervisorSignature';
  if (discussion[field]) refuse('discussion.alreadySigned', 'Already signed');
  const next = { ...discussion, [field]: { personId: actorId, at }, updatedAt: at };
  return next.employeeSignature && next.supervisorSignature ? { ...next, status: 'signed' } : next;
}

/** Opens a signed discussion for correction; both sign again afterwards. */
export function reopen(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
  reason: string,
): DevelopmentDiscussion {
  requireParty(partyOf(discussion, actorId), 'supervisor');
  requireStatus(discussion, ['signed']);
  const text = reason.trim();
  if (!text) refuse('discussion.reasonRequired', 'Reopening needs a reason');
  if (text.length > MAX_REOPEN_REASON_LENGTH) refuse('discussion.reasonTooLong', 'The reason is too long');
  if (discussion.reopenings.length >= MAX_REOPENINGS) {
    refuse('discussion.tooManyReopenings', 'The discussion has been reopened too many times');
  }
  return fitting({
    ...discussion,
    status: 'held',
    employeeSignature: null,
    supervisorSignature: null,
    reopenings: [...discussion.reopenings, { by: actorId, at, reason: text }],
    updatedAt: at,
  });
}

/** Follow-up during the year: either party updates a goal's status, also after signing. */
export function updateGoalStatus(
  discussion: DevelopmentDiscussion,
  actorId: string,
  at: string,
  goalId: string,
  status: GoalStatus,
): DevelopmentDiscussion {
  partyOf(discussion, actorId);
  return { ...discussion, ...withGoalStatus(discussion, goalId, status), updatedAt: at };
}
