import type { ApiClient } from '../api/client';
import { PersonErasure, PersonLookup, PersonReimport } from './PersonPrivacy';
import { RetentionEditor } from './RetentionEditor';

/**
 * HR's privacy view (tietosuoja): retention times, a person's log and export, erasure of a person who left,
 * and allowing an erased person who returned to be imported again.
 */
export function PrivacyView({ api }: { api: ApiClient }) {
  return (
    <>
      <RetentionEditor api={api} />
      <PersonLookup api={api} />
      <PersonErasure api={api} />
      <PersonReimport api={api} />
    </>
  );
}
