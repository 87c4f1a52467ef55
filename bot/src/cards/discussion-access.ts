/**
 * Who may see and change a discussion: its two parties, the employee and the supervisor named on it (the
 * lifecycle's rule: HR and others act on aggregates, not on a person's discussion). Anyone else gets a refusal
 * card and nothing is read out or changed. A discussion is created when one of its parties first opens it.
 */
import { currentRoundYear } from '../domain/annual-clock-rules';
import { BUILT_IN_COACHING_BANK } from '../domain/coaching-bank';
import { defaultCompetenceFramework } from '../domain/competence-catalogue';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import { newDevelopmentDiscussion } from '../domain/development-discussion-lifecycle';
import { conversationsFor } from '../domain/discussion-year-rules';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { meetingRoundOf } from '../calendar/meeting-round';
import { AlreadyExistsError } from '../storage/errors';
import type { Versioned } from '../storage/table-store';
import type { AdaptiveCard } from './card-rendering';
import type { CardsContext } from './cards-context';
import type { DiscussionViewer, Party } from './discussion-viewer';
import { renderNoticeCard } from './notice-view';
import { OwedAuditEntry } from './owed-audit-entry';

export type Outcome<T> = { ok: true; value: T } | { ok: false; card: AdaptiveCard };

export interface Actor {
  tenantId: string;
  person: Person;
  locale: Locale;
}

export interface PartyRecord {
  record: Versioned<DevelopmentDiscussion>;
  party: Party;
}

const refused = (card: AdaptiveCard): { ok: false; card: AdaptiveCard } => ({ ok: false, card });

export function actorOf(request: {
  tenantId: string;
  person: Person | null;
  locale: Locale;
}): Outcome<Actor> {
  if (!request.person) return refused(renderNoticeCard(request.locale, 'person.notLinked'));
  return { ok: true, value: { tenantId: request.tenantId, person: request.person, locale: request.locale } };
}

/** The round the person's cards are about: the same one as their tabs (the domain's `roundYear`). */
export async function roundYearOf(
  context: Pick<CardsContext, 'repositories' | 'now'>,
  person: Pick<Person, 'tenantId' | 'serviceAreaId'>,
): Promise<number> {
  const clock = await context.repositories.annualClocks.inEffect(person.tenantId);
  return currentRoundYear(clock, person.serviceAreaId, context.now());
}

export function partyOf(discussion: DevelopmentDiscussion, personId: string): Party | null {
  if (discussion.employeeId === personId) return 'employee';
  if (discussion.supervisorId === personId) return 'supervisor';
  return null;
}

/**
 * The discussion as it stands for access and views: in the current round its supervisor is the employee's
 * supervisor now (the people data), so when an employee gets a new supervisor mid-year, the new one takes the
 * discussion over and the previous one no longer has it, as in the tabs. The stored record says so from its
 * next change. Earlier years' discussions stay with the supervisor who held them. `known`: a person already at
 * hand (the actor), to spare the lookup when it is the employee.
 */
export async function withCurrentSupervisor(
  context: CardsContext,
  record: Versioned<DevelopmentDiscussion>,
  known?: Person,
): Promise<Versioned<DevelopmentDiscussion>> {
  const { tenantId, employeeId, supervisorId, year } = record.value;
  const employee =
    known?.id === employeeId ? known : await context.repositories.people.findPerson(tenantId, employeeId);
  if (!employee || year !== (await roundYearOf(context, employee))) return record;
  const current = employee.supervisorId;
  if (!current || current === employeeId || current === supervisorId) return record;
  return { ...record, value: { ...record.value, supervisorId: current } };
}

async function asParty(
  context: CardsContext,
  actor: Actor,
  stored: Versioned<DevelopmentDiscussion>,
): Promise<Outcome<PartyRecord>> {
  const record = await withCurrentSupervisor(context, stored, actor.person);
  const party = partyOf(record.value, actor.person.id);
  return party
    ? { ok: true, value: { record, party } }
    : refused(renderNoticeCard(actor.locale, 'cards.notice.notAllowed'));
}

/**
 * A stored discussion (never a new one) with its ETag. With `forChange`, the ETag the card was made from: the
 * version may then come from this process's recent versions instead of a read, since the change is written
 * with that ETag and refused if the discussion has moved on (discussion-change.ts reads it fresh then).
 */
export async function readRecord(
  context: CardsContext,
  actor: Actor,
  employeeId: string,
  year: number,
  forChange?: { etag: string },
): Promise<Outcome<PartyRecord>> {
  const discussions = context.repositories.developmentDiscussions;
  const record = forChange
    ? await discussions.getForChange(actor.tenantId, year, employeeId, forChange.etag)
    : await discussions.get(actor.tenantId, year, employeeId);
  if (!record) return refused(renderNoticeCard(actor.locale, 'cards.notice.notAllowed'));
  return asParty(context, actor, record);
}

/** Whether the employee has a development discussion this year (the alternating-year model may say no). */
async function hasDiscussionThisYear(
  context: CardsContext,
  employee: Person,
  year: number,
): Promise<boolean> {
  const { serviceAreas, teams } = context.repositories;
  const [area, team] = await Promise.all([
    serviceAreas.get(employee.tenantId, employee.serviceAreaId),
    teams.get(employee.tenantId, employee.teamId),
  ]);
  const rule = { alternatingYearRule: area?.value.alternatingYearRule ?? null };
  return conversationsFor(employee, rule, year, { kind: team?.value.kind ?? 'team' }).developmentDiscussion;
}

/**
 * The discussion of the current round, created when the employee or their supervisor first opens it; a
 * second create (a double click, the other party at the same moment) finds the first one.
 */
export async function openRecord(
  context: CardsContext,
  actor: Actor,
  employeeId: string,
  year: number,
): Promise<Outcome<PartyRecord>> {
  const discussions = context.repositories.developmentDiscussions;
  const existing = await discussions.get(actor.tenantId, year, employeeId);
  if (existing) return asParty(context, actor, existing);
  const employee =
    actor.person.id === employeeId
      ? actor.person
      : (await context.repositories.people.getPerson(actor.tenantId, employeeId))?.value;
  const isParty = employee && (employee.id === actor.person.id || employee.supervisorId === actor.person.id);
  if (!employee || !isParty) return refused(renderNoticeCard(actor.locale, 'cards.notice.notAllowed'));
  if (!employee.supervisorId || employee.supervisorId === employee.id) {
    return refused(renderNoticeCard(actor.locale, 'discussion.noSupervisor', 'Default'));
  }
  if (
    year !== (await roundYearOf(context, employee)) ||
    !(await hasDiscussionThisYear(context, employee, year))
  ) {
    return refused(renderNoticeCard(actor.locale, 'cards.notice.noDiscussion', 'Default', { year }));
  }
  try {
    const created = await discussions.create(
      newDevelopmentDiscussion(employee, year, context.now().toISOString()),
    );
    return asParty(context, actor, created);
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const raced = await discussions.get(actor.tenantId, year, employeeId);
    if (!raced) throw error;
    return asParty(context, actor, raced);
  }
}

/** Everything a card of this discussion shows the actor: the year's framework, the other party, user ids. */
export async function viewerFor(
  context: CardsContext,
  actor: Actor,
  { record, party }: PartyRecord,
): Promise<DiscussionViewer> {
  const { tenantId } = actor;
  const discussion = record.value;
  const otherId = party === 'employee' ? discussion.supervisorId : discussion.employeeId;
  const { caches, repositories } = context;
  const [framework, other, coaching] = await Promise.all([
    caches.frameworks.load(tenantId, String(discussion.year), async () => {
      return (await repositories.competenceFrameworks.get(tenantId, discussion.year))?.value ?? null;
    }),
    repositories.people.findPerson(tenantId, otherId),
    party === 'supervisor' ? repositories.coachingBanks.find(tenantId) : null,
  ]);
  const meetingRound =
    party === 'supervisor' && other ? await meetingRoundOf(repositories, other, discussion.year) : null;
  const userIds = await context.userIds.of(tenantId, [actor.person, other]);
  const viewer: DiscussionViewer = {
    locale: actor.locale,
    party,
    record,
    framework: framework ?? defaultCompetenceFramework(discussion.year),
    otherName: other ? `${other.firstName} ${other.lastName}` : '–',
    userIds,
    coaching: party === 'supervisor' ? (coaching ?? BUILT_IN_COACHING_BANK) : null,
    now: context.now(),
    meetingRound,
    audit: new OwedAuditEntry(context.audit, {
      tenantId,
      subjectId: discussion.employeeId,
      actorId: actor.person.id,
      action: 'read',
      recordKind: 'developmentDiscussion',
      year: discussion.year,
      channel: 'card',
    }),
  };
  return viewer;
}
