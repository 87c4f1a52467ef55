/**
 * The Bot Connector stand-in in a process of its own, for bench:fanout: Teams is not in the sender's process, and
 * the engine's work must not delay the stand-in's clock (which would make on-time sends look bunched).
 * Started with IPC by bench/fanout.ts; answers 'count' with the messages it accepted, 'report' with what it
 * received, and 'close' by exiting.
 */
import {
  startConnectorStandIn,
  TEAMS_LIMITS,
  type ReceivedRequest,
} from '../bot/src/devstack/bot-connector-stand-in';

/** What the bench needs of each request. */
export type ReceivedSummary = Pick<
  ReceivedRequest,
  'operation' | 'status' | 'conversationId' | 'tenantId' | 'at'
>;

async function main(): Promise<void> {
  const standIn = await startConnectorStandIn({
    limits: TEAMS_LIMITS,
    latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
    keepBodies: false,
  });
  process.on('message', (message: string) => {
    if (message === 'count') {
      process.send?.({ accepted: standIn.activities().length });
    } else if (message === 'report') {
      const received: ReceivedSummary[] = standIn.received.map(
        ({ operation, status, conversationId, tenantId, at }) => ({
          operation,
          status,
          conversationId,
          tenantId,
          at,
        }),
      );
      process.send?.({ received });
    } else if (message === 'close') {
      void standIn.close().then(() => process.exit(0));
    }
  });
  process.send?.({ serviceUrl: standIn.serviceUrl });
}

void main();
