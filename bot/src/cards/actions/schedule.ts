/**
 * `discussion.schedule`: the supervisor sets or moves the meeting (local date and time from the card). The
 * time must pass the same meeting rules as in the tab and the API (domain/meeting-rules.ts): not in the past,
 * inside the round's window, in a year the person has a development discussion; a refusal is shown under
 * the date with what was typed kept.
 */
import { schedule } from '../../domain/development-discussion-lifecycle';
import { meetingTimeProblem } from '../../domain/meeting-rules';
import type { CardActionHandler } from '../card-action';
import { cardRefSchema, inputIds, parseMeetingTime } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { renderDiscussionView } from '../discussion-views';
import { formatWindows, zonedDateTime } from '../../domain/organisation-time';
import { discussionAction } from './discussion-action';

export function scheduleAction(context: CardsContext): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const meeting = parseMeetingTime(inputs);
    const extras = { inputs, etag: data.etag };
    if (!meeting.ok)
      return renderDiscussionView(viewer, { kind: 'summary' }, { ...extras, errors: meeting.errors });
    const at = zonedDateTime(meeting.value.date, meeting.value.time);
    const round = viewer.meetingRound ?? { windows: [], holdsDiscussion: false };
    const problem = meetingTimeProblem(new Date(at), viewer.now, round);
    if (problem) {
      const window = formatWindows(round.windows, viewer.locale);
      const errors = {
        [inputIds.meetingDate]: { key: `cards.error.${problem}` as const, params: { window } },
      };
      return renderDiscussionView(viewer, { kind: 'summary' }, { ...extras, errors });
    }
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from: { kind: 'summary' },
      to: { kind: 'summary' },
      extras,
      change: { apply: (discussion, now) => schedule(discussion, actor.person.id, now, at) },
    });
  });
}
