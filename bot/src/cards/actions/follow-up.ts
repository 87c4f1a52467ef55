/**
 * The follow-up check-in: `discussion.openFollowUp` shows it, `discussion.saveFollowUp` stores the goals' new
 * statuses (either party, also after signing), and `discussion.sendFollowUp` lets the supervisor send it to
 * the employee's personal chat later in the year.
 */
import { updateGoalStatus } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import { translate, type MessageKey } from '../../i18n/translate';
import { inTheirLanguageIfKnown } from '../../i18n/person-language';
import { cardRefSchema, followUpRequestSchema, parseFollowUp } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { renderDiscussionView } from '../discussion-views';
import { renderFollowUpCard } from '../follow-up-view';
import { discussionAction } from './discussion-action';

type SendOutcome = Awaited<ReturnType<CardsContext['messenger']['send']>>;

/** What the supervisor is told of the check-in's send; null: the employee has no Teams account. */
function followUpNotice(outcome: SendOutcome | null): MessageKey {
  switch (outcome?.status) {
    case 'delivered':
      return 'cards.followUp.sent';
    case 'willRetry':
      return 'cards.followUp.willRetry';
    case 'failed':
      return 'cards.followUp.failed';
    case 'unreachable':
      return outcome.reason === 'notInstalled' ? 'cards.followUp.unreachable' : 'cards.followUp.blocked';
    default:
      return 'cards.followUp.unreachable';
  }
}

export function openFollowUp(context: CardsContext): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'read', ({ viewer }) =>
    renderDiscussionView(viewer, { kind: 'followUp' }),
  );
}

export function saveFollowUp(context: CardsContext): CardActionHandler {
  return discussionAction(context, followUpRequestSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const statuses = parseFollowUp(inputs, data.goalIds);
    const extras = { inputs, etag: data.etag };
    if (!statuses.ok) {
      return renderDiscussionView(viewer, { kind: 'followUp' }, { ...extras, errors: statuses.errors });
    }
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from: { kind: 'followUp' },
      to: { kind: 'followUp' },
      extras,
      done: { text: translate(viewer.locale, 'cards.followUp.saved'), color: 'Good' },
      change: {
        apply: (discussion, at) =>
          Object.entries(statuses.value).reduce(
            (current, [goalId, status]) => updateGoalStatus(current, actor.person.id, at, goalId, status),
            discussion,
          ),
      },
    });
  });
}

export function sendFollowUp(context: CardsContext): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'read', async ({ actor, viewer }) => {
    const summary = { kind: 'summary' } as const;
    if (viewer.party !== 'supervisor') {
      const banner = {
        text: translate(viewer.locale, 'discussion.supervisorOnly'),
        color: 'Attention' as const,
      };
      return renderDiscussionView(viewer, summary, { banner });
    }
    const discussion = viewer.record.value;
    const employee = await inTheirLanguageIfKnown(
      context.repositories.languageChoices,
      (await context.repositories.people.getPerson(actor.tenantId, discussion.employeeId))?.value,
    );
    const locale = employee?.locale ?? viewer.locale;
    const employeeIds = await context.userIds.of(actor.tenantId, [employee ?? null, actor.person]);
    const card = renderFollowUpCard(
      {
        ...viewer,
        locale,
        party: 'employee',
        otherName: `${actor.person.firstName} ${actor.person.lastName}`,
        userIds: employeeIds,
        coaching: null,
      },
      {},
    );
    const outcome = employee?.aadObjectId
      ? await context.messenger.send(
          actor.tenantId,
          { kind: 'user', aadObjectId: employee.aadObjectId },
          {
            type: 'message',
            text: translate(locale, 'cards.followUp.title', { year: discussion.year }),
            attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
          },
        )
      : null;
    context.logger.info('followUp.sent', {
      tenantId: actor.tenantId,
      outcome: outcome?.status ?? 'noAccount',
    });
    const banner = {
      text: translate(viewer.locale, followUpNotice(outcome)),
      color: outcome?.status === 'delivered' ? ('Good' as const) : ('Warning' as const),
    };
    return renderDiscussionView(viewer, summary, { banner });
  });
}
