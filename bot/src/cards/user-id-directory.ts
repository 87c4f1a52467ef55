/**
 * Teams user ids (MRIs, "29:…") for a card's `refresh.userIds`. Teams gives a user's id in each activity, and
 * the bot keeps it in the user's stored personal conversation; a person who has never chatted with the bot
 * has none yet. Ids never change, so they are cached.
 */
import type { Person } from '../domain/organisation';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';
import { USER_ID_CACHE_ENTRIES } from '../tunables';

export class UserIdDirectory {
  private readonly cache = new Map<string, string>();

  constructor(private readonly references: ConversationReferenceRepository) {}

  async of(tenantId: string, people: ReadonlyArray<Person | null>): Promise<string[]> {
    const ids = await Promise.all(people.map((person) => this.idOf(tenantId, person?.aadObjectId ?? null)));
    return [...new Set(ids.filter((id): id is string => id !== null))];
  }

  private async idOf(tenantId: string, aadObjectId: string | null): Promise<string | null> {
    if (!aadObjectId) return null;
    const key = `${tenantId}\n${aadObjectId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const stored = await this.references.get(tenantId, { kind: 'user', aadObjectId });
    const user = stored?.value.reference.user as { id?: unknown } | undefined;
    if (typeof user?.id !== 'string' || !user.id) return null;
    if (this.cache.size >= USER_ID_CACHE_ENTRIES) this.cache.clear();
    this.cache.set(key, user.id);
    return user.id;
  }
}
