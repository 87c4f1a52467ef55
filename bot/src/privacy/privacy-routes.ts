/**
 * The privacy API (the data-protection officer's "who can see this, and how is it erased"):
 *   GET  /api/v1/me/data-export                     everything held about me, as a JSON download
 *   GET  /api/v1/me/audit-log?continuationToken=    who read or changed my records, newest first
 *   GET  /api/v1/people/:personId/identity          HR: who the id is (name, service area, team), before acting
 *   GET  /api/v1/people/:personId/data-export       HR: a person's export
 *   GET  /api/v1/people/:personId/audit-log         HR: the log about a person
 *   POST /api/v1/people/:personId/erasure           HR: erase a person who has left ({ confirmPersonId })
 *   DELETE /api/v1/hr/privacy/erased/:personId      HR: let an erased person be imported again (they returned)
 *   GET  /api/v1/hr/privacy/organisation-log        HR: the organisation's log (purges, erasures, settings)
 *   GET  /api/v1/hr/privacy/retention               HR: the retention policy and its ETag
 *   PUT  /api/v1/hr/privacy/retention               HR: save it (If-Match; none for the first save)
 * Every call stays in the caller's tenant; exports, erasures and HR's reads of a log are audited.
 */
import type { PersonIdentity } from '../contract/privacy';
import type { Server } from 'restify';
import { z } from 'zod';
import type { Role } from '../domain/organisation';
import {
  continuationTokenParam,
  ifMatch,
  parseBody,
  pathParam,
  secured,
  type RouteKit,
} from '../http-kit/route-kit';
import type { RequestIdentity } from '../http-kit/request-identity';
import type { Repositories } from '../storage/repositories';
import type { AuditTrail } from '../storage/audit-trail';
import { auditLogPage } from './audit-log-view';
import { erasePerson } from './person-erasure';
import { exportPersonalData, isEmptyExport } from './personal-data-export';
import { privacyRefusal } from './privacy-messages';
import { retentionBodySchema, retentionPolicy, saveRetentionPolicy } from './retention-editor';

export interface PrivacyDeps {
  repositories: Repositories;
  audit: AuditTrail;
}

const HR: readonly Role[] = ['hr'];

const erasureSchema = z.strictObject({ confirmPersonId: z.string().min(1).max(128) });

/** `osaamiskello-tiedot-<person>-<date>.json`: ids are the HR system's, safe in a header once encoded. */
function downloadHeaders(personId: string, now: Date): Record<string, string> {
  const name = `osaamiskello-tiedot-${encodeURIComponent(personId)}-${now.toISOString().slice(0, 10)}.json`;
  return { 'Content-Disposition': `attachment; filename="${name}"` };
}

export function registerPrivacyRoutes(server: Server, kit: RouteKit, deps: PrivacyDeps): void {
  const { repositories, audit } = deps;

  /** HR changed one of the organisation's privacy settings or blocks: its own log says who and when. */
  const organisationEntry = (
    identity: RequestIdentity,
    recordKind: 'retentionPolicy' | 'erasureBlock',
    count: number | null,
  ) =>
    audit.record({
      tenantId: identity.tenantId,
      subjectId: null,
      actorId: identity.person.id,
      action: 'change',
      recordKind,
      count,
      channel: 'tab',
    });

  /** The export is recorded in the person's log before it is returned (no entry, no download). */
  const exportOf = async (identity: RequestIdentity, personId: string) => {
    const { tenantId } = identity;
    const now = kit.now();
    const body = await exportPersonalData(repositories, tenantId, personId, now);
    if (isEmptyExport(body)) throw privacyRefusal(404, 'privacy.personNotFound');
    await audit.record({
      tenantId,
      subjectId: personId,
      actorId: identity.person.id,
      action: 'export',
      recordKind: 'personalData',
      channel: 'tab',
    });
    return { status: 200, body, headers: downloadHeaders(personId, now) };
  };

  secured(kit, server, 'get', '/api/v1/me/data-export', null, async (_req, identity) =>
    exportOf(identity, identity.person.id),
  );

  secured(kit, server, 'get', '/api/v1/me/audit-log', null, async (req, identity) => ({
    status: 200,
    body: await auditLogPage(
      repositories,
      identity.tenantId,
      identity.person.id,
      continuationTokenParam(req),
    ),
  }));

  /**
   * Who an id is, so HR sees the name and unit before a look-up or an irreversible erasure. `person: null`
   * when the organisation's data has no such person (left and removed, or a typo). Only the HR system's own
   * directory fields, which HR imported, so not an entry in the person's log (the log and export HR then
   * opens are).
   */
  secured(kit, server, 'get', '/api/v1/people/:personId/identity', HR, async (req, identity) => {
    const personId = pathParam(req, 'personId');
    const person = await repositories.people.findPerson(identity.tenantId, personId);
    if (!person) return { status: 200, body: { personId, person: null } satisfies PersonIdentity };
    const [area, team] = await Promise.all([
      repositories.serviceAreas.get(identity.tenantId, person.serviceAreaId),
      person.teamId ? repositories.teams.get(identity.tenantId, person.teamId) : null,
    ]);
    return {
      status: 200,
      body: {
        personId,
        person: {
          name: `${person.firstName} ${person.lastName}`,
          serviceArea: area?.value.name ?? null,
          team: team?.value.name ?? null,
        },
      } satisfies PersonIdentity,
    };
  });

  secured(kit, server, 'get', '/api/v1/people/:personId/data-export', HR, async (req, identity) =>
    exportOf(identity, pathParam(req, 'personId')),
  );

  secured(kit, server, 'get', '/api/v1/people/:personId/audit-log', HR, async (req, identity) => {
    const personId = pathParam(req, 'personId');
    const page = await auditLogPage(repositories, identity.tenantId, personId, continuationTokenParam(req));
    // Recorded when it shows something, so a look-up of an erased person's id does not bring the id back.
    if (personId !== identity.person.id && page.entries.length > 0)
      await audit.record({
        tenantId: identity.tenantId,
        subjectId: personId,
        actorId: identity.person.id,
        action: 'read',
        recordKind: 'auditLog',
        channel: 'tab',
      });
    return { status: 200, body: page };
  });

  secured(kit, server, 'post', '/api/v1/people/:personId/erasure', HR, async (req, identity) => {
    const personId = pathParam(req, 'personId');
    const { confirmPersonId } = parseBody(erasureSchema, req);
    if (confirmPersonId !== personId) throw privacyRefusal(400, 'privacy.confirmationMismatch');
    if (personId === identity.person.id) throw privacyRefusal(422, 'privacy.cannotEraseSelf');
    const counts = await erasePerson(repositories, audit, identity.tenantId, personId, {
      actorId: identity.person.id,
      at: kit.now(),
    });
    if (Object.values(counts).every((count) => count === 0))
      throw privacyRefusal(404, 'privacy.personNotFound');
    return { status: 200, body: { erased: counts } };
  });

  secured(kit, server, 'del', '/api/v1/hr/privacy/erased/:personId', HR, async (req, identity) => {
    const lifted = await repositories.erasedPeople.lift(identity.tenantId, pathParam(req, 'personId'));
    if (!lifted) throw privacyRefusal(404, 'privacy.notErased');
    await organisationEntry(identity, 'erasureBlock', 1);
    return { status: 200, body: { lifted: true } };
  });

  secured(kit, server, 'get', '/api/v1/hr/privacy/organisation-log', HR, async (req, identity) => ({
    status: 200,
    body: await auditLogPage(repositories, identity.tenantId, null, continuationTokenParam(req)),
  }));

  secured(kit, server, 'get', '/api/v1/hr/privacy/retention', HR, async (_req, identity) => ({
    status: 200,
    body: await retentionPolicy(repositories, identity.tenantId),
  }));

  secured(kit, server, 'put', '/api/v1/hr/privacy/retention', HR, async (req, identity) => {
    const { years } = parseBody(retentionBodySchema, req);
    const saved = await saveRetentionPolicy(repositories, identity.tenantId, years, ifMatch(req), {
      personId: identity.person.id,
      at: kit.now(),
    });
    await organisationEntry(identity, 'retentionPolicy', null);
    return { status: 200, body: saved };
  });
}
