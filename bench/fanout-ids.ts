/** What bench:fanout's processes share: the n-th tenant of a run, its recipients' conversations, the card sent. */
export const benchTenant = (index: number): string => `bench-tenant-${index}`;
export const benchConversation = (tenant: number, index: number): string => `a:bench-${tenant}-${index}`;

/** The reminder card every recipient gets (the engine's and the sequential loop's alike). */
export function activity(index: number): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `Muistutus ${index}`, wrap: true }],
        },
      },
    ],
  };
}
