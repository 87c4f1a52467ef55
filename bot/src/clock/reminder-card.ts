/**
 * A reminder as a Teams message: an Adaptive Card whose buttons lead to the action — the employee's preparation
 * (the discussion card's first step) or the supervisor's team, opened in place by the discussion cards' own
 * Action.Execute verbs, and the app's tab at the right page (a deep link).
 */
import type { ActionModel } from '../cards/card-models';
import { cardActivity, type AdaptiveCard } from '../cards/card-rendering';
import { renderCard } from '../cards/card-templates';
import { VERBS } from '../cards/verbs';
import type { Locale } from '../domain/locale';
import type { OutgoingActivity } from '../fanout/message-sender';
import { ACTION_TITLES, reminderText } from './reminder-messages';
import type { ReminderAction, ReminderMessage } from '../domain/reminder';

/** The personal tab's entity id (appPackage/manifest.json) and the page a reminder opens in it. */
export const PERSONAL_TAB_ENTITY_ID = 'osaamiskello';
export const TAB_PAGES: Record<ReminderAction, string> = {
  preparation: 'discussion',
  teamStatus: 'team',
  clock: 'clock',
};

export interface ReminderLinks {
  /** The Teams app's id (the manifest's id); without it the button opens the tab's web page instead. */
  teamsAppId: string | null;
  /** Where the tab pages are served from, e.g. https://osaamiskello.example.fi */
  tabsBaseUrl: string;
}

/** What a reminder delivery carries: rendered when it is sent. */
export interface ReminderPayload {
  locale: Locale;
  message: ReminderMessage;
  /** The recipient, for a personal reminder: whose discussion the preparation button opens. */
  personId: string | null;
}

/** The in-place button of a reminder, if its action has one. */
function executeAction(payload: ReminderPayload): ActionModel | null {
  const { message, personId, locale } = payload;
  if (message.action === 'preparation' && personId) {
    return {
      title: ACTION_TITLES.preparation[locale],
      verb: VERBS.open,
      data: { employeeId: personId, year: message.year, view: { kind: 'step', step: 1 } },
    };
  }
  if (message.action === 'teamStatus') {
    return { title: ACTION_TITLES.teamStatus[locale], verb: VERBS.myTeam, data: {} };
  }
  return null;
}

/** Teams deep link to the personal tab, with the page as its sub-entity; or the tab's page on the web. */
export function tabLink(links: ReminderLinks, action: ReminderAction): string {
  const page = TAB_PAGES[action];
  if (!links.teamsAppId)
    return `${links.tabsBaseUrl.replace(/\/$/, '')}/tabs/index.html#/personal?page=${page}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?context=${context}`;
}

export function reminderCard(payload: ReminderPayload, links: ReminderLinks): AdaptiveCard {
  const { locale, message } = payload;
  const text = reminderText(message, locale);
  return renderCard('reminder', {
    title: text.title,
    body: text.body,
    execute: executeAction(payload),
    open: {
      title: message.action === 'clock' ? ACTION_TITLES.clock[locale] : ACTION_TITLES.openApp[locale],
      url: tabLink(links, message.action),
    },
  });
}

/** The message activity; its summary is what Teams shows in the activity feed and notifications. */
export function reminderActivity(payload: ReminderPayload, links: ReminderLinks): OutgoingActivity {
  const text = reminderText(payload.message, payload.locale);
  return cardActivity(reminderCard(payload, links), `${text.title}: ${text.body}`);
}
