import { randomUUID } from 'node:crypto';
import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import {
  MAX_GOAL_TEXT_LENGTH,
  MAX_GOALS,
  MAX_ID_LENGTH,
  MAX_LEARNING_GOALS,
  MAX_REOPEN_REASON_LENGTH,
  MAX_REOPENINGS,
  MAX_SECTION_TEXT_LENGTH,
  TABLE_STRING_MAX_CHARS,
} from '../../bot/src/domain/content-limits';
import { DISCUSSION_SECTIONS } from '../../bot/src/domain/development-discussion';
import {
  markHeld,
  newDevelopmentDiscussion,
  recordSupervisorPart,
  reopen,
  savePreparationDraft,
  schedule,
  sign,
} from '../../bot/src/domain/development-discussion-lifecycle';
import { person } from './fixtures';

describe('content limits', () => {
  it('keep a discussion filled to every limit with plain text under two thirds of a table property', () => {
    const framework = defaultCompetenceFramework(2026);
    const employeeId = randomUUID();
    const supervisorId = randomUUID();
    const employee = person(employeeId, {
      tenantId: randomUUID(),
      supervisorId,
      roles: ['employee', 'supervisor'],
    });
    const at = '2026-02-01T08:00:00.000Z';
    const text = (length: number) => 'ä'.repeat(length);
    const sections = Object.fromEntries(DISCUSSION_SECTIONS.map((s) => [s, text(MAX_SECTION_TEXT_LENGTH)]));
    const ratings = Object.fromEntries(framework.competences.map((c) => [c.id, 3]));
    const goalId = (i: number) => `${i}`.padStart(MAX_ID_LENGTH, 'g');

    let discussion = newDevelopmentDiscussion(employee, 2026, at);
    discussion = schedule(discussion, supervisorId, at, '2026-02-10T09:00:00Z');
    discussion = savePreparationDraft(
      discussion,
      employeeId,
      at,
      { preparation: sections, selfRatings: ratings },
      framework,
    );
    discussion = recordSupervisorPart(
      discussion,
      supervisorId,
      at,
      {
        notes: sections,
        ratings,
        goals: Array.from({ length: MAX_GOALS }, (_, i) => ({
          id: goalId(i),
          text: text(MAX_GOAL_TEXT_LENGTH),
          status: 'inProgress' as const,
        })),
        learningGoals: Array.from({ length: MAX_LEARNING_GOALS }, (_, i) => ({
          id: goalId(100 + i),
          text: text(MAX_GOAL_TEXT_LENGTH),
          status: 'inProgress' as const,
          way: '70' as const,
        })),
      },
      framework,
    );
    discussion = markHeld(discussion, supervisorId, '2026-02-10T12:00:00.000Z');
    for (let i = 0; i <= MAX_REOPENINGS; i++) {
      discussion = sign(sign(discussion, employeeId, at), supervisorId, at);
      if (i < MAX_REOPENINGS)
        discussion = reopen(discussion, supervisorId, at, text(MAX_REOPEN_REASON_LENGTH));
    }

    expect(discussion.status).toBe('signed');
    expect(JSON.stringify(discussion).length).toBeLessThan((TABLE_STRING_MAX_CHARS * 2) / 3);
  });
});
