import type { ApiClient } from '../api/client';
import { PersonErasure, PersonLookup } from './PersonPrivacy';
import { RetentionEditor } from './RetentionEditor';

/** HR's privacy view (tietosuoja): retention times, a person's log and export, erasure of a person who left. */
export function PrivacyView({ api }: { api: ApiClient }) {
  return (
    <>
      <RetentionEditor api={api} />
      <PersonLookup api={api} />
      <PersonErasure api={api} />
    </>
  );
}
