/**
 * When a development discussion's meeting may be, read from storage for the meeting rules: the supervisor's tab
 * (api/meeting-scheduling.ts) and the discussion cards (cards/discussion-access.ts) ask the same question.
 */
import { windowsOfKind } from '../domain/annual-clock-rules';
import { conversationsFor } from '../domain/discussion-year-rules';
import type { MeetingRound } from '../domain/meeting-rules';
import type { Person } from '../domain/organisation';
import type { Repositories } from '../storage/repositories';

/** The employee's round `year` as the meeting rules see it: the clock's windows and the alternating-year rule. */
export async function meetingRoundOf(
  repositories: Pick<Repositories, 'annualClocks' | 'serviceAreas' | 'teams'>,
  employee: Person,
  year: number,
): Promise<MeetingRound> {
  const [clock, area, team] = await Promise.all([
    repositories.annualClocks.inEffect(employee.tenantId),
    repositories.serviceAreas.get(employee.tenantId, employee.serviceAreaId),
    repositories.teams.get(employee.tenantId, employee.teamId),
  ]);
  const conversations = conversationsFor(
    employee,
    { alternatingYearRule: area?.value.alternatingYearRule ?? null },
    year,
    { kind: team?.value.kind ?? 'team' },
  );
  const windows = windowsOfKind(clock, year, employee.serviceAreaId, 'developmentDiscussions');
  return {
    windows: windows.map((w) => ({ opens: w.opens, closes: w.closes })),
    holdsDiscussion: conversations.developmentDiscussion,
  };
}
