/**
 * Every table name, partition key and row key of the app: the storage design in one place
 * (docs/storage-design.md lists the queries each key serves).
 *
 * - Every partition key is the tenant id or starts with it, so an organisation's rows never share a
 *   partition, and never a query, with another organisation's rows.
 * - Key parts are joined with "|". Ids are encoded by `keyPart`, whose output never contains "|", so a
 *   composite key cannot be forged by an id, and a row-key prefix selects exactly one id's rows.
 * - Filters are built with the SDK's `odata` tag, never by concatenation.
 */
import { odata } from '@azure/data-tables';
import { InvalidKeyError } from './errors';
import { LATEST_ROW_TIME_MS } from '../tunables';

export const TABLES = {
  organisations: 'Organisations',
  serviceAreas: 'ServiceAreas',
  teams: 'Teams',
  people: 'People',
  developmentDiscussions: 'DevelopmentDiscussions',
  groupDiscussions: 'GroupDiscussions',
  annualClocks: 'AnnualClocks',
  competenceFrameworks: 'CompetenceFrameworks',
  summaries: 'Summaries',
  trainingPlans: 'TrainingPlans',
  conversationReferences: 'ConversationReferences',
  teamAggregates: 'TeamAggregates',
  summaryPublications: 'SummaryPublications',
  channelLinks: 'ChannelLinks',
  strategicDiscussions: 'StrategicDiscussions',
  developmentActionRequests: 'DevelopmentActionRequests',
  auditLog: 'AuditLog',
  retentionPolicies: 'RetentionPolicies',
  coachingBanks: 'CoachingQuestionBanks',
  erasedPeople: 'ErasedPeople',
  languageChoices: 'LanguageChoices',
} as const;

export interface EntityKey {
  partitionKey: string;
  rowKey: string;
}

const SEPARATOR = '|';

/** Table Storage keys are at most 1 KiB of UTF-16: 512 characters (a fact: https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model). */
const MAX_KEY_CHARS = 512;

/**
 * Encodes an id for use inside a key. Reversible, and the output holds only A–Z a–z 0–9 - _ . and ~:
 * everything else becomes "~" and two hex digits per UTF-8 byte (encodeURIComponent with "~" for "%").
 * That keeps out what Table keys forbid (/ \ # ? and control characters), our separator "|", and "%" and
 * "'", which Table implementations (Azure's own, Azurite) have mishandled in point operations.
 */
export function keyPart(id: string, what: string): string {
  if (typeof id !== 'string' || id.length === 0) throw new InvalidKeyError(what, 'it is empty');
  let encoded: string;
  try {
    encoded = encodeURIComponent(id);
  } catch {
    throw new InvalidKeyError(what, 'it is not valid Unicode');
  }
  return encoded
    .replace(/[!~*'()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '~');
}

/** Years are four digits, so row keys sort by year. */
export function yearPart(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidKeyError('year', 'not a 4-digit year');
  }
  return String(year);
}

function join(...parts: string[]): string {
  const key = parts.join(SEPARATOR);
  if (key.length > MAX_KEY_CHARS) throw new InvalidKeyError('key', `longer than ${MAX_KEY_CHARS} characters`);
  return key;
}

const tenant = (tenantId: string): string => join(keyPart(tenantId, 'tenant id'));
const tenantYear = (tenantId: string, year: number): string =>
  join(keyPart(tenantId, 'tenant id'), yearPart(year));

const ORGANISATION_ROW = 'organisation';

/** Organisations: one row per tenant. */
export const organisationKeys = {
  key: (tenantId: string): EntityKey => ({ partitionKey: tenant(tenantId), rowKey: ORGANISATION_ROW }),
  rowKey: ORGANISATION_ROW,
};

/** ServiceAreas: a tenant's few service areas in its own partition. */
export const serviceAreaKeys = {
  partition: tenant,
  key: (tenantId: string, serviceAreaId: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: join(keyPart(serviceAreaId, 'service area id')),
  }),
};

/**
 * Teams: the team under `team|T`, and a copy under `area|SA|T` so a service area's teams are one range
 * read. Both rows live in the tenant's partition and are written by one transaction.
 */
export const teamKeys = {
  partition: tenant,
  rowPrefix: 'team|',
  row: (teamId: string): string => join('team', keyPart(teamId, 'team id')),
  areaPrefix: (serviceAreaId: string): string => join('area', keyPart(serviceAreaId, 'service area id'), ''),
  areaRow: (serviceAreaId: string, teamId: string): string =>
    join('area', keyPart(serviceAreaId, 'service area id'), keyPart(teamId, 'team id')),
};

/**
 * People: the person under `person|P`, with copies in the same partition (written by the same
 * transaction) under `aad|OID` (Teams user → person), `reports|S|P` (a supervisor's reports) and
 * `team|T|P` (a team's members).
 */
export const personKeys = {
  partition: tenant,
  personPrefix: 'person|',
  person: (personId: string): string => join('person', keyPart(personId, 'person id')),
  aad: (aadObjectId: string): string => join('aad', keyPart(aadObjectId, 'Entra object id')),
  reportsPrefix: (supervisorId: string): string =>
    join('reports', keyPart(supervisorId, 'supervisor id'), ''),
  report: (supervisorId: string, personId: string): string =>
    join('reports', keyPart(supervisorId, 'supervisor id'), keyPart(personId, 'person id')),
  membersPrefix: (teamId: string): string => join('team', keyPart(teamId, 'team id'), ''),
  member: (teamId: string, personId: string): string =>
    join('team', keyPart(teamId, 'team id'), keyPart(personId, 'person id')),
};

/**
 * DevelopmentDiscussions: one partition per tenant and year, one row per employee. The service area is a
 * property (not a key part): a person who moves mid-year keeps one discussion, found without knowing
 * where it was started.
 */
export const developmentDiscussionKeys = {
  partition: tenantYear,
  key: (tenantId: string, year: number, employeeId: string): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join(keyPart(employeeId, 'employee id')),
  }),
};

/** GroupDiscussions: one partition per tenant and year; team and service area are filtered properties. */
export const groupDiscussionKeys = {
  partition: tenantYear,
  key: (tenantId: string, year: number, id: string): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join(keyPart(id, 'group discussion id')),
  }),
};

/** AnnualClocks: one clock per tenant. */
export const annualClockKeys = {
  key: (tenantId: string): EntityKey => ({ partitionKey: tenant(tenantId), rowKey: 'clock' }),
};

/** CompetenceFrameworks: one row per tenant and year. */
export const competenceFrameworkKeys = {
  partition: tenant,
  key: (tenantId: string, year: number): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: yearPart(year),
  }),
};

/** Summaries: the tenant's partition, `YEAR|SA`, so one year's summaries are one range read. */
export const summaryKeys = {
  key: (tenantId: string, year: number, serviceAreaId: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: join(yearPart(year), keyPart(serviceAreaId, 'service area id')),
  }),
  partition: tenant,
  yearPrefix: (year: number): string => join(yearPart(year), ''),
};

/** TrainingPlans: one partition per tenant and year; `central`, or `area|SA` for a service area's plan. */
export const trainingPlanKeys = {
  partition: tenantYear,
  key: (tenantId: string, year: number, serviceAreaId: string | null): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: serviceAreaId === null ? 'central' : join('area', keyPart(serviceAreaId, 'service area id')),
  }),
};

/**
 * TeamAggregates: one partition per tenant and year; each team's anonymous tallies under `area|SA|TM`, so a
 * service area's teams are one range read and the whole city is the `area|` range.
 */
export const teamAggregateKeys = {
  partition: tenantYear,
  key: (tenantId: string, year: number, serviceAreaId: string, teamId: string): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join('area', keyPart(serviceAreaId, 'service area id'), keyPart(teamId, 'team id')),
  }),
  areaPrefix: (serviceAreaId: string): string => join('area', keyPart(serviceAreaId, 'service area id'), ''),
  allAreasPrefix: join('area', ''),
  /**
   * A service area's team rows packed many teams to a row (`area|SA|pack|0000`, …), so that the year's range
   * read takes a row per area instead of one per team. A team id never holds "|" (keyPart), so these keys are
   * apart from the one-row-per-team rows of before (`area|SA|TM`), and both sit under the area's prefix.
   */
  teamPack: (tenantId: string, year: number, serviceAreaId: string, pack: number): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join('area', keyPart(serviceAreaId, 'service area id'), 'pack', String(pack).padStart(4, '0')),
  }),
  /** The disclosure baselines of the year's figures (one row per node of the hierarchy), beside the team rows. */
  baseline: (tenantId: string, year: number, nodeId: string): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join('shown', keyPart(nodeId, 'figure node id')),
  }),
  baselinePrefix: join('shown', ''),
  /**
   * The year's baselines packed many nodes to a row (`shown|pack|0000`, …), so that a first read after a release
   * writes them in one transaction and every read takes them in a few rows. A node id never holds "|" (keyPart),
   * so these keys are apart from the one-row-per-node baselines of before (`shown|<node>`).
   */
  baselinePack: (tenantId: string, year: number, pack: number): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join('shown', 'pack', String(pack).padStart(4, '0')),
  }),
  baselinePackPrefix: join('shown', 'pack', ''),
  /** Counts released in steps (demand, HR's progress), one row per figure set. */
  released: (tenantId: string, year: number, key: string): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join('released', keyPart(key, 'released figure key')),
  }),
  releasedPrefix: join('released', ''),
};

/** SummaryPublications: the tenant's partition, `SA|YEAR`, so a service area's history is one range read. */
export const summaryPublicationKeys = {
  partition: tenant,
  key: (tenantId: string, serviceAreaId: string, year: number): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: join(keyPart(serviceAreaId, 'service area id'), yearPart(year)),
  }),
  areaPrefix: (serviceAreaId: string): string => join(keyPart(serviceAreaId, 'service area id'), ''),
};

/**
 * ChannelLinks: the tenant's partition; `area|SA` for a service area's channel, `organisation` for the city's,
 * `team|T` for a team's.
 */
export const channelLinkKeys = {
  key: (tenantId: string, serviceAreaId: string | null): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: serviceAreaId === null ? 'organisation' : join('area', keyPart(serviceAreaId, 'service area id')),
  }),
  /** `team|T`: an organisation team's channel (its group-discussion reminders). */
  teamKey: (tenantId: string, teamId: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: join('team', keyPart(teamId, 'team id')),
  }),
};

/** StrategicDiscussions: the tenant's partition, one row per year. */
export const strategicDiscussionKeys = {
  key: (tenantId: string, year: number): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: yearPart(year),
  }),
};

/**
 * DevelopmentActionRequests: one partition per tenant and year; a request under `area|SA|P|KIND` (a service
 * area's demand is one range read, the city's the `area|` range) with a copy under `person|P|KIND` (a person's
 * own requests, wherever they were made).
 */
export const developmentActionRequestKeys = {
  partition: tenantYear,
  key: (
    tenantId: string,
    year: number,
    serviceAreaId: string,
    personId: string,
    kind: string,
  ): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: join(
      'area',
      keyPart(serviceAreaId, 'service area id'),
      keyPart(personId, 'person id'),
      keyPart(kind, 'kind'),
    ),
  }),
  personRow: (personId: string, kind: string): string =>
    join('person', keyPart(personId, 'person id'), keyPart(kind, 'kind')),
  personPrefix: (personId: string): string => join('person', keyPart(personId, 'person id'), ''),
  areaPrefix: (serviceAreaId: string): string => join('area', keyPart(serviceAreaId, 'service area id'), ''),
  allAreasPrefix: join('area', ''),
  /**
   * The year's open requests counted per service area, kind and form, kept with every write of a request: its
   * key (`area`) sorts just before every request row (`area|…`), so a read of one row starting there finds the
   * counts, or shows there are none (then the first request row, or nothing).
   */
  demandCounts: (tenantId: string, year: number): EntityKey => ({
    partitionKey: tenantYear(tenantId, year),
    rowKey: 'area',
  }),
};

/**
 * AuditLog: who read or changed whose records. A person's log is their own partition `T|person|P` (the person,
 * or HR, reads it in one partition query); the organisation's operations (purge, erasure) go to
 * `T|organisation`. Row keys count down from LATEST_ROW_TIME_MS, so a partition reads newest first.
 */
const auditTime = (at: string): string => String(LATEST_ROW_TIME_MS - Date.parse(at)).padStart(15, '0');

export const auditLogKeys = {
  partition: (tenantId: string, subjectId: string | null): string =>
    subjectId === null
      ? join(keyPart(tenantId, 'tenant id'), 'organisation')
      : join(keyPart(tenantId, 'tenant id'), 'person', keyPart(subjectId, 'person id')),
  key: (tenantId: string, subjectId: string | null, at: string, entryId: string): EntityKey => ({
    partitionKey: auditLogKeys.partition(tenantId, subjectId),
    rowKey: join(auditTime(at), keyPart(entryId, 'audit entry id')),
  }),
  /** Row keys at or above this one are entries written before `at`. */
  olderThan: (at: string): string => `${auditTime(at)}}`,
};

/** ErasedPeople: the tenant's partition, a row per erased person's hash. */
export const erasedPersonKeys = {
  partition: (tenantId: string): string => tenant(tenantId),
  key: (tenantId: string, personHash: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: keyPart(personHash, 'person hash'),
  }),
};

/** CoachingQuestionBanks: one row per tenant. */
export const coachingBankKeys = {
  key: (tenantId: string): EntityKey => ({ partitionKey: tenant(tenantId), rowKey: 'coaching' }),
};

/** LanguageChoices: a person's own choice of language, one row per person in the tenant's partition. */
export const languageChoiceKeys = {
  partition: tenant,
  key: (tenantId: string, personId: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: join(keyPart(personId, 'person id')),
  }),
};

/** RetentionPolicies: one row per tenant. */
export const retentionPolicyKeys = {
  key: (tenantId: string): EntityKey => ({ partitionKey: tenant(tenantId), rowKey: 'retention' }),
};

/**
 * Every partition of the tenant in a table whose partition keys are `T|…` (years, audit subjects), up to and
 * including `T|last` when given: for jobs, exports and erasure only. Encoded tenant ids hold no "|" and sort
 * below "}", so the range holds exactly this tenant's partitions.
 */
export function tenantPartitionsFilter(tenantId: string, last?: string): string {
  const from = join(keyPart(tenantId, 'tenant id'), '');
  if (last === undefined) {
    const end = `${keyPart(tenantId, 'tenant id')}}`;
    return odata`PartitionKey ge ${from} and PartitionKey lt ${end}`;
  }
  const through = join(keyPart(tenantId, 'tenant id'), last);
  return odata`PartitionKey ge ${from} and PartitionKey le ${through}`;
}

/** Where the bot can message: a user's personal chat, a team, one of its channels, or a chat. */
export type ConversationAddress =
  | { kind: 'user'; aadObjectId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'channel'; teamId: string; channelId: string }
  | { kind: 'chat'; conversationId: string };

function conversationRow(address: ConversationAddress): string {
  switch (address.kind) {
    case 'user':
      return join('user', keyPart(address.aadObjectId, 'Entra object id'));
    case 'team':
      return join('team', keyPart(address.teamId, 'team id'));
    case 'channel':
      return join('channel', keyPart(address.teamId, 'team id'), keyPart(address.channelId, 'channel id'));
    case 'chat':
      return join('chat', keyPart(address.conversationId, 'conversation id'));
  }
}

/** ConversationReferences: the tenant's partition; channels sort under their team (`channel|T|C`). */
export const conversationKeys = {
  partition: tenant,
  key: (tenantId: string, address: ConversationAddress): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: conversationRow(address),
  }),
  channelsPrefix: (teamId: string): string => join('channel', keyPart(teamId, 'team id'), ''),
  /** Every team the bot is installed in (`team|`) or every channel it has seen (`channel|`). */
  kindPrefix: (kind: 'team' | 'channel'): string => join(kind, ''),
};

/** The whole partition. */
export function partitionFilter(partitionKey: string): string {
  return odata`PartitionKey eq ${partitionKey}`;
}

/**
 * The rows of a partition whose row key starts with `prefix`: from the prefix up to (not including) the
 * prefix with its last character raised by one. Prefixes end with "|", which encoded ids never hold.
 */
export function rowKeyPrefixFilter(partitionKey: string, prefix: string): string {
  return rowKeyPrefixesFilter(partitionKey, prefix, prefix);
}

/**
 * The rows of a partition whose row keys start with `first`, with `last`, or with any prefix that sorts between
 * them: one range read over neighbouring prefixes.
 */
export function rowKeyPrefixesFilter(partitionKey: string, first: string, last: string): string {
  const upper = last.slice(0, -1) + String.fromCharCode(last.charCodeAt(last.length - 1) + 1);
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${first} and RowKey lt ${upper}`;
}
