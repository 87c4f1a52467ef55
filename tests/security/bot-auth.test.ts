/**
 * The bot endpoint with BOT_ID set, as the Bot Framework specifies: only a bearer JWT from the channel's
 * issuer, for this bot, inside its lifetime (5 minutes' skew), signed by a key from the OpenID metadata that
 * is endorsed for the activity's channel, whose serviceurl claim is the activity's serviceUrl, gets in.
 * The metadata and keys come from a local stand-in; the bot's replies get their token from a managed
 * identity endpoint stand-in (App Service's protocol, BOT_TYPE=UserAssignedMSI as deployed) and go to a Bot
 * Connector stand-in. Every refused request answers 401 with nothing processed, stored or sent.
 */
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import {
  BOT_FRAMEWORK_ISSUER,
  startOpenIdStandIn,
  type OpenIdStandIn,
} from '../../bot/src/devstack/openid-stand-in';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage } from '../support/activities';
import { hs256Token, tampered, unsignedToken } from '../support/tokens';

const BOT_ID = 'b0b0b0b0-0000-4000-8000-000000000001';
const BOT_TENANT_ID = 'b0b0b0b0-0000-4000-8000-0000000000aa';
const MINUTE = 60;

describe('bot endpoint authentication (BOT_ID set)', () => {
  let identity: OpenIdStandIn;
  let connector: ConnectorStandIn;
  let app: RunningApp;
  const tenantId = newTenantId();
  const savedEnv = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    [identity, connector] = await Promise.all([startOpenIdStandIn(), startConnectorStandIn()]);
    // App Service's managed identity protocol: what the bot's outgoing token acquisition reads.
    process.env.IDENTITY_ENDPOINT = identity.managedIdentity.endpoint;
    process.env.IDENTITY_HEADER = identity.managedIdentity.header;
    app = await startTestApp(
      { BOT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID },
      { botAuthOverrides: { openIdMetadataUrl: identity.openIdMetadataUrl } },
    );
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // the SDK prints every refusal
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), identity?.close(), connector?.close()]);
    process.env.IDENTITY_ENDPOINT = savedEnv.endpoint;
    process.env.IDENTITY_HEADER = savedEnv.header;
    jest.restoreAllMocks();
  });

  /** A message from a user no other case uses, so what it leaves behind is its own. */
  function message(overrides: Record<string, unknown> = {}): {
    activity: Record<string, unknown>;
    user: string;
  } {
    const user = randomUUID();
    const activity = {
      ...personalMessage({ tenantId, aadObjectId: user }, 'ohje', { serviceUrl: connector.serviceUrl }),
      ...overrides,
    };
    return { activity, user };
  }

  async function post(activity: Record<string, unknown>, authorization: string | null): Promise<number> {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    await response.text();
    return response.status;
  }

  const token = (claims: Record<string, unknown> = {}) =>
    identity.mintChannelToken(BOT_ID, connector.serviceUrl, claims);
  const now = () => Math.floor(Date.now() / 1000);

  async function storedReference(user: string): Promise<unknown> {
    return app.repositories.conversationReferences.get(tenantId, { kind: 'user', aadObjectId: user });
  }

  it('accepts the channel’s token, answers 200 and sends the reply with the bot’s own token', async () => {
    const { activity, user } = message();
    const before = connector.activities().length;
    expect(await post(activity, `Bearer ${await token()}`)).toBe(200);
    await connector.waitForActivities(before + 1);
    const reply = connector.activities()[before];
    expect(reply?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply?.text).toContain('Osaamiskello');
    const issued = identity.managedIdentity.issued.map((grant) => `Bearer ${grant.token}`);
    expect(issued).toContain(connector.received[connector.received.length - 1]?.authorization);
    expect(identity.managedIdentity.issued[0]).toMatchObject({
      clientId: BOT_ID,
      resource: 'https://api.botframework.com',
    });
    expect(await storedReference(user)).not.toBeNull();
  });

  it('accepts a token that expired within the 5-minute clock skew', async () => {
    const { activity } = message();
    const expiredLately = await token({
      iat: now() - 65 * MINUTE,
      nbf: now() - 65 * MINUTE,
      exp: now() - 3 * MINUTE,
    });
    expect(await post(activity, `Bearer ${expiredLately}`)).toBe(200);
  });

  const bearerOf = async (claims: Record<string, unknown> = {}) => `Bearer ${await token(claims)}`;
  /** Valid channel claims, for tokens signed outside the stand-in's minter. */
  const channelClaims = () => ({
    iss: BOT_FRAMEWORK_ISSUER,
    aud: BOT_ID,
    serviceurl: connector.serviceUrl,
    nbf: now(),
    exp: now() + 60 * MINUTE,
  });

  /** A case: its name, the Authorization header, and changes to the activity. */
  const refused: Array<[string, () => Promise<string | null>, Record<string, unknown>?]> = [
    ['no token', async () => null],
    ['a token in another scheme', async () => `Basic ${await token()}`],
    ['a wrong issuer', () => bearerOf({ iss: 'https://evil.example.test' })],
    [
      'an emulator issuer (a token type a Teams bot never gets)',
      () =>
        bearerOf({
          iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
          appid: BOT_ID,
          ver: '1.0',
        }),
    ],
    ['a wrong audience', () => bearerOf({ aud: 'another-bot' })],
    [
      'a token expired beyond the skew',
      () => bearerOf({ iat: now() - 70 * MINUTE, nbf: now() - 70 * MINUTE, exp: now() - 6 * MINUTE }),
    ],
    ['a token not yet valid beyond the skew', () => bearerOf({ nbf: now() + 10 * MINUTE })],
    ['a token without an expiry', () => bearerOf({ exp: undefined })],
    [
      'a key that is not in the metadata',
      async () =>
        `Bearer ${await identity.mintChannelToken(BOT_ID, connector.serviceUrl, {}, identity.unknownKey)}`,
    ],
    [
      'an unknown key presented under a published key id',
      async () => `Bearer ${await identity.unknownKey.sign(channelClaims(), { kid: identity.key.kid })}`,
    ],
    [
      'a tampered token (audience changed, signature kept)',
      async () => `Bearer ${tampered(await token({ aud: 'another-bot' }), { aud: BOT_ID })}`,
    ],
    ['an unsigned token (alg none)', async () => `Bearer ${unsignedToken(channelClaims())}`],
    ['an HS256 token', async () => `Bearer ${await hs256Token(channelClaims(), 'secret', identity.key.kid)}`],
    ['a serviceurl claim for another service', () => bearerOf({ serviceurl: 'https://smba.example.test/' })],
    ['no serviceurl claim', () => bearerOf({ serviceurl: undefined })],
    ['an activity without a serviceUrl', () => bearerOf(), { serviceUrl: undefined }],
    ['an activity from a channel the key is not endorsed for', () => bearerOf(), { channelId: 'webchat' }],
  ];

  it.each(refused)(
    'refuses %s with 401; nothing is processed, stored or sent',
    async (_case, authorization, changes = {}) => {
      const { activity, user } = message(changes);
      const sentBefore = connector.received.length;
      expect(await post(activity, await authorization())).toBe(401);
      expect(await storedReference(user)).toBeNull();
      expect(connector.received.length).toBe(sentBefore);
    },
  );

  it('still accepts the channel’s token after the refusals (the refusals were about the requests)', async () => {
    expect(await post(message().activity, `Bearer ${await token()}`)).toBe(200);
  });
});
