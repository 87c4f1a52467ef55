/** Coaching and work supervision in Teams: "valmennus" shows a person's requests and lets them ask; HR also sees the demand. */
import { z } from 'zod';
import { roundYearOf } from '../cards/discussion-access';
import type { ChatCommand } from '../chat/chat-commands';
import { currentRoundYear } from '../domain/annual-clock-rules';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../cards/card-action';
import type { Repositories } from '../storage/repositories';
import { actingPerson, cardData, guarded } from '../cards/card-action-kit';
import { asReply } from '../chat/chat-reply';
import { translator } from '../cards/localised';
import { demandByArea, isForm, isKind, requestAction, withdrawAction } from './development-action-service';
import { DEVELOPMENT_ACTION_TEXTS } from './development-action-texts';
import {
  demandCard,
  DEVELOPMENT_ACTION_VERBS,
  requestsCard,
  type ActionNotice,
} from './development-action-view';
import { YEAR_BOUNDS } from '../tunables';

export interface DevelopmentActionDeps {
  repositories: Repositories;
  now(): Date;
}

const yearSchema = z.object({ year: z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max) });

export function developmentActionInteractions(deps: DevelopmentActionDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const { repositories } = deps;
  // A person's requests belong to the round their cards and tabs are about (asked after the round's discussions
  // close, they go to the next round); HR's demand is the round the summaries and training plans work on.
  const ownYear = (person: Person): Promise<number> => roundYearOf(deps, person);
  const demandYear = async (tenantId: string): Promise<number> =>
    currentRoundYear(await repositories.annualClocks.inEffect(tenantId), null, deps.now(), 'planning');
  const at = (): string => deps.now().toISOString();
  const message = (locale: Locale, key: 'notice.notLinked' | 'demand.notAllowed'): CardActionResult => ({
    kind: 'message',
    text: translator(DEVELOPMENT_ACTION_TEXTS, locale)(key),
  });

  async function show(
    person: Person,
    locale: Locale,
    year: number,
    notice: ActionNotice | null,
  ): Promise<CardActionResult> {
    const requests = await repositories.developmentActionRequests.listForPerson(
      person.tenantId,
      year,
      person.id,
    );
    return { kind: 'card', card: requestsCard(locale, year, requests, person.roles.includes('hr'), notice) };
  }

  const onOwn =
    (run: (person: Person, year: number, request: CardActionRequest) => Promise<ActionNotice | null>) =>
    async (request: CardActionRequest): Promise<CardActionResult> => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      const year = cardData(yearSchema, request)?.year ?? (await ownYear(person));
      return guarded(
        async () => show(person, request.locale, year, await run(person, year, request)),
        async () => show(person, request.locale, year, { key: 'notice.conflict', color: 'Warning' }),
      );
    };

  const cardActions: Record<string, CardActionHandler> = {
    [DEVELOPMENT_ACTION_VERBS.open]: onOwn(async () => null),
    [DEVELOPMENT_ACTION_VERBS.request]: onOwn(async (person, year, request) => {
      const [kind = '', form = ''] = String(request.data.choice ?? '').split(':');
      if (!isKind(kind) || !isForm(form)) return null;
      await requestAction(repositories, person, year, kind, form, at());
      return { key: 'notice.requested', color: 'Good' };
    }),
    [DEVELOPMENT_ACTION_VERBS.withdraw]: onOwn(async (person, year, request) => {
      const kind = String(request.data.kind ?? '');
      if (!isKind(kind)) return null;
      await withdrawAction(repositories, person, year, kind, at());
      return { key: 'notice.withdrawn', color: 'Accent' };
    }),
    [DEVELOPMENT_ACTION_VERBS.demand]: async (request) => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      if (!person.roles.includes('hr')) return message(request.locale, 'demand.notAllowed');
      const year = cardData(yearSchema, request)?.year ?? (await demandYear(request.tenantId));
      return {
        kind: 'card',
        card: demandCard(request.locale, await demandByArea(repositories, request.tenantId, year)),
      };
    },
  };

  const command: ChatCommand = {
    id: 'developmentActions',
    triggers: [
      'valmennus',
      'työnohjaus',
      'tyonohjaus',
      'coachning',
      'handledning',
      'arbetshandledning',
      'coaching',
      'work supervision',
    ],
    helpKey: 'help.command.developmentActions',
    handle: async (context) => {
      const open = cardActions[DEVELOPMENT_ACTION_VERBS.open];
      if (!open) return [];
      return [
        asReply(
          await open({ ...context, verb: DEVELOPMENT_ACTION_VERBS.open, data: {}, conversationType: null }),
        ),
      ];
    },
  };

  return { cardActions, command };
}
