/**
 * What a card will look like before it is posted: the tab shows the same card the bot would send, rendered with the
 * adaptivecards SDK and Teams' host config (tabs/src/components/CardPreview.tsx). Previews post nothing and store
 * nothing.
 */
import type { AdaptiveCard } from '../cards/card-rendering';
import type { Person } from '../domain/organisation';
import type { Repositories } from '../storage/repositories';
import { groupDiscussionActivity } from '../group-discussions/group-discussion-start';
import { invitationActivity } from './invitation-message';
import { checkMeetingTime, ownReport, type SchedulingDeps } from './meeting-scheduling';
import { notFound } from '../http-kit/refusals';

export interface CardPreview {
  card: AdaptiveCard;
}

/** The group discussion's opening card as the team's channel will get it (in the organisation's language). */
export async function groupDiscussionPreview(
  repositories: Pick<Repositories, 'organisations' | 'teams'>,
  supervisor: Person,
  request: { year: number; teamId: string },
): Promise<CardPreview> {
  const { tenantId } = supervisor;
  const team = (await repositories.teams.get(tenantId, request.teamId))?.value;
  if (!team || team.supervisorId !== supervisor.id) throw notFound('team.notYourTeam');
  const locale = (await repositories.organisations.get(tenantId))?.value.defaultLocale ?? 'fi';
  const activity = groupDiscussionActivity(team, supervisor, request.year, locale);
  const [attachment] = activity.attachments as Array<{ content: AdaptiveCard }>;
  return { card: attachment!.content };
}

/**
 * The invitation the employee would get if the supervisor scheduled the meeting at `scheduledAt` now: the same
 * card and the same language (the employee's own) as the real send, refused exactly as scheduling would be (not
 * the supervisor's own report, a time outside the window or in the past). A meeting already agreed makes it the
 * "moved" card; with Graph configured the card says the event is in the calendars, as it will after placement.
 */
export async function invitationPreview(
  deps: Pick<SchedulingDeps, 'repositories' | 'calendar'>,
  supervisor: Person,
  request: { year: number; employeeId: string; scheduledAt: string; durationMinutes: number },
  now: Date,
): Promise<CardPreview> {
  const employee = await ownReport(deps, supervisor, request.employeeId);
  const start = await checkMeetingTime(deps, employee, request.year, request.scheduledAt, now);
  const current = await deps.repositories.developmentDiscussions.get(
    supervisor.tenantId,
    request.year,
    request.employeeId,
  );
  const activity = invitationActivity({
    kind: current?.value.scheduledAt ? 'moved' : 'invited',
    year: request.year,
    employee,
    supervisor,
    start,
    durationMinutes: request.durationMinutes,
    at: now,
    inCalendar: deps.calendar !== null,
  });
  const [attachment] = activity.attachments as Array<{ content: AdaptiveCard }>;
  return { card: attachment!.content };
}
