/**
 * The floor bench:cards compares the service with: the least a Teams bot on this stack does for a card submit.
 * A bare botbuilder CloudAdapter on restify (no authentication: no BOT_ID, as the service runs in the bench)
 * takes the same `adaptiveCard/action` invokes, makes one conditional replace in Azurite (the user's row, with
 * the ETag the card carried) and answers with a fixed card carrying the new ETag. No validation, no texts, no
 * record, no rules: whatever the service spends above this is its own.
 */
import { TableClient } from '@azure/data-tables';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';

export interface Floor {
  url: string;
  stop(): Promise<void>;
}

const TABLE = 'BenchFloor';

function card(etag: string): Record<string, unknown> {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Tallennettu', wrap: true }],
      actions: [{ type: 'Action.Execute', title: 'Tallenna', verb: 'save', data: { etag } }],
    },
  };
}

export async function startFloor(connectionString: string, userIds: readonly string[]): Promise<Floor> {
  const table = TableClient.fromConnectionString(connectionString, TABLE, { allowInsecureConnection: true });
  await table.createTable();
  await Promise.all(
    userIds.map((id) => table.upsertEntity({ partitionKey: id, rowKey: 'draft', text: '' }, 'Replace')),
  );

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logic = async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
    const data = (activity.value as { action?: { data?: Record<string, unknown> } }).action?.data ?? {};
    const userId = String(data.employeeId);
    let etag: string;
    if (typeof data.etag === 'string') {
      const text = typeof data.s_pastYearReview === 'string' ? data.s_pastYearReview : '';
      const written = await table.updateEntity({ partitionKey: userId, rowKey: 'draft', text }, 'Replace', {
        etag: data.etag,
      });
      etag = written.etag ?? '';
    } else {
      etag = (await table.getEntity(userId, 'draft')).etag;
    }
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: card(etag) } });
  };

  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await table.deleteTable();
    },
  };
}
