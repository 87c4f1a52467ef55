import type { TrainingPlan, TrainingPlanItem } from '../../bot/src/domain/training-plan';
import {
  combineIntoCentralPlan,
  confirmCentralPlan,
  newServiceAreaPlan,
  reviewCentralPlan,
  submitServiceAreaPlan,
  updatePlanItems,
  type PlanActor,
} from '../../bot/src/domain/training-plan-lifecycle';
import { refusalCode, TENANT } from './fixtures';

const T = '2026-09-01T08:00:00.000Z';
const areaTeam: PlanActor = {
  id: 'jr-1',
  roles: ['employee', 'serviceAreaManagementTeam'],
  serviceAreaId: 'sivistys',
};
const otherAreaTeam: PlanActor = {
  id: 'jr-2',
  roles: ['serviceAreaManagementTeam'],
  serviceAreaId: 'tekninen',
};
const hr: PlanActor = { id: 'hr-1', roles: ['hr'], serviceAreaId: 'konserni' };
const cityTeam: PlanActor = { id: 'kj-1', roles: ['cityManagementTeam'], serviceAreaId: 'konserni' };
const committee: PlanActor = { id: 'yt-1', roles: ['cooperationCommittee'], serviceAreaId: 'konserni' };
const employee: PlanActor = { id: 'e1', roles: ['employee', 'supervisor'], serviceAreaId: 'sivistys' };

const item = (id: string, need = 'Varhaiskasvatuksen digitaidot'): TrainingPlanItem => ({
  id,
  need,
  competenceId: 'technology-and-digital',
  way: '10',
  audience: 'Varhaiskasvatuksen opettajat',
  headcount: 12,
});

const draft = (serviceAreaId = 'sivistys', actor = areaTeam) =>
  updatePlanItems(newServiceAreaPlan({ tenantId: TENANT, year: 2027, serviceAreaId }, actor, T), actor, [
    item('i1'),
  ]);
const submitted = (serviceAreaId = 'sivistys', actor = areaTeam) =>
  submitServiceAreaPlan(draft(serviceAreaId, actor), actor, T);
const central = () =>
  combineIntoCentralPlan(
    [submitted('tekninen', otherAreaTeam), submitted()],
    [item('anon-1', 'Työhyvinvointi')],
    { tenantId: TENANT, year: 2027 },
    hr,
    '2026-10-01T08:00:00.000Z',
  );
/** The organisation's service areas: both combined into central(). */
const AREAS = ['sivistys', 'tekninen'];
const reviewed = () => reviewCentralPlan(central(), cityTeam, '2026-11-01T08:00:00.000Z', AREAS);

describe('a service area’s training plan', () => {
  it('is drafted and submitted by its management team, with the history kept', () => {
    const plan = submitServiceAreaPlan(draft(), areaTeam, '2026-09-28T08:00:00.000Z');
    expect(plan).toMatchObject({ scope: 'serviceArea', serviceAreaId: 'sivistys', status: 'submitted' });
    expect(plan.history).toEqual([
      { status: 'draft', by: 'jr-1', at: T },
      { status: 'submitted', by: 'jr-1', at: '2026-09-28T08:00:00.000Z' },
    ]);
  });

  it('may be drafted and submitted by HR on the area’s behalf', () => {
    expect(submitted('sivistys', hr).status).toBe('submitted');
  });

  it('has its item texts trimmed', () => {
    const plan = updatePlanItems(draft(), areaTeam, [
      { ...item('i1'), need: ' Ensiapu ', audience: ' Kaikki ' },
    ]);
    expect(plan.items[0]).toMatchObject({ need: 'Ensiapu', audience: 'Kaikki' });
  });
});

describe('the central training plan', () => {
  it('combines submitted area plans and anonymous needs, renumbering items, as HR’s draft', () => {
    const plan = central();
    expect(plan).toMatchObject({ scope: 'central', serviceAreaId: null, status: 'draft', year: 2027 });
    expect(plan.items.map((i) => [i.id, i.need])).toEqual([
      ['c1', 'Varhaiskasvatuksen digitaidot'],
      ['c2', 'Varhaiskasvatuksen digitaidot'],
      ['c3', 'Työhyvinvointi'],
    ]);
    expect(plan.history).toEqual([{ status: 'draft', by: 'hr-1', at: '2026-10-01T08:00:00.000Z' }]);
  });

  it('is reviewed by the city manager’s management team and confirmed by the co-operation committee', () => {
    const plan = confirmCentralPlan(reviewed(), committee, '2026-12-01T08:00:00.000Z');
    expect(plan.status).toBe('confirmed');
    expect(plan.history.map((h) => [h.status, h.by])).toEqual([
      ['draft', 'hr-1'],
      ['reviewed', 'kj-1'],
      ['confirmed', 'yt-1'],
    ]);
  });

  it('HR edits the central draft', () => {
    expect(updatePlanItems(central(), hr, [item('c1')]).items).toHaveLength(1);
  });
});

describe('refused training-plan steps', () => {
  const lastYear: TrainingPlan = { ...submitted('tekninen', otherAreaTeam), year: 2026 };

  it.each<[string, () => TrainingPlan, string]>([
    [
      'another area’s team drafts a plan',
      () => newServiceAreaPlan({ tenantId: TENANT, year: 2027, serviceAreaId: 'sivistys' }, otherAreaTeam, T),
      'trainingPlan.notAllowed',
    ],
    [
      'an employee drafts a plan',
      () => newServiceAreaPlan({ tenantId: TENANT, year: 2027, serviceAreaId: 'sivistys' }, employee, T),
      'trainingPlan.notAllowed',
    ],
    [
      'another area’s team submits',
      () => submitServiceAreaPlan(draft(), otherAreaTeam, T),
      'trainingPlan.notAllowed',
    ],
    ['submitting twice', () => submitServiceAreaPlan(submitted(), areaTeam, T), 'trainingPlan.wrongStatus'],
    [
      'editing a submitted plan',
      () => updatePlanItems(submitted(), areaTeam, []),
      'trainingPlan.wrongStatus',
    ],
    [
      'an area team edits the central plan',
      () => updatePlanItems(central(), areaTeam, []),
      'trainingPlan.notAllowed',
    ],
    [
      'submitting the central plan as an area plan',
      () => submitServiceAreaPlan(central(), hr, T),
      'trainingPlan.wrongScope',
    ],
    [
      'reviewing an area plan',
      () => reviewCentralPlan(submitted(), cityTeam, T, AREAS),
      'trainingPlan.wrongScope',
    ],
    [
      'HR reviews the central plan',
      () => reviewCentralPlan(central(), hr, T, AREAS),
      'trainingPlan.notAllowed',
    ],
    ['reviewing twice', () => reviewCentralPlan(reviewed(), cityTeam, T, AREAS), 'trainingPlan.wrongStatus'],
    [
      'confirming an unreviewed plan',
      () => confirmCentralPlan(central(), committee, T),
      'trainingPlan.wrongStatus',
    ],
    [
      'the city management team confirms',
      () => confirmCentralPlan(reviewed(), cityTeam, T),
      'trainingPlan.notAllowed',
    ],
    ['editing a reviewed plan', () => updatePlanItems(reviewed(), hr, []), 'trainingPlan.wrongStatus'],
    [
      'a non-HR person combines',
      () => combineIntoCentralPlan([submitted()], [], { tenantId: TENANT, year: 2027 }, cityTeam, T),
      'trainingPlan.notAllowed',
    ],
    [
      'combining a draft',
      () => combineIntoCentralPlan([draft()], [], { tenantId: TENANT, year: 2027 }, hr, T),
      'trainingPlan.notSubmitted',
    ],
    [
      'combining another year’s plan',
      () => combineIntoCentralPlan([submitted(), lastYear], [], { tenantId: TENANT, year: 2027 }, hr, T),
      'trainingPlan.otherPlanSet',
    ],
    [
      'combining an area twice',
      () => combineIntoCentralPlan([submitted(), submitted()], [], { tenantId: TENANT, year: 2027 }, hr, T),
      'trainingPlan.duplicateServiceArea',
    ],
    [
      'combining nothing',
      () => combineIntoCentralPlan([], [], { tenantId: TENANT, year: 2027 }, hr, T),
      'trainingPlan.nothingToCombine',
    ],
    [
      'an item without a need',
      () => updatePlanItems(draft(), areaTeam, [item('i1', ' ')]),
      'trainingPlan.needRequired',
    ],
    [
      'an overlong need',
      () => updatePlanItems(draft(), areaTeam, [item('i1', 'x'.repeat(301))]),
      'trainingPlan.textTooLong',
    ],
    [
      'two items with one id',
      () => updatePlanItems(draft(), areaTeam, [item('i1'), item('i1')]),
      'trainingPlan.duplicateItemId',
    ],
    [
      'a negative headcount',
      () => updatePlanItems(draft(), areaTeam, [{ ...item('i1'), headcount: -1 }]),
      'trainingPlan.invalidHeadcount',
    ],
    [
      'an unknown way of learning',
      () => updatePlanItems(draft(), areaTeam, [{ ...item('i1'), way: '30' as never }]),
      'trainingPlan.invalidLearningWay',
    ],
    [
      'an anonymous need without a need',
      () => combineIntoCentralPlan([], [item('a', '')], { tenantId: TENANT, year: 2027 }, hr, T),
      'trainingPlan.needRequired',
    ],
  ])('%s', (_name, action, code) => {
    expect(refusalCode(action)).toBe(code);
  });
});

describe('the central plan’s steps in order', () => {
  it('refuses the review while service areas are missing from it, and says how many are in', () => {
    const oneOfSix = combineIntoCentralPlan([submitted()], [], { tenantId: TENANT, year: 2027 }, hr, T);
    const areas = ['sivistys', 'tekninen', 'hyvinvointi', 'konserni', 'kaupunkikehitys', 'elinvoima'];
    let refusal: unknown;
    try {
      reviewCentralPlan(oneOfSix, cityTeam, T, areas);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'trainingPlan.areasMissing', params: { combined: 1, total: 6 } });
    expect(reviewCentralPlan(central(), cityTeam, T, AREAS).status).toBe('reviewed');
  });

  it('keeps each combined row’s origin: its service area, or none for the city-wide needs', () => {
    expect(central().items.map((row) => row.serviceAreaId)).toEqual(['sivistys', 'tekninen', null]);
    expect(central().combinedAreas).toEqual(['sivistys', 'tekninen']);
  });
});

describe('training-plan numbers', () => {
  it.each([
    ['a negative headcount', -5],
    ['a headcount no area has', 99_999_999],
    ['a fraction', 2.5],
    ['nothing (not a number)', Number.NaN],
  ])('refuses %s instead of storing something else', (_label, headcount) => {
    expect(() => updatePlanItems(draft(), areaTeam, [{ ...item('i9'), headcount }])).toThrow(
      expect.objectContaining({ code: 'trainingPlan.invalidHeadcount' }),
    );
  });

  it('accepts 0 and the largest allowed headcount', () => {
    const plan = updatePlanItems(draft(), areaTeam, [
      { ...item('i8'), headcount: 0 },
      { ...item('i9'), headcount: 50_000 },
    ]);
    expect(plan.items.map((row) => row.headcount)).toEqual([0, 50_000]);
  });
});
