/**
 * A page of the audit log about one person, or (subject null) the organisation's own log: purges, erasures and
 * HR's changes to privacy settings; with the names of those who acted (the organisation's own people).
 */
import type { Repositories } from '../storage/repositories';
import type { AuditLogPage } from '../contract/privacy';
import { AUDIT_PAGE_SIZE } from '../tunables';

type Repos = Pick<Repositories, 'auditLog' | 'people'>;

export async function auditLogPage(
  repos: Repos,
  tenantId: string,
  subjectId: string | null,
  continuationToken?: string,
): Promise<AuditLogPage> {
  const page = await repos.auditLog.listForSubject(tenantId, subjectId, {
    pageSize: AUDIT_PAGE_SIZE,
    continuationToken,
  });
  const actorIds = [...new Set(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const actors = await Promise.all(actorIds.map((id) => repos.people.getPerson(tenantId, id)));
  const names = new Map(
    actors.flatMap((read) =>
      read ? [[read.value.id, `${read.value.firstName} ${read.value.lastName}`]] : [],
    ),
  );
  return {
    entries: page.items.map(({ tenantId: _tenant, ...entry }) => ({
      ...entry,
      actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
    })),
    continuationToken: page.continuationToken,
  };
}
