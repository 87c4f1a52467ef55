/** Names shared by bench:fanout's processes: the n-th tenant of a run, and its recipients' conversations. */
export const benchTenant = (index: number): string => `bench-tenant-${index}`;
export const benchConversation = (tenant: number, index: number): string => `a:bench-${tenant}-${index}`;
