/**
 * The Teams activity handler: turns activities into calls on the app (chat commands, conversation
 * bookkeeping) and the app's replies into activities. Only this folder imports botbuilder.
 */
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type ChannelInfo,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
} from 'botbuilder';
import type { CardActionResult } from '../cards/card-action';
import type { ChatReply } from '../chat/chat-reply';
import { welcomeReply } from '../chat/welcome';
import { describeError, type Logger } from '../logging';
import { localeOf, teamOf, tenantOf } from './activity-identity';
import type { BotPorts, ConversationAddress, ConversationRecord } from './bot-ports';

export function toActivity(reply: ChatReply): Partial<Activity> {
  if (reply.kind === 'text') {
    const activity = MessageFactory.text(reply.text);
    activity.textFormat = 'markdown';
    return activity;
  }
  return MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.fallbackText);
}

/**
 * Where a conversation can be reached later (reminders, summaries): a user's personal chat, a team
 * (its General channel, whose id is the team's), a channel, or a group chat.
 */
function toInvokeResponse(result: CardActionResult | null): AdaptiveCardInvokeResponse {
  if (!result) {
    return {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'Unknown action' } as never,
    };
  }
  if (result.kind === 'card') {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
  }
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text as never };
}

function conversationRecordOf(activity: Activity, tenantId: string): ConversationRecord | null {
  const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
  const type = activity.conversation?.conversationType;
  const team = teamOf(activity);
  if (type === 'personal') {
    const aadObjectId = activity.from?.aadObjectId;
    return aadObjectId
      ? { tenantId, address: { kind: 'user', aadObjectId }, channelName: null, reference }
      : null;
  }
  if (team) {
    const channelId = team.channelId ?? team.teamId;
    const address: ConversationAddress =
      channelId === team.teamId
        ? { kind: 'team', teamId: team.teamId }
        : { kind: 'channel', teamId: team.teamId, channelId };
    return { tenantId, address, channelName: team.channelName, reference };
  }
  if (type === 'groupChat') {
    return {
      tenantId,
      address: { kind: 'chat', conversationId: activity.conversation.id },
      channelName: null,
      reference,
    };
  }
  return null;
}

export class OsaamiskelloBot extends TeamsActivityHandler {
  constructor(
    private readonly ports: BotPorts,
    private readonly logger: Logger,
  ) {
    super();

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some(
        (member: ChannelAccount) => member.id === context.activity.recipient?.id,
      );
      if (botWasAdded) await this.remember(context.activity, 'installed');
      await next();
    });

    // "installationUpdate": the app was added to a personal scope or a team (Teams sends it once per install).
    // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events#install-update-event
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context.activity, 'installed');
      await this.rememberChannels(context);
      await this.welcome(context);
      await next();
    });

    // Removed: the address is kept but marked, so the tabs and HR can say why nothing arrives, and campaigns
    // skip it while counting it, until the app is added again (which saves it anew).
    this.onInstallationUpdateRemove(async (context, next) => {
      const tenantId = tenantOf(context.activity);
      const record = tenantId ? conversationRecordOf(context.activity, tenantId) : null;
      if (record) {
        const address: ConversationAddress =
          record.address.kind === 'channel'
            ? { kind: 'team', teamId: record.address.teamId }
            : record.address;
        await this.ports.markUnreachable(record.tenantId, address, 'removed');
        this.logger.info('conversation.uninstalled', { tenantId: record.tenantId, kind: address.kind });
      }
      await next();
    });

    // A team's channels as they change ("conversationUpdate" channelCreated / channelRenamed / channelDeleted).
    this.onTeamsChannelCreatedEvent(async (channel, team, context, next) => {
      await this.rememberChannel(context.activity, team.id ?? null, channel);
      await next();
    });
    this.onTeamsChannelRenamedEvent(async (channel, team, context, next) => {
      await this.rememberChannel(context.activity, team.id ?? null, channel);
      await next();
    });
    this.onTeamsChannelDeletedEvent(async (channel, team, context, next) => {
      const tenantId = tenantOf(context.activity);
      if (tenantId && team.id && channel.id)
        await this.ports.forgetConversation(tenantId, {
          kind: 'channel',
          teamId: team.id,
          channelId: channel.id,
        });
      await next();
    });
  }

  /**
   * Every channel of the team the app was added to, so a post can go to any of them: "Get the list of channels
   * in a team" (GET /v3/teams/{teamId}/conversations).
   * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-the-list-of-channels-in-a-team
   */
  private async rememberChannels(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (!team) return;
    try {
      const channels = await TeamsInfo.getTeamChannels(context, team.teamId);
      for (const channel of channels) await this.rememberChannel(context.activity, team.teamId, channel);
    } catch (error) {
      this.logger.warn('conversation.channelsUnknown', describeError(error));
    }
  }

  private async rememberChannel(
    activity: Activity,
    teamId: string | null,
    channel: ChannelInfo,
  ): Promise<void> {
    const tenantId = tenantOf(activity);
    if (!tenantId || !teamId || !channel.id || channel.id === teamId) return;
    const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
    await this.ports.saveConversation({
      tenantId,
      address: { kind: 'channel', teamId, channelId: channel.id },
      channelName: channel.name ?? null,
      reference: {
        ...reference,
        conversation: { id: channel.id, conversationType: 'channel', isGroup: true, tenantId },
      },
    });
  }

  /** The welcome card; a failure to send it is logged and does not undo the installation. */
  private async welcome(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = tenantOf(activity);
    if (!tenantId) return;
    const aadObjectId = activity.from?.aadObjectId ?? null;
    const person = aadObjectId ? await this.ports.findPerson(tenantId, aadObjectId) : null;
    const locale = person?.locale ?? localeOf(activity, await this.ports.defaultLocale(tenantId));
    const scope = teamOf(activity) ? 'team' : 'personal';
    try {
      await context.sendActivity(toActivity(welcomeReply(locale, scope)));
      this.logger.info('conversation.welcomed', { tenantId, scope });
    } catch (error) {
      this.logger.warn('conversation.welcomeFailed', { tenantId, scope, ...describeError(error) });
    }
  }

  /** Universal Actions (Action.Execute): the card in the chat is replaced by the returned one. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { activity } = context;
    const tenantId = tenantOf(activity);
    const verb = invokeValue.action?.verb;
    if (!tenantId || !verb)
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: {} as never };
    const aadObjectId = activity.from?.aadObjectId ?? null;
    const person = aadObjectId ? await this.ports.findPerson(tenantId, aadObjectId) : null;
    const locale = person?.locale ?? localeOf(activity, await this.ports.defaultLocale(tenantId));
    const data = (invokeValue.action.data ?? {}) as Record<string, unknown>;
    const result = await this.ports.cardAction({
      tenantId,
      aadObjectId,
      person,
      locale,
      verb,
      data,
      conversationType: activity.conversation?.conversationType ?? null,
    });
    this.logger.info('card.action', { tenantId, verb, handled: result !== null, result: result?.kind });
    return toInvokeResponse(result);
  }

  private async remember(activity: Activity, reason: string): Promise<void> {
    const tenantId = tenantOf(activity);
    if (!tenantId) return;
    const record = conversationRecordOf(activity, tenantId);
    if (!record) return;
    await this.ports.saveConversation(record);
    this.logger.info('conversation.saved', { tenantId, kind: record.address.kind, reason });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = tenantOf(activity);
    if (!tenantId) {
      this.logger.warn('message.noTenant', { conversationType: activity.conversation?.conversationType });
      return;
    }
    const aadObjectId = activity.from?.aadObjectId ?? null;
    const person = aadObjectId ? await this.ports.findPerson(tenantId, aadObjectId) : null;
    const locale = person?.locale ?? localeOf(activity, await this.ports.defaultLocale(tenantId));
    if (activity.conversation?.conversationType === 'personal') await this.remember(activity, 'message');
    this.logger.info('message.received', {
      tenantId,
      conversationType: activity.conversation?.conversationType,
      linked: person !== null,
    });
    const replies = await this.ports.commands.handle(
      { tenantId, aadObjectId, person, locale },
      TurnContext.removeRecipientMention(activity) ?? activity.text ?? '',
    );
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }
}
