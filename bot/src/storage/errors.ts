/** Storage outcomes the app reacts to; the SDK's RestError never leaves the storage folder. */

/** Someone else changed the record since it was read (HTTP 412): nothing was written. */
export class ConcurrencyConflictError extends Error {
  constructor(readonly table: string) {
    super(`The record in ${table} was changed by someone else since it was read; nothing was written.`);
    this.name = 'ConcurrencyConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly table: string) {
    super(`No such record in ${table}.`);
    this.name = 'NotFoundError';
  }
}

export class AlreadyExistsError extends Error {
  constructor(readonly table: string) {
    super(`The record already exists in ${table}.`);
    this.name = 'AlreadyExistsError';
  }
}

/** A stored row does not hold a valid record (bad JSON, a missing or mistyped value): nothing is returned. */
/**
 * Whether a conditional write lost a race with another writer: the row changed since it was read (412), or
 * another writer created it first (409). Reading again and retrying (or telling the person) is the answer.
 */
export function isWriteRace(error: unknown): boolean {
  return error instanceof ConcurrencyConflictError || error instanceof AlreadyExistsError;
}

export class CorruptRecordError extends Error {
  constructor(
    readonly table: string,
    readonly detail: string,
  ) {
    super(`A stored record in ${table} cannot be read: ${detail}`);
    this.name = 'CorruptRecordError';
  }
}

/** A value breaks the record's schema; refused before anything is written. */
export class InvalidRecordError extends Error {
  constructor(
    readonly table: string,
    readonly detail: string,
  ) {
    super(`Refusing to store an invalid record in ${table}: ${detail}`);
    this.name = 'InvalidRecordError';
  }
}

/** A value exceeds Table Storage's limits (64 KiB per string property, 1 MiB per entity). */
export class RecordTooLargeError extends Error {
  constructor(
    readonly table: string,
    readonly property: string | null,
  ) {
    super(`The record is too large for ${table}${property ? ` (property ${property})` : ''}.`);
    this.name = 'RecordTooLargeError';
  }
}

/** An id cannot be part of a table key (empty, not valid Unicode, or too long). */
export class InvalidKeyError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
  ) {
    super(`The ${what} cannot be used in a table key: ${reason}.`);
    this.name = 'InvalidKeyError';
  }
}

interface RestErrorLike {
  statusCode?: number;
  details?: { errorCode?: string };
}

/** Translates the SDK's errors (code in `details.errorCode`, status in `statusCode`) into ours. */
export function translateStorageError(error: unknown, table: string): unknown {
  const { statusCode, details } = (error ?? {}) as RestErrorLike;
  const code = details?.errorCode;
  if (statusCode === 412 || code === 'UpdateConditionNotSatisfied')
    return new ConcurrencyConflictError(table);
  if (statusCode === 409 && (code === 'EntityAlreadyExists' || code === undefined))
    return new AlreadyExistsError(table);
  if (statusCode === 404 && code !== 'TableNotFound') return new NotFoundError(table);
  return error;
}

/** A continuation token that this storage did not issue (forged, truncated or garbled): nothing was read. */
export class InvalidContinuationTokenError extends Error {
  constructor() {
    super('The continuation token is not one this storage issued.');
    this.name = 'InvalidContinuationTokenError';
  }
}
