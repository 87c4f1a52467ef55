/** Every reminder card leads to its action: the preparation or the team in place, and the app's tab. */
import { VERBS } from '../../bot/src/cards/verbs';
import type { ReminderMessage } from '../../bot/src/domain/reminder';
import { reminderActivity, reminderCard, type ReminderLinks } from '../../bot/src/clock/reminder-card';

const links: ReminderLinks = {
  teamsAppId: '7f6b0e3c-1a2b-4c5d-8e9f-001122334455',
  tabsBaseUrl: 'https://osk.example.fi',
};

const message = (changes: Partial<ReminderMessage>): ReminderMessage => ({
  kind: 'preparationDue',
  phase: 'developmentDiscussions',
  audience: 'employee',
  year: 2026,
  opens: '2026-01-01',
  closes: '2026-03-31',
  open: null,
  total: null,
  responsible: null,
  step: null,
  meetingDate: '2026-02-12',
  action: 'preparation',
  ...changes,
});

type Action = { type: string; verb?: string; data?: unknown; url?: string; title: string };
const actionsOf = (card: Record<string, unknown>) => card.actions as Action[];

test("an employee's reminder opens the first step of their own preparation in place, and the tab", () => {
  const card = reminderCard({ locale: 'fi', message: message({}), personId: 'emp-1' }, links);

  const [execute, link] = actionsOf(card);
  expect(execute).toMatchObject({
    type: 'Action.Execute',
    verb: VERBS.open,
    title: 'Valmistaudu keskusteluun',
    data: { employeeId: 'emp-1', year: 2026, view: { kind: 'step', step: 1 } },
  });
  expect(link?.type).toBe('Action.OpenUrl');
  const url = new URL(link?.url ?? '');
  expect(url.origin + url.pathname).toBe(
    `https://teams.microsoft.com/l/entity/${links.teamsAppId}/osaamiskello`,
  );
  expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'discussion' });
});

test("a supervisor's reminder opens their team's discussions", () => {
  const card = reminderCard(
    {
      locale: 'sv',
      message: message({
        kind: 'deadlineApproaching',
        audience: 'supervisor',
        action: 'teamStatus',
        open: 2,
        total: 5,
      }),
      personId: 'sup-1',
    },
    links,
  );

  expect(actionsOf(card)[0]).toMatchObject({
    type: 'Action.Execute',
    verb: VERBS.myTeam,
    title: 'Ditt teams samtal',
  });
});

test('a channel post leads to the annual clock; without the Teams app id, to the tab page on the web', () => {
  const card = reminderCard(
    {
      locale: 'en',
      message: message({
        kind: 'phaseOpened',
        phase: 'groupDiscussions',
        audience: 'channel',
        action: 'clock',
      }),
      personId: null,
    },
    { teamsAppId: null, tabsBaseUrl: 'http://127.0.0.1:3978/' },
  );

  expect(actionsOf(card)).toEqual([
    {
      type: 'Action.OpenUrl',
      title: 'Annual clock',
      url: 'http://127.0.0.1:3978/tabs/index.html#/personal?page=clock',
    },
  ]);
});

test('the message is an Adaptive Card with a summary for the activity feed', () => {
  const activity = reminderActivity({ locale: 'fi', message: message({}), personId: 'emp-1' }, links);

  expect(activity.summary).toBe('Kehityskeskustelut: Valmistaudu kehityskeskusteluusi 12.2.');
  expect(activity.attachments).toEqual([
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: expect.objectContaining({ type: 'AdaptiveCard', version: '1.5' }),
    },
  ]);
});
