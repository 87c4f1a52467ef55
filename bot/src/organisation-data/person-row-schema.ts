/** One row of the people CSV, validated on its own. Limits are strict because ids become Table Storage keys. */
import { z } from 'zod';
import type { Locale } from '../domain/locale';
import { ROLES, type Role, type TeamKind } from '../domain/organisation';
import { MAX_ID_LENGTH } from '../domain/content-limits';
import { idFromName } from './derived-id';
import type { ImportErrorCode } from './import-errors';
import { hasForbiddenCharacters } from '../domain/free-text';

export const MAX_NAME_LENGTH = 100;
/** The longest address SMTP can carry (a fact: RFC 5321, section 4.5.3.1.3: a path of 256 octets, brackets included). */
export const MAX_EMAIL_LENGTH = 254;

/** Table keys may not hold '/', '\\', '#', '?' or control characters; a whitelist also keeps quotes out of filters. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const CONTROL_CHARACTER = /\p{Cc}/u;
/** Spreadsheets run a cell starting with these as a formula when HR opens an export. */
const FORMULA_START = /^[=+\-@]/;

/** Matches values ignoring case, spaces, hyphens and underscores. */
function aliasLookup<T extends string>(
  table: Record<T, readonly string[]>,
): (value: string) => T | undefined {
  const key = (text: string) =>
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
  const byAlias = new Map<string, T>();
  for (const [canonical, aliases] of Object.entries(table) as [T, readonly string[]][]) {
    for (const alias of [canonical, ...aliases]) byAlias.set(key(alias), canonical);
  }
  return (value) => byAlias.get(key(value));
}

/** The management teams are both roles (membership) and kinds of team. */
const SERVICE_AREA_MANAGEMENT_TEAM = ['palvelualueen johtoryhmä', 'serviceområdets ledningsgrupp'];
const CITY_MANAGEMENT_TEAM = ['kaupunginjohtajan johtoryhmä', 'stadsdirektörens ledningsgrupp'];

const roleOf = aliasLookup<Role>({
  employee: ['työntekijä', 'anställd'],
  supervisor: ['esihenkilö', 'esimies', 'förman', 'chef'],
  serviceAreaManagementTeam: SERVICE_AREA_MANAGEMENT_TEAM,
  cityManagementTeam: CITY_MANAGEMENT_TEAM,
  hr: ['henkilöstöpalvelut', 'personaltjänster'],
  cooperationCommittee: ['yt-neuvottelukunta', 'yhteistoimintaelin', 'samarbetskommissionen'],
});

const localeOf = aliasLookup<Locale>({
  fi: ['fin', 'suomi', 'finnish', 'finska'],
  sv: ['swe', 'ruotsi', 'svenska', 'swedish'],
  en: ['eng', 'englanti', 'english', 'engelska'],
});

const teamKindOf = aliasLookup<TeamKind>({
  team: ['tiimi', 'vastuualue'],
  principals: ['rehtorit', 'rehtorien tiimi', 'rektorer'],
  daycareDirectors: ['päiväkodinjohtajat', 'päiväkodinjohtajien tiimi', 'daghemsföreståndare'],
  serviceAreaManagementTeam: SERVICE_AREA_MANAGEMENT_TEAM,
  cityManagementTeam: CITY_MANAGEMENT_TEAM,
});

/** Our codes travel as zod messages; `code` keeps them typed. */
const code = (value: ImportErrorCode) => value;
/** Long junk in a parameter would only clutter the message. */
const shown = (value: string) => value.slice(0, 40);

const idSchema = z
  .string()
  .min(1, code('required'))
  .max(MAX_ID_LENGTH, code('tooLong'))
  .regex(SAFE_ID, code('invalidId'));

const nameSchema = z
  .string()
  .min(1, code('required'))
  .max(MAX_NAME_LENGTH, code('tooLong'))
  .refine(
    (value) => !CONTROL_CHARACTER.test(value) && !hasForbiddenCharacters(value),
    code('invalidCharacters'),
  )
  .refine((value) => !FORMULA_START.test(value), code('formulaPrefix'));

const emailSchema = z
  .string()
  .min(1, code('required'))
  .max(MAX_EMAIL_LENGTH, code('tooLong'))
  .refine((value) => !FORMULA_START.test(value), code('formulaPrefix'))
  .pipe(z.email(code('invalidEmail')))
  .transform((value) => value.toLowerCase());

/** An empty cell is "not given". */
function optional<Out>(schema: z.ZodType<Out, string>) {
  return z
    .string()
    .transform((value) => value || null)
    .pipe(schema.nullable());
}

/** A service area or team: by id, by name or both (the row resolves the missing one). */
const unitSchema = z
  .object({ id: optional(idSchema), name: optional(nameSchema) })
  .superRefine((unit, ctx) => {
    if (unit.id === null && unit.name === null) ctx.addIssue({ code: 'custom', message: code('required') });
  });

type Unit = z.output<typeof unitSchema>;

/** A name stands in for a missing id and the other way round. */
function resolveUnit(unit: Unit, idScope = ''): { id: string; name: string } {
  const name = unit.name ?? unit.id ?? '';
  return { id: unit.id ?? idFromName(`${idScope} ${name}`), name };
}

/** Semicolon- (or comma-) separated; a person with no roles listed is an employee. */
const rolesSchema = z.string().transform((text, ctx) => {
  const roles = new Set<Role>();
  for (const item of text.split(/[;,]/).map((part) => part.trim())) {
    if (!item) continue;
    const role = roleOf(item);
    if (role) roles.add(role);
    else ctx.addIssue({ code: 'custom', message: code('unknownRole'), params: { value: shown(item) } });
  }
  if (roles.size === 0) roles.add('employee');
  return ROLES.filter((role) => roles.has(role));
});

/** fi / sv / en, also as "fi-FI" or "suomi"; Finnish when empty. */
const languageSchema = z.string().transform((text, ctx): Locale => {
  if (!text) return 'fi';
  const tag = /^[a-z]{2,3}[-_][a-z]{2}$/i.test(text) ? text.slice(0, text.search(/[-_]/)) : text;
  const locale = localeOf(tag);
  if (locale) return locale;
  ctx.addIssue({ code: 'custom', message: code('unknownLanguage'), params: { value: shown(text) } });
  return z.NEVER;
});

const teamKindSchema = z.string().transform((text, ctx): TeamKind => {
  if (!text) return 'team';
  const kind = teamKindOf(text);
  if (kind) return kind;
  ctx.addIssue({ code: 'custom', message: code('unknownTeamKind'), params: { value: shown(text) } });
  return z.NEVER;
});

export const personRowSchema = z
  .object({
    id: idSchema,
    firstName: nameSchema,
    lastName: nameSchema,
    email: emailSchema,
    aadObjectId: optional(z.guid(code('invalidObjectId')).transform((value) => value.toLowerCase())),
    serviceArea: unitSchema,
    team: unitSchema,
    teamKind: teamKindSchema,
    supervisorId: optional(idSchema),
    roles: rolesSchema,
    language: languageSchema,
  })
  // Teams named alike in two service areas ("Hallinto") are different teams.
  .transform((row) => {
    const serviceArea = resolveUnit(row.serviceArea);
    return { ...row, serviceArea, team: resolveUnit(row.team, serviceArea.id) };
  });
export type PersonRowInput = z.input<typeof personRowSchema>;
export type PersonRow = z.output<typeof personRowSchema>;
