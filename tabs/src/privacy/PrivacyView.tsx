import type { ApiClient } from '../api/client';
import { PersonErasure, PersonLookup, PersonReimport } from './PersonPrivacy';
import { OrganisationLogSection } from './OrganisationLogSection';
import { RetentionEditor } from './RetentionEditor';

/**
 * HR's privacy view (tietosuoja): retention times, a person's log and export, erasure of a person who left,
 * allowing an erased person who returned to be imported again, and the organisation's own privacy log.
 */
export function PrivacyView({ api }: { api: ApiClient }) {
  return (
    <>
      <RetentionEditor api={api} />
      <PersonLookup api={api} />
      <PersonErasure api={api} />
      <PersonReimport api={api} />
      <OrganisationLogSection api={api} />
    </>
  );
}
