/**
 * A light check of an answer's shape before a page renders it: the fields the page walks must be there, so a
 * half-understood answer becomes a clear error instead of a broken page.
 */
import { ApiError } from './http';

export function expectShape<T>(value: unknown, arrays: readonly string[], what: string): T {
  const record = value as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new ApiError('invalidResponse', `${what}: not an object`);
  for (const key of arrays) {
    if (!Array.isArray(record[key])) throw new ApiError('invalidResponse', `${what}: ${key} is not a list`);
  }
  return value as T;
}
