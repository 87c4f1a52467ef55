/**
 * Every tunable of the service in one place (like the large-scale-notification sample's consts.ts): rates,
 * page sizes, caches, concurrency, timeouts and bounds, each with the reason for its value. Operators change
 * the rate limits and the background jobs' intervals through the environment (config.ts reads them, with the
 * defaults below); the others change here, with a review. Limits of Microsoft's services (Table Storage's 1000
 * rows a page, Teams' send rates) are facts, not tunables, and stay beside the code that cites their documents.
 */

/** A cache's lifetime and size: an entry is reread after `ttlMs`, and the oldest goes beyond `maxEntries`. */
export interface CacheSize {
  ttlMs: number;
  maxEntries: number;
}

// Years

/** The years an API, card or route accepts: the organisation's rounds lie well inside; anything else is a typo. */
export const YEAR_BOUNDS = { min: 2000, max: 2100 } as const;

/** Later than any time a row key counts down from (epoch ms, year 5138): newest rows sort first in a partition. */
export const LATEST_ROW_TIME_MS = 10 ** 14;

// Rates (defaults of the environment variables in config.ts)

/** Requests per minute one user may make: far above a person clicking, low enough to stop a runaway script. */
export const RATE_LIMIT_USER_PER_MINUTE = 600;
/** Requests per minute one tenant's users together may make: 20 users at their limit at once. */
export const RATE_LIMIT_TENANT_PER_MINUTE = 12_000;
/** Requests with a bad token per client address and minute before the address is refused unchecked. */
export const RATE_LIMIT_INVALID_TOKENS_PER_MINUTE = 120;
/** Rate-limit buckets kept per scope; the least recently used goes first (a full bucket is no loss). */
export const RATE_LIMIT_BUCKETS = 50_000;
/** Refusal log lines per minute: enough to see an attack's shape without letting it fill the logs. */
export const REFUSAL_LOG_LINES_PER_MINUTE = 20;

// Caches on request paths (each read on every card submit or tab view, changed rarely)

/** The annual clock: HR changes it a few times a year; another process sees a save within 30 s. */
export const ANNUAL_CLOCK_CACHE: CacheSize = { ttlMs: 30_000, maxEntries: 10_000 };
/** People looked up on request paths: an import changes them, and a minute's delay is not noticed. */
export const PERSON_CACHE: CacheSize = { ttlMs: 60_000, maxEntries: 20_000 };
/** Each person's chosen language, read on every message: a person changes it seldom. */
export const LANGUAGE_CHOICE_CACHE: CacheSize = { ttlMs: 60_000, maxEntries: 20_000 };
/** The coaching question bank: HR edits it rarely. */
export const COACHING_BANK_CACHE: CacheSize = { ttlMs: 60_000, maxEntries: 1_000 };
/** The competence framework: HR edits it rarely. */
export const COMPETENCE_FRAMEWORK_CACHE: CacheSize = { ttlMs: 60_000, maxEntries: 1_000 };
/**
 * A service area's team names, as the summaries' heatmap rows show them: an import renames a team seldom, and
 * another instance shows the new name within a minute, or, where it takes the names kept with the area's team
 * aggregates (as their last rebuild read them), with the next rebuild. Names only: nothing the disclosure model
 * computes with.
 */
export const TEAM_NAMES_CACHE: CacheSize = { ttlMs: 60_000, maxEntries: 1_000 };
/**
 * Discussions `getForChange` may answer without a read: a person filling in the form presses "save" every minute
 * or so; 2,000 discussions of a few kilobytes each is a few megabytes.
 */
export const DISCUSSION_VERSION_CACHE: CacheSize = { ttlMs: 10 * 60_000, maxEntries: 2_000 };
/** Teams user ids of people: enough for a large municipality's staff; beyond it the cache starts over. */
export const USER_ID_CACHE_ENTRIES = 50_000;

// Other caches and bounded maps (in memory, per process)

/** Users whose Graph (on-behalf-of) tokens are kept; the longest-unrenewed goes first: the supervisors of a day. */
export const OBO_MAX_CACHED_USERS = 1000;
/** A cached Graph token is renewed this long before it expires, so it never runs out mid-request. */
export const OBO_EXPIRY_MARGIN_MS = 5 * 60_000;
/**
 * Outbound Bot Connector clients kept per (app id, service URL, audience): a tenant has a handful of service
 * URLs, and the service URL is the sender's to choose, so the map is bounded.
 */
export const MAX_REUSED_CLIENTS = 64;
/** Distinct (event, reason) pairs the refusal log tracks at once; the codes are ours, so this is never reached. */
export const MAX_REFUSAL_KEYS = 500;

// Storage packing (the limits they stay under are Table Storage's, cited in storage/)

/** Nodes per baseline pack row at most: 250 nodes of the default framework's 159 columns take some 200,000 characters. */
export const PACK_NODES = 250;
/**
 * What a baseline pack's nodes may take at most, in characters of JSON: well under an entity's 1 MiB (2 bytes a
 * character) and a JSON field's 16 parts of 32,768; a framework with more columns packs fewer nodes to a row.
 */
export const PACK_CHARS = 350_000;

// Page sizes

/** Rows a storage read asks for when its caller does not say: a screenful, cheap to decode. */
export const DEFAULT_PAGE_SIZE = 100;
/** Reports per page of the team tab: a team page renders at once; larger organisations page on. */
export const TEAM_PAGE_SIZE = 200;
/** Reports on one "tiimini" card; a larger team is told that more exist (the tab lists them all). */
export const MY_TEAM_PAGE = 60;
/** Sends per page of HR's list of sends. */
export const SENDS_PAGE_SIZE = 50;
/** Audit-log entries per page of the privacy view: a screenful to read through; older entries page on. */
export const AUDIT_PAGE_SIZE = 50;
/**
 * Pages of sends read to know every earlier send of a series: a tenant's clock makes a few campaigns a day, so
 * 200 pages cover years; the bound stops a runaway read.
 */
export const MAX_HISTORY_PAGES = 200;

// What a channel's summary card shows (the channel tab shows all)

/** Conclusions per theme the summary's channel card lists: enough to give the gist, short enough to read in a post. */
export const ANNOUNCED_CONCLUSIONS = 3;
/** Training needs the summary's channel card lists, the most common first. */
export const ANNOUNCED_NEEDS = 3;
/** Characters of one conclusion on the channel card; a longer one is cut with "…" (the tab shows it whole). */
export const ANNOUNCED_TEXT_LENGTH = 200;

// Cards

/** Empty goal slots offered after the existing goals, so a goal can be added without another round trip. */
export const NEW_GOAL_SLOTS = 2;
/** A word longer than this on a card gets a break opportunity every so many characters, so a phone can wrap it. */
export const LONGEST_UNBROKEN = 30;

// Concurrency

/** Storage reads one operation runs at once (discussions, areas, teams): fast without flooding the account. */
export const READ_CONCURRENCY = 16;
/** Reminder address look-ups (one table read each) in flight at once in the daily run. */
export const ADDRESS_CONCURRENCY = 16;
/**
 * Reminder deliveries looked up ahead of the campaign's writing in the daily run: a page of the campaign's rows
 * (FANOUT_CREATE_PAGE) at most, so a city-wide day never holds one delivery per person of the city at once.
 */
export const ADDRESS_CHUNK = 1024;
/** Import transactions (up to 100 rows each) in flight at once: an import finishes fast, other users still get through. */
export const IMPORT_SYNC_CONCURRENCY = 4;

// Retries (a conditional write that lost a race reads again and recomputes; each race is rare, three in a row rarer)

/** A conditional `put` that lost to another writer: read again and retried, the first attempt included. */
export const RECORD_PUT_ATTEMPTS = 3;
/** A conversation reference's `delete` when the row changed between its read and its delete. */
export const CONVERSATION_DELETE_ATTEMPTS = 3;
/** Raising the anonymity threshold when another HR user saved the organisation meanwhile. */
export const ANONYMITY_WRITE_ATTEMPTS = 3;
/** A group discussion's additions and the chair's edits, re-applied on a fresh read when someone saved meanwhile. */
export const GROUP_DISCUSSION_WRITE_ATTEMPTS = 3;
/** Erasing a person's record that changed while being erased: read again, erased when nothing is left. */
export const ERASURE_ATTEMPTS = 3;
/**
 * A summary's stepped releases and disclosure baselines, written by whoever reads the summary: several readers
 * of one area may open it at once after a change, so one attempt more than the single-editor writes above.
 */
export const RELEASED_COUNTS_WRITE_ATTEMPTS = 4;
/**
 * A request's write together with the year's open-request counts (one row per tenant and year, written with
 * every request that changes them): people asking at the same moment lose the race to each other, each time
 * one of them wins, so more attempts than the writes above.
 */
export const DEMAND_COUNT_WRITE_ATTEMPTS = 8;
/** Attempts per Graph calendar call (the first included) when Graph throttles: the user waits for the answer. */
export const GRAPH_MAX_ATTEMPTS = 3;
/** A longer Retry-After from Graph than this is not waited for inside an API request: the user is told to retry. */
export const GRAPH_MAX_RETRY_WAIT_MS = 10_000;
/** The wait before retrying a throttled Graph call that sent no Retry-After header. */
export const GRAPH_DEFAULT_RETRY_WAIT_MS = 1_000;

// Time

/** The local hour from which a day's reminders go out: the start of a working day. */
export const REMINDERS_FROM_HOUR = 8;
/** How often the reminder schedule checks whether a day is due: a missed hour is caught within 10 minutes. */
export const REMINDER_CHECK_EVERY_MS = 10 * 60_000;
/** How many past years of discussions the personal tab shows. */
export const HISTORY_YEARS = 6;
/** How far ahead the personal tab lists upcoming windows: one full turn of the annual clock. */
export const UPCOMING_DAYS = 365;
/** Waiting for the signing keys of Entra or the Bot Connector: a request should not hang on them. */
export const KEYS_TIMEOUT_MS = 5_000;
/** /healthz reports storage unreachable when it has not answered by then (the SDK's own retries take longer). */
export const HEALTH_STORAGE_TIMEOUT_MS = 5_000;
/**
 * A Bot Connector request unanswered this long is abandoned: shorter than the fan-out's lease (FANOUT_LEASE_MS),
 * so it is given up before another worker may resend the same message.
 */
export const CONNECTOR_REQUEST_TIMEOUT_MS = 20_000;
/**
 * How often the team aggregates are rebuilt in the background (AGGREGATE_REFRESH_INTERVAL_MINUTES): a signing
 * refreshes its own team at once, so this only catches moves between teams and removed teams, within 15 minutes.
 */
export const AGGREGATE_REFRESH_INTERVAL_MS = 15 * 60_000;
/** How often the retention purge runs (RETENTION_PURGE_INTERVAL_HOURS): retention is counted in years, so daily. */
export const PURGE_INTERVAL_MS = 24 * 60 * 60_000;

// Bounds

/** Activities and card submissions are small; a larger request body is refused before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A route's path parameter (an id): ours are at most 64 characters, Teams' ids well under 128. */
export const MAX_PATH_PARAM_LENGTH = 128;
/** An If-Match header: Table Storage's ETags are some 40 characters; a longer one is refused unread. */
export const MAX_ETAG_LENGTH = 256;
/** A paged list's continuation token (ours encode two Table Storage keys); a longer one is refused unread. */
export const MAX_CONTINUATION_TOKEN_LENGTH = 2048;
/**
 * How far the clocks of Entra, Teams clients and this server may differ when an access token's times are checked:
 * tokens live an hour or so, a minute is generous for synced clocks.
 */
export const ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS = 60;

// Fan-out (bot/src/fanout): pacing, leases, retries and page sizes of reminder campaigns and kept sends.
// Teams' own limits (50 requests/s per tenant, 7/1 s, 8/2 s, 60/30 s per conversation) are facts and stay
// beside the code that cites them (tenant-rate-limiter.ts, conversation-pacer.ts).

/** Requests/s the shared rate paces under Teams' ceiling: one a second is the room a send a few ms late needs. */
export const FANOUT_PACING_GAP_PER_SECOND = 1;
/** How far ahead of now a process may claim send times: no process hoards the tenant's rate. */
export const FANOUT_CLAIM_HORIZON_MS = 1000;
/** The most send times one claim (one write of the tenant's rate row) takes: 16 is a third of a second at 49/s. */
export const FANOUT_MAX_CLAIM = 16;
/** An idle rate row's first time is this far ahead: the conversation's reservation and the lease write first. */
export const FANOUT_CLAIM_LEAD_MS = 250;
/** While others' claims reach beyond the horizon, the rate row is read again this often. */
export const FANOUT_RATE_RECHECK_MS = 250;
/**
 * The last guard's window is this much longer than Teams' second: Teams counts arrivals, and the time from our
 * count to its arrival varies by a few ms (the client's serialisation, the network, a collection pause).
 * At 49/s fifty-one requests span 1,020 ms, so up to 20 ms costs no rate when the sends are on time.
 */
export const FANOUT_SEND_WINDOW_MARGIN_MS = 20;
/** A send time missed by more than this is not used: late sends would crowd the next ones. */
export const FANOUT_MAX_LATENESS_MS = 50;
/** The lease is written at least this long before the send time, so the write does not delay the send. */
export const FANOUT_MIN_LEASE_LEAD_MS = 200;
/** …and at most this long: the longer a lease is held unsent, the more a crash makes `uncertain`. */
export const FANOUT_MAX_LEASE_LEAD_MS = 1000;
/** Per-conversation windows are widened by this much: sends arrive a little after their reserved time. */
export const FANOUT_CONVERSATION_MARGIN_MS = 250;
/**
 * Deliveries in progress at once in a worker: each waits about the claim horizon for its send time plus a few
 * round trips, some 70 at 49/s; the rest keep the rate's claims ahead of time and serve other tenants.
 */
export const FANOUT_WORKER_CONCURRENCY = 256;
/** Of those, one tenant's at most: enough for its rate, so a city's campaign leaves slots to small tenants. */
export const FANOUT_TENANT_CONCURRENCY = 96;
/** Rows held in memory at most per slot: a few batches ahead, never a whole campaign. */
export const FANOUT_MAX_HELD_PER_SLOT = 4;
/** How long a received batch stays hidden from other workers (renewed at a third of it while worked on). */
export const FANOUT_VISIBILITY_SECONDS = 120;
/** How long a 'sending' lease lasts: far longer than any request may take. */
export const FANOUT_LEASE_MS = 60_000;
/** A wait longer than this (a backoff, another worker's lease) hands the batch back to the queue. */
export const FANOUT_MAX_INLINE_WAIT_MS = 30_000;
/** How long a worker waits before asking an empty queue again: a kept send starts within half a second. */
export const FANOUT_IDLE_POLL_MS = 500;
/** Retries of a transient failure: 12 attempts with backoff from 1 s doubling to 5 min span about half an hour. */
export const FANOUT_RETRY = { maxAttempts: 12, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 } as const;
/** A campaign's batches show in the queue this long before its rate reaches them: no worker holds a city's rows. */
export const FANOUT_CAMPAIGN_LEAD_SECONDS = 10;
/** Buckets written at once while a campaign is materialised. */
export const FANOUT_CREATE_CONCURRENCY = 8;
/**
 * Rows encoded and held at once while a campaign is materialised: some 64 per bucket (128 buckets), so a page
 * still goes in few transactions, and a 40,000-recipient campaign is written in 5 pages instead of held whole.
 */
export const FANOUT_CREATE_PAGE = 8192;
/**
 * The longest a page of a campaign's rows is held before it is written, however few: the daily reminders look
 * each recipient's address up as the campaign is written (a few hundred a second), and a full page of encoded
 * rows held meanwhile was the service's largest allocation of the day (bench/README.md, "Production's heap").
 */
export const FANOUT_CREATE_PAGE_MS = 1000;
