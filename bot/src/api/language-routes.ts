/**
 * `GET` and `PUT /api/v1/me/language`: the signed-in person's own choice of language, as the personal tab shows
 * and changes it. `PUT` takes `{ "locale": "fi" | "sv" | "en" }` and the ETag the tab read in If-Match (none:
 * the tab saw no choice); a stale one is refused with 409 and the stored choice, and nothing is written.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { LanguageChoiceView } from '../contract/personal';
import { LOCALES, personLocale, type LanguageChoice } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { chooseLanguage } from '../i18n/person-language';
import { isWriteRace } from '../storage/errors';
import type { LanguageChoiceRepository } from '../storage/language-choice-repository';
import type { Versioned } from '../storage/table-store';
import { conflict } from '../http-kit/refusals';
import { ifMatch, parseBody, secured, type RouteKit } from '../http-kit/route-kit';

const choiceSchema = z.object({ locale: z.enum(LOCALES) }).strict();

/** What the tab shows: the stored choice (null: none), the HR record's language, and the one in effect. */
function view(read: Versioned<LanguageChoice> | null, recordLocale: Person['locale']): LanguageChoiceView {
  return {
    chosen: read?.value.locale ?? null,
    record: recordLocale,
    effective: personLocale({ chosen: read?.value.locale, record: recordLocale, organisation: recordLocale }),
    etag: read?.etag ?? null,
  };
}

export function registerLanguageRoutes(
  server: Server,
  kit: RouteKit,
  choices: LanguageChoiceRepository,
  recordLocale: (person: Person) => Promise<Person['locale']>,
): void {
  secured(kit, server, 'get', '/api/v1/me/language', null, async (_req, identity) => {
    const read = await choices.get(identity.tenantId, identity.person.id);
    return { status: 200, body: view(read, await recordLocale(identity.person)) };
  });

  secured(kit, server, 'put', '/api/v1/me/language', null, async (req, identity) => {
    const { locale } = parseBody(choiceSchema, req);
    const expected = ifMatch(req);
    const record = await recordLocale(identity.person);
    try {
      const saved = await chooseLanguage(choices, identity.person, locale, kit.now(), expected);
      return { status: 200, body: view(saved, record) };
    } catch (error) {
      if (isWriteRace(error))
        throw conflict(view(await choices.get(identity.tenantId, identity.person.id), record));
      throw error;
    }
  });
}
