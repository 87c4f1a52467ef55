import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import type { DevelopmentDiscussion, Goal, LearningGoal } from '../../bot/src/domain/development-discussion';
import {
  cancelSchedule,
  markHeld,
  newDevelopmentDiscussion,
  recordSupervisorPart,
  reopen,
  savePreparationDraft,
  schedule,
  sign,
  submitPreparation,
  updateGoalStatus,
} from '../../bot/src/domain/development-discussion-lifecycle';
import { person, refusalCode, withRoles } from './fixtures';

const EMPLOYEE = 'e1';
const SUPERVISOR = 'boss';
const OUTSIDER = 'hr-person';
const T = '2026-02-01T08:00:00.000Z';
const MEETING = '2026-02-10T09:00:00+02:00';
/** The meeting's day, after it: when it can be marked held. */
const MET = '2026-02-10T10:00:00.000Z';
const framework = defaultCompetenceFramework(2026);

const fresh = () => newDevelopmentDiscussion(person(EMPLOYEE), 2026, T);
const scheduled = () => schedule(fresh(), SUPERVISOR, T, MEETING);
const prepared = () => submitPreparation(scheduled(), EMPLOYEE, T);
const held = () => markHeld(prepared(), SUPERVISOR, MET);
const signedByEmployee = () => sign(held(), EMPLOYEE, T);
const signed = () => sign(signedByEmployee(), SUPERVISOR, T);

const goal = (id: string, text = 'Ohjaa uuden työntekijän perehdytyksen'): Goal => ({
  id,
  text,
  status: 'open',
});
const learningGoal = (id: string): LearningGoal => ({ id, text: 'Mentorointi', status: 'open', way: '20' });

describe('a new development discussion', () => {
  it('is between the employee and their supervisor, not yet scheduled', () => {
    const discussion = fresh();
    expect(discussion).toMatchObject({
      tenantId: 'tenant-1',
      year: 2026,
      employeeId: EMPLOYEE,
      supervisorId: SUPERVISOR,
      serviceAreaId: 'sivistys',
      status: 'notScheduled',
      scheduledAt: null,
      includesSupervisorSection: false,
      updatedAt: T,
    });
  });

  it('includes the supervisor section in a supervisor’s own discussion', () => {
    const lead = withRoles('lead', ['employee', 'supervisor'], { supervisorId: 'director' });
    expect(newDevelopmentDiscussion(lead, 2026, T).includesSupervisorSection).toBe(true);
  });

  it('needs a supervisor other than the employee', () => {
    expect(refusalCode(() => newDevelopmentDiscussion(person('cm', { supervisorId: null }), 2026, T))).toBe(
      'discussion.noSupervisor',
    );
    expect(refusalCode(() => newDevelopmentDiscussion(person('x', { supervisorId: 'x' }), 2026, T))).toBe(
      'discussion.ownSupervisor',
    );
  });
});

describe('allowed steps', () => {
  it('the supervisor schedules the meeting, stored in UTC', () => {
    const discussion = schedule(fresh(), SUPERVISOR, '2026-01-20T10:00:00.000Z', MEETING);
    expect(discussion).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-02-10T07:00:00.000Z',
      updatedAt: '2026-01-20T10:00:00.000Z',
    });
  });

  it('rescheduling keeps a scheduled or prepared discussion in its status', () => {
    const later = '2026-02-12T12:00:00Z';
    expect(schedule(scheduled(), SUPERVISOR, T, later)).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-02-12T12:00:00.000Z',
    });
    expect(schedule(prepared(), SUPERVISOR, T, later)).toMatchObject({
      status: 'prepared',
      scheduledAt: '2026-02-12T12:00:00.000Z',
    });
  });

  it('cancelling the meeting returns to not scheduled and keeps the preparation text', () => {
    const draft = savePreparationDraft(
      scheduled(),
      EMPLOYEE,
      T,
      { preparation: { wellbeing: 'Jaksan hyvin.' } },
      framework,
    );
    const ready = submitPreparation(draft, EMPLOYEE, T);
    for (const discussion of [draft, ready]) {
      expect(cancelSchedule(discussion, SUPERVISOR, T)).toMatchObject({
        status: 'notScheduled',
        scheduledAt: null,
        preparation: { wellbeing: 'Jaksan hyvin.' },
      });
    }
  });

  it('the employee drafts the preparation and self-assessment at any time before signing, without a status change', () => {
    for (const discussion of [fresh(), scheduled(), prepared(), held()]) {
      const saved = savePreparationDraft(
        discussion,
        EMPLOYEE,
        '2026-02-02T10:00:00.000Z',
        {
          preparation: { pastYearReview: '  Hyvä vuosi.  ', wellbeing: '   ' },
          selfRatings: { 'self-management': 4 },
        },
        framework,
      );
      expect(saved.status).toBe(discussion.status);
      expect(saved.preparation).toEqual({ pastYearReview: 'Hyvä vuosi.' });
      expect(saved.selfRatings).toEqual({ 'self-management': 4 });
      expect(saved.updatedAt).toBe('2026-02-02T10:00:00.000Z');
    }
  });

  it('a draft leaves out what it does not mention', () => {
    const first = savePreparationDraft(
      fresh(),
      EMPLOYEE,
      T,
      { selfRatings: { 'self-management': 4 } },
      framework,
    );
    const second = savePreparationDraft(
      first,
      EMPLOYEE,
      T,
      { preparation: { otherMatters: 'Ei muuta.' } },
      framework,
    );
    expect(second.selfRatings).toEqual({ 'self-management': 4 });
    expect(second.preparation).toEqual({ otherMatters: 'Ei muuta.' });
  });

  it('the employee submits the preparation for a scheduled meeting', () => {
    expect(submitPreparation(scheduled(), EMPLOYEE, T).status).toBe('prepared');
  });

  it('the supervisor records notes, ratings, goals and learning goals', () => {
    const discussion = recordSupervisorPart(
      held(),
      SUPERVISOR,
      T,
      {
        notes: { futureNeeds: 'Digitaidot.' },
        ratings: { 'technology-and-digital': 2 },
        goals: [goal('g1', '  Ohjaa perehdytyksen  ')],
        learningGoals: [learningGoal('l1')],
      },
      framework,
    );
    expect(discussion).toMatchObject({
      status: 'held',
      supervisorNotes: { futureNeeds: 'Digitaidot.' },
      supervisorRatings: { 'technology-and-digital': 2 },
      goals: [{ id: 'g1', text: 'Ohjaa perehdytyksen', status: 'open' }],
      learningGoals: [{ id: 'l1', way: '20' }],
    });
  });

  it('a supervisor’s own discussion has the supervisor section and supervisor competences', () => {
    const lead = withRoles('lead', ['employee', 'supervisor'], { supervisorId: 'director' });
    const discussion = recordSupervisorPart(
      newDevelopmentDiscussion(lead, 2026, T),
      'director',
      T,
      { notes: { supervisorCompetence: 'Vahva.' }, ratings: { 'strategic-leadership': 5 } },
      framework,
    );
    expect(discussion.supervisorNotes.supervisorCompetence).toBe('Vahva.');
    expect(discussion.supervisorRatings['strategic-leadership']).toBe(5);
  });

  it('the supervisor marks a scheduled or prepared discussion held', () => {
    expect(markHeld(scheduled(), SUPERVISOR, MET).status).toBe('held');
    expect(markHeld(prepared(), SUPERVISOR, MET).status).toBe('held');
    expect(markHeld(prepared(), SUPERVISOR, '2026-02-09T22:00:00.000Z').status).toBe('held');
  });

  it('is signed once both have signed, in either order', () => {
    const first = sign(held(), SUPERVISOR, '2026-02-11T10:00:00.000Z');
    expect(first.status).toBe('held');
    expect(first.supervisorSignature).toEqual({ personId: SUPERVISOR, at: '2026-02-11T10:00:00.000Z' });
    const both = sign(first, EMPLOYEE, '2026-02-12T10:00:00.000Z');
    expect(both.status).toBe('signed');
    expect(both.employeeSignature).toEqual({ personId: EMPLOYEE, at: '2026-02-12T10:00:00.000Z' });
    expect(signed().status).toBe('signed');
  });

  it('an edit after one signature clears it, so both sign what stands', () => {
    const edited = recordSupervisorPart(
      signedByEmployee(),
      SUPERVISOR,
      T,
      { notes: { otherMatters: 'Lisäys.' } },
      framework,
    );
    expect(edited.employeeSignature).toBeNull();
    const byEmployee = savePreparationDraft(
      sign(held(), SUPERVISOR, T),
      EMPLOYEE,
      T,
      { preparation: {} },
      framework,
    );
    expect(byEmployee.supervisorSignature).toBeNull();
  });

  it('the supervisor reopens a signed discussion with a reason; both sign again', () => {
    const reopened = reopen(
      signed(),
      SUPERVISOR,
      '2026-03-01T10:00:00.000Z',
      '  Tavoite kirjattiin väärin.  ',
    );
    expect(reopened).toMatchObject({ status: 'held', employeeSignature: null, supervisorSignature: null });
    expect(reopened.reopenings).toEqual([
      { by: SUPERVISOR, at: '2026-03-01T10:00:00.000Z', reason: 'Tavoite kirjattiin väärin.' },
    ]);
    const corrected = recordSupervisorPart(reopened, SUPERVISOR, T, { goals: [goal('g1')] }, framework);
    expect(sign(sign(corrected, EMPLOYEE, T), SUPERVISOR, T).status).toBe('signed');
  });

  it('either party follows up goals during the year, also after signing, keeping the signatures', () => {
    const withGoals = recordSupervisorPart(
      held(),
      SUPERVISOR,
      T,
      { goals: [goal('g1')], learningGoals: [learningGoal('l1')] },
      framework,
    );
    const done = sign(sign(withGoals, EMPLOYEE, T), SUPERVISOR, T);
    const followed = updateGoalStatus(done, EMPLOYEE, '2026-06-01T10:00:00.000Z', 'l1', 'inProgress');
    const finished = updateGoalStatus(followed, SUPERVISOR, T, 'g1', 'done');
    expect(finished.status).toBe('signed');
    expect(finished.employeeSignature).not.toBeNull();
    expect(finished.goals[0]?.status).toBe('done');
    expect(finished.learningGoals[0]?.status).toBe('inProgress');
  });

  it('never changes the discussion it was given', () => {
    const before = held();
    const copy = structuredClone(before);
    sign(before, EMPLOYEE, T);
    recordSupervisorPart(before, SUPERVISOR, T, { goals: [goal('g1')] }, framework);
    expect(before).toEqual(copy);
  });
});

describe('refused steps', () => {
  const d = (discussion: DevelopmentDiscussion) => discussion;
  const tooManyGoals = Array.from({ length: 9 }, (_, i) => goal(`g${i}`));

  it.each<[string, () => unknown, string]>([
    ['an outsider schedules', () => schedule(fresh(), OUTSIDER, T, MEETING), 'discussion.notAParty'],
    ['an outsider signs', () => sign(held(), OUTSIDER, T), 'discussion.notAParty'],
    ['an outsider reopens', () => reopen(signed(), OUTSIDER, T, 'Syy'), 'discussion.notAParty'],
    [
      'an outsider follows up a goal',
      () => updateGoalStatus(held(), OUTSIDER, T, 'g1', 'done'),
      'discussion.notAParty',
    ],
    ['an outsider edits a signed discussion', () => markHeld(signed(), OUTSIDER, T), 'discussion.notAParty'],
    ['the employee schedules', () => schedule(fresh(), EMPLOYEE, T, MEETING), 'discussion.supervisorOnly'],
    [
      'the employee cancels the meeting',
      () => cancelSchedule(scheduled(), EMPLOYEE, T),
      'discussion.supervisorOnly',
    ],
    [
      'the employee records the supervisor’s part',
      () => recordSupervisorPart(held(), EMPLOYEE, T, {}, framework),
      'discussion.supervisorOnly',
    ],
    ['the employee marks it held', () => markHeld(prepared(), EMPLOYEE, T), 'discussion.supervisorOnly'],
    ['the employee reopens', () => reopen(signed(), EMPLOYEE, T, 'Syy'), 'discussion.supervisorOnly'],
    [
      'the supervisor drafts the preparation',
      () => savePreparationDraft(scheduled(), SUPERVISOR, T, {}, framework),
      'discussion.employeeOnly',
    ],
    [
      'the supervisor submits the preparation',
      () => submitPreparation(scheduled(), SUPERVISOR, T),
      'discussion.employeeOnly',
    ],
    ['submitting without a meeting', () => submitPreparation(fresh(), EMPLOYEE, T), 'discussion.wrongStatus'],
    ['submitting twice', () => submitPreparation(prepared(), EMPLOYEE, T), 'discussion.wrongStatus'],
    ['submitting after the meeting', () => submitPreparation(held(), EMPLOYEE, T), 'discussion.wrongStatus'],
    ['holding an unscheduled meeting', () => markHeld(fresh(), SUPERVISOR, T), 'discussion.wrongStatus'],
    ['holding it twice', () => markHeld(held(), SUPERVISOR, T), 'discussion.wrongStatus'],
    [
      'holding it the evening before the meeting day (Finnish time)',
      () => markHeld(prepared(), SUPERVISOR, '2026-02-09T21:59:00.000Z'),
      'discussion.beforeMeeting',
    ],
    ['rescheduling a held meeting', () => schedule(held(), SUPERVISOR, T, MEETING), 'discussion.wrongStatus'],
    [
      'cancelling an unscheduled meeting',
      () => cancelSchedule(fresh(), SUPERVISOR, T),
      'discussion.wrongStatus',
    ],
    ['cancelling a held meeting', () => cancelSchedule(held(), SUPERVISOR, T), 'discussion.wrongStatus'],
    ['signing before the meeting', () => sign(prepared(), EMPLOYEE, T), 'discussion.wrongStatus'],
    ['signing twice', () => sign(signedByEmployee(), EMPLOYEE, T), 'discussion.alreadySigned'],
    [
      'reopening an unsigned discussion',
      () => reopen(held(), SUPERVISOR, T, 'Syy'),
      'discussion.wrongStatus',
    ],
    ['rescheduling after signing', () => schedule(signed(), SUPERVISOR, T, MEETING), 'discussion.locked'],
    ['cancelling after signing', () => cancelSchedule(signed(), SUPERVISOR, T), 'discussion.locked'],
    [
      'drafting after signing',
      () => savePreparationDraft(signed(), EMPLOYEE, T, {}, framework),
      'discussion.locked',
    ],
    ['submitting after signing', () => submitPreparation(signed(), EMPLOYEE, T), 'discussion.locked'],
    [
      'recording notes after signing',
      () => recordSupervisorPart(signed(), SUPERVISOR, T, {}, framework),
      'discussion.locked',
    ],
    ['marking held after signing', () => markHeld(signed(), SUPERVISOR, T), 'discussion.locked'],
    ['signing again after signing', () => sign(signed(), EMPLOYEE, T), 'discussion.locked'],
    ['reopening without a reason', () => reopen(signed(), SUPERVISOR, T, '   '), 'discussion.reasonRequired'],
    [
      'reopening with an overlong reason',
      () => reopen(signed(), SUPERVISOR, T, 'x'.repeat(301)),
      'discussion.reasonTooLong',
    ],
    [
      'a meeting time without an offset',
      () => schedule(fresh(), SUPERVISOR, T, '2026-02-10T09:00:00'),
      'discussion.invalidTime',
    ],
    [
      'a meeting time that is no time',
      () => schedule(fresh(), SUPERVISOR, T, '2026-02-30T09:00:00Z'),
      'discussion.invalidTime',
    ],
    [
      'an unknown section',
      () => savePreparationDraft(fresh(), EMPLOYEE, T, { preparation: { gossip: 'x' } as never }, framework),
      'discussion.unknownSection',
    ],
    [
      'the supervisor section in an employee’s discussion',
      () => recordSupervisorPart(held(), SUPERVISOR, T, { notes: { supervisorCompetence: 'x' } }, framework),
      'discussion.sectionNotApplicable',
    ],
    [
      'an overlong section',
      () =>
        savePreparationDraft(
          fresh(),
          EMPLOYEE,
          T,
          { preparation: { wellbeing: 'x'.repeat(801) } },
          framework,
        ),
      'discussion.textTooLong',
    ],
    [
      'a rating off the scale',
      () => savePreparationDraft(fresh(), EMPLOYEE, T, { selfRatings: { 'self-management': 6 } }, framework),
      'discussion.invalidRatings',
    ],
    [
      'a supervisor competence rated in an employee’s discussion',
      () =>
        recordSupervisorPart(held(), SUPERVISOR, T, { ratings: { 'strategic-leadership': 3 } }, framework),
      'discussion.invalidRatings',
    ],
    [
      'ratings against another year’s framework',
      () => savePreparationDraft(fresh(), EMPLOYEE, T, { selfRatings: {} }, defaultCompetenceFramework(2025)),
      'discussion.wrongFramework',
    ],
    [
      'too many goals',
      () => recordSupervisorPart(held(), SUPERVISOR, T, { goals: tooManyGoals }, framework),
      'goal.tooMany',
    ],
    [
      'a goal id used twice across goals and learning goals',
      () =>
        recordSupervisorPart(
          held(),
          SUPERVISOR,
          T,
          { goals: [goal('x')], learningGoals: [learningGoal('x')] },
          framework,
        ),
      'goal.duplicateId',
    ],
    [
      'an empty goal',
      () => recordSupervisorPart(held(), SUPERVISOR, T, { goals: [goal('g1', '  ')] }, framework),
      'goal.textRequired',
    ],
    [
      'an overlong goal',
      () => recordSupervisorPart(held(), SUPERVISOR, T, { goals: [goal('g1', 'x'.repeat(251))] }, framework),
      'goal.textTooLong',
    ],
    [
      'a goal without an id',
      () => recordSupervisorPart(held(), SUPERVISOR, T, { goals: [goal('')] }, framework),
      'goal.invalidId',
    ],
    [
      'an unknown way of learning',
      () =>
        recordSupervisorPart(
          held(),
          SUPERVISOR,
          T,
          { learningGoals: [{ ...learningGoal('l1'), way: '50' as never }] },
          framework,
        ),
      'goal.invalidWay',
    ],
    [
      'following up an unknown goal',
      () => updateGoalStatus(signed(), EMPLOYEE, T, 'nope', 'done'),
      'goal.unknown',
    ],
    [
      'an unknown goal status',
      () =>
        updateGoalStatus(
          d(recordSupervisorPart(held(), SUPERVISOR, T, { goals: [goal('g1')] }, framework)),
          EMPLOYEE,
          T,
          'g1',
          'forgotten' as never,
        ),
      'goal.invalidStatus',
    ],
  ])('%s', (_name, action, code) => {
    expect(refusalCode(action)).toBe(code);
  });

  it('refuses a sixth reopening', () => {
    let discussion = signed();
    for (let i = 0; i < 5; i++) {
      discussion = reopen(discussion, SUPERVISOR, T, `Korjaus ${i}`);
      discussion = sign(sign(discussion, EMPLOYEE, T), SUPERVISOR, T);
    }
    expect(refusalCode(() => reopen(discussion, SUPERVISOR, T, 'Vielä kerran'))).toBe(
      'discussion.tooManyReopenings',
    );
  });

  it('refuses text that would not fit in one table property once escaped as JSON', () => {
    const lead = withRoles('lead', ['employee', 'supervisor'], { supervisorId: 'director' });
    const controlCharacters = '\u0001'.repeat(800);
    const sections = {
      pastYearReview: controlCharacters,
      wellbeing: controlCharacters,
      currentCompetence: controlCharacters,
      futureNeeds: controlCharacters,
      developmentSupport: controlCharacters,
      supervisorCompetence: controlCharacters,
      otherMatters: controlCharacters,
    };
    expect(
      refusalCode(() =>
        savePreparationDraft(
          newDevelopmentDiscussion(lead, 2026, T),
          'lead',
          T,
          { preparation: sections },
          framework,
        ),
      ),
    ).toBe('discussion.tooLarge');
  });
});
