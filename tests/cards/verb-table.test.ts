/**
 * The one verb table (bot/src/cards/verbs.ts): every card button's verb reaches exactly one feature's handler, and
 * a verb two features both claim stops the app at start-up, naming the verb and both features.
 */
import { LANGUAGE_VERB } from '../../bot/src/chat/language-command';
import { verbTable } from '../../bot/src/cards/verbs';
import { FEATURES } from '../../bot/src/features';
import type { CardActionHandler } from '../../bot/src/cards/card-action';
import type { Feature } from '../../bot/src/features/feature';
import { startTestApp } from '../support/app';

const answer =
  (text: string): CardActionHandler =>
  async () => ({ kind: 'message', text });

describe('the verb table', () => {
  test('holds every verb of every feature, each with its own handler', async () => {
    const table = verbTable([
      { feature: 'plans', handlers: { 'plan.open': answer('plan'), 'plan.save': answer('save') } },
      { feature: 'chat', handlers: undefined },
      { feature: 'strategy', handlers: { 'strategy.open': answer('strategy') } },
    ]);
    expect(Object.keys(table).sort()).toEqual(['plan.open', 'plan.save', 'strategy.open']);
    const request = {
      tenantId: 't',
      aadObjectId: null,
      person: null,
      locale: 'fi' as const,
      verb: 'strategy.open',
      data: {},
      conversationType: null,
    };
    await expect(table['strategy.open']?.(request)).resolves.toEqual({ kind: 'message', text: 'strategy' });
  });

  test('refuses a verb given by two features, naming the verb and both features', () => {
    expect(() =>
      verbTable([
        { feature: 'plans', handlers: { 'plan.open': answer('plan') } },
        { feature: 'strategy', handlers: { 'strategy.open': answer('strategy') } },
        { feature: 'copycat', handlers: { 'plan.open': answer('copy') } },
      ]),
    ).toThrow('The card verb "plan.open" is handled twice: by plans and by copycat.');
  });
});

describe('the app at start-up', () => {
  test("starts with the app's own features: none of their verbs is claimed twice", async () => {
    const app = await startTestApp();
    await app.stop();
  });

  test('refuses to start when a feature claims a verb another feature already handles', async () => {
    const copycatFeature: Feature = () => ({ cardActions: { [LANGUAGE_VERB]: answer('copy') } });
    await expect(startTestApp({}, { features: [...FEATURES, copycatFeature] })).rejects.toThrow(
      `The card verb "${LANGUAGE_VERB}" is handled twice: by languageFeature and by copycatFeature.`,
    );
  });

  test('refuses a duplicate among the verbs whose cards are shown again with a refusal, too', async () => {
    const show = answer('shown');
    const first: Feature = () => ({ cardViews: { 'x.save': show } });
    const second: Feature = () => ({ cardViews: { 'x.save': show } });
    await expect(startTestApp({}, { features: [first, second] })).rejects.toThrow(
      'The card verb "x.save" is handled twice: by first and by second.',
    );
  });
});
