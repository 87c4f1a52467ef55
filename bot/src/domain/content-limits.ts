/**
 * Limits on what people write and how many items a record holds.
 *
 * A development or group discussion is stored as one JSON string property of a Table Storage entity, which
 * holds at most 64 KiB of UTF-16, that is 32,768 characters. A development discussion with every field at its
 * limit, in plain text:
 *   sections: 7 × 2 (employee's preparation + supervisor's notes) × 800          11,200
 *   goals: (8 + 8) × (250 text + 64 id + ~45 keys, status and way)                ~5,750
 *   the employee's proposed learning goals: 3 × the same                             ~1,100
 *   reopenings: 5 × (300 reason + ~100 person id, time and keys)                  ~2,000
 *   ratings: 13 competences × 2 (self + supervisor) × ~45                          ~1,200
 *   ids, times, signatures and keys                                                 ~500
 *                                                                                ≈ 21,700, about 66 %
 * (tests/domain/content-limits.test.ts builds one). The remaining third is room for JSON escaping, where a
 * quote or line break takes two characters; `fitsInTableString` refuses text made mostly of such characters.
 *
 * A group discussion: 40 contributions × (240 text + ~170 ids, theme, time and keys) = 16,400, conclusions
 * 4 × 800 = 3,200, the rest ~500: ≈ 20,100, about 61 %.
 */

export const TABLE_STRING_MAX_CHARS = 32_768;

/** Ids given by the edges (goals, contributions, plan items): a UUID fits with room to spare. */
export const MAX_ID_LENGTH = 64;

export const MAX_SECTION_TEXT_LENGTH = 800;
export const MAX_GOALS = 8;
export const MAX_LEARNING_GOALS = 8;
export const MAX_PROPOSED_LEARNING_GOALS = 3;
export const MAX_GOAL_TEXT_LENGTH = 250;
export const MAX_REOPENINGS = 5;
export const MAX_REOPEN_REASON_LENGTH = 300;

export const MAX_CONTRIBUTIONS = 40;
export const MAX_CONTRIBUTION_LENGTH = 240;
export const MAX_CONCLUSION_LENGTH = 800;

/** Training plans are not kept in one property; these bound a plan's size for reading and review. */
export const MAX_TRAINING_PLAN_ITEMS = 300;
export const MAX_TRAINING_NEED_LENGTH = 300;
export const MAX_TRAINING_AUDIENCE_LENGTH = 200;
/**
 * The most people one training-plan row can concern: above the staff of Finland's largest municipality, so a
 * typo (99,999,999) is refused while every real figure fits.
 */
export const MAX_TRAINING_HEADCOUNT = 50_000;

export function isValidId(id: string): boolean {
  return id.trim() === id && id.length > 0 && id.length <= MAX_ID_LENGTH;
}

export function fitsInTableString(value: unknown): boolean {
  return JSON.stringify(value).length <= TABLE_STRING_MAX_CHARS;
}
