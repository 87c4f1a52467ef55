import type { HostChannel } from '../teams/host';
import type { ApiClient } from './client';
import { expectShape } from './shape';
import type { GroupDiscussionStart, LedTeam, MeetingOutcome, ReportRow, TeamOverviewPage } from './types';

export interface WholeTeam {
  year: number;
  reports: ReportRow[];
  windows: TeamOverviewPage['windows'];
  teams: LedTeam[];
}

/** Every page of the supervisor's reports for a year (a large unit has a few pages of 200). */
export async function fetchWholeTeam(
  api: ApiClient,
  year: number | undefined,
  signal: AbortSignal,
): Promise<WholeTeam> {
  const whole: WholeTeam = { year: year ?? 0, reports: [], windows: {}, teams: [] };
  let token: string | undefined;
  do {
    const page = expectShape<TeamOverviewPage>(
      await api.get('/api/v1/team', { year, continuationToken: token }, signal),
      ['reports', 'teams'],
      'team overview',
    );
    whole.year = page.year;
    whole.reports.push(...page.reports);
    Object.assign(whole.windows, page.windows);
    for (const team of page.teams)
      if (!whole.teams.some((known) => known.id === team.id)) whole.teams.push(team);
    year = page.year;
    token = page.continuationToken;
  } while (token);
  return whole;
}

const meetingPath = (year: number, employeeId: string) =>
  `/api/v1/team/discussions/${year}/${encodeURIComponent(employeeId)}/meeting`;

export async function scheduleMeeting(
  api: ApiClient,
  year: number,
  employeeId: string,
  scheduledAt: string,
  durationMinutes: number,
  etag: string | null,
): Promise<MeetingOutcome> {
  return (await api.send('PUT', meetingPath(year, employeeId), {
    body: { scheduledAt, durationMinutes },
    ifMatch: etag,
  })) as MeetingOutcome;
}

/** The invitation card scheduling this time would send the employee (in their language), to show before sending. */
export async function invitationPreview(
  api: ApiClient,
  year: number,
  employeeId: string,
  scheduledAt: string,
  durationMinutes: number,
): Promise<object> {
  const answer = await api.get(`${meetingPath(year, employeeId)}/preview`, { scheduledAt, durationMinutes });
  return (answer as { card: object }).card;
}

/** The meeting's .ics as the API sends it (text/calendar): a file the supervisor can send or add to another calendar. */
export async function meetingCalendarFile(
  api: ApiClient,
  icsPath: string,
): Promise<{ blob: Blob; name: string | null }> {
  return api.file(icsPath);
}

export async function cancelMeeting(
  api: ApiClient,
  year: number,
  employeeId: string,
  etag: string,
): Promise<MeetingOutcome> {
  return (await api.send('DELETE', meetingPath(year, employeeId), { ifMatch: etag })) as MeetingOutcome;
}

/** The card starting the team's group discussion would post, to show before posting it. */
export async function groupDiscussionPreview(api: ApiClient, year: number, teamId: string): Promise<object> {
  const path = `/api/v1/team/group-discussions/${year}/${encodeURIComponent(teamId)}/preview`;
  return ((await api.get(path)) as { card: object }).card;
}

export async function startGroupDiscussion(
  api: ApiClient,
  year: number,
  teamId: string,
  channel: HostChannel | null,
): Promise<GroupDiscussionStart> {
  return (await api.send('POST', '/api/v1/team/group-discussions', {
    body: { year, teamId, channel },
  })) as GroupDiscussionStart;
}
