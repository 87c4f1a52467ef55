/** `discussion.schedule`: the supervisor sets or moves the meeting (local date and time from the card). */
import { schedule } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../../features/feature';
import { cardRefSchema, parseMeetingTime } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { renderDiscussionView } from '../discussion-views';
import { zonedDateTime } from '../helsinki-time';
import { discussionAction } from './discussion-action';

export function scheduleAction(context: CardsContext): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const meeting = parseMeetingTime(inputs);
    const extras = { inputs, etag: data.etag };
    if (!meeting.ok)
      return renderDiscussionView(viewer, { kind: 'summary' }, { ...extras, errors: meeting.errors });
    const at = zonedDateTime(meeting.value.date, meeting.value.time);
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from: { kind: 'summary' },
      to: { kind: 'summary' },
      extras,
      change: { apply: (discussion, now) => schedule(discussion, actor.person.id, now, at) },
    });
  });
}
