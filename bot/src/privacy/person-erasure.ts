/**
 * Erasure on request (oikeus tietojen poistamiseen) of a person who has left: their person record, their
 * development discussions, the group-discussion contributions they wrote, their development-action requests,
 * their chat's conversation reference and the audit log about them are deleted. Aggregates (team tallies,
 * summaries, training plans) hold no one's identity and stay. The organisation's audit log keeps what kind and
 * how many records were erased, and by whom — not whose. A block that names nobody (a hash of the tenant and
 * the person id, storage/erased-person-repository.ts) keeps the next people import from bringing them back.
 */
import type { TenantId } from '../domain/organisation';
import { ConcurrencyConflictError, NotFoundError } from '../storage/errors';
import type { Versioned } from '../storage/table-store';
import type { AuditRecordKind } from '../domain/audit-entry';
import type { AuditTrail } from '../storage/audit-trail';
import type { Repositories } from '../storage/repositories';
import type { ExportRepos } from './personal-data-export';

export type ErasureCounts = Partial<Record<AuditRecordKind, number>>;

/** How often a record that changed while being erased is read again. */
const ATTEMPTS = 3;

/**
 * Applies `erase` to the record as read. When the record changed meanwhile (or one of its rows is already
 * gone), reads it again: erased when nothing is left, else tried again.
 */
async function eraseLatest<T>(
  read: Versioned<T>,
  reread: () => Promise<Versioned<T> | null>,
  erase: (record: Versioned<T>) => Promise<void>,
): Promise<void> {
  let current: Versioned<T> | null = read;
  for (let attempt = 1; current; attempt++) {
    try {
      return await erase(current);
    } catch (error) {
      const raced = error instanceof ConcurrencyConflictError || error instanceof NotFoundError;
      if (!raced || attempt === ATTEMPTS) throw error;
    }
    current = await reread();
  }
}

async function eraseContributions(repos: ExportRepos, tenantId: TenantId, personId: string): Promise<number> {
  let erased = 0;
  for await (const read of repos.groupDiscussions.scanAll(tenantId)) {
    if (!read.value.contributions.some((c) => c.authorId === personId)) continue;
    const { year, id } = read.value;
    await eraseLatest(
      read,
      () => repos.groupDiscussions.get(tenantId, year, id),
      async (current) => {
        const kept = current.value.contributions.filter((c) => c.authorId !== personId);
        await repos.groupDiscussions.update(current, { contributions: kept });
        erased += current.value.contributions.length - kept.length;
      },
    );
  }
  return erased;
}

export async function erasePerson(
  repos: ExportRepos & Pick<Repositories, 'erasedPeople' | 'languageChoices'>,
  audit: AuditTrail,
  tenantId: TenantId,
  personId: string,
  by: { actorId: string; at: Date },
): Promise<ErasureCounts> {
  const { actorId } = by;
  const counts: ErasureCounts = {};
  const person = await repos.people.getPerson(tenantId, personId);

  const discussions = await repos.developmentDiscussions.listForEmployee(tenantId, personId);
  for (const read of discussions) {
    const { year } = read.value;
    await eraseLatest(
      read,
      () => repos.developmentDiscussions.get(tenantId, year, personId),
      (current) => repos.developmentDiscussions.delete(current),
    );
  }
  counts.developmentDiscussion = discussions.length;
  counts.groupDiscussion = await eraseContributions(repos, tenantId, personId);

  const requests = await repos.developmentActionRequests.listAllForPerson(tenantId, personId);
  for (const request of requests) await repos.developmentActionRequests.delete(request);
  counts.developmentActionRequest = requests.length;

  const aadObjectId = person?.value.aadObjectId;
  const chat = aadObjectId
    ? await repos.conversationReferences.get(tenantId, { kind: 'user', aadObjectId })
    : null;
  if (chat) await repos.conversationReferences.delete(tenantId, chat.value.address);
  counts.conversationReference = chat ? 1 : 0;

  const entries = await repos.auditLog.listAllForSubject(tenantId, personId);
  for (const entry of entries) await repos.auditLog.delete(entry);
  counts.auditLog = entries.length;

  // Their own choice of language is a setting of theirs, not a record the audit counts; it goes with them.
  const choice = await repos.languageChoices.get(tenantId, personId);
  if (choice) await repos.languageChoices.delete(choice);

  // The person last: until then a failed erasure can be run again from the HR tab. Before that, the next
  // people import is told not to bring them back (their HR export may list them for months).
  const erasedAny = person !== null || Object.values(counts).some((count) => count > 0);
  if (erasedAny) await repos.erasedPeople.block(tenantId, personId, by.at);
  if (person) {
    await eraseLatest(
      person,
      () => repos.people.getPerson(tenantId, personId),
      (current) => repos.people.deletePerson(current),
    );
  }
  counts.person = person ? 1 : 0;

  for (const [recordKind, count] of Object.entries(counts) as [AuditRecordKind, number][]) {
    if (count > 0)
      await audit.record({
        tenantId,
        subjectId: null,
        actorId,
        action: 'erase',
        recordKind,
        count,
        channel: 'tab',
      });
  }
  return counts;
}
