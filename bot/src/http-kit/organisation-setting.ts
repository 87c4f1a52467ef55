/**
 * Saving one of an organisation's settings (one row per tenant: the retention policy, the coaching question
 * bank) from an HR editor, with the ETag the editor read (null: nothing was saved yet). A stale save is
 * refused with what is stored now, as the editor shows it, and nothing is written.
 */
import { isWriteRace } from '../storage/errors';
import type { Versioned } from '../storage/table-store';
import { conflict } from './refusals';

export interface OrganisationSettingStore<T extends { tenantId: string }> {
  get(tenantId: string): Promise<Versioned<T> | null>;
  /** AlreadyExistsError if the organisation has saved one. */
  create(value: T): Promise<Versioned<T>>;
  /** ConcurrencyConflictError if it changed since `read`. */
  update(read: Versioned<T>, changes: Omit<T, 'tenantId'>): Promise<Versioned<T>>;
}

export async function saveOrganisationSetting<T extends { tenantId: string }, V>(
  store: OrganisationSettingStore<T>,
  tenantId: string,
  value: Omit<T, 'tenantId'>,
  ifMatch: string | null,
  view: (read: Versioned<T> | null) => V,
): Promise<V> {
  const stored = await store.get(tenantId);
  if ((stored?.etag ?? null) !== ifMatch) throw conflict(view(stored));
  try {
    return view(stored ? await store.update(stored, value) : await store.create({ tenantId, ...value } as T));
  } catch (error) {
    if (isWriteRace(error)) throw conflict(view(await store.get(tenantId)));
    throw error;
  }
}
