import type { GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import {
  addContribution,
  concludeGroupDiscussion,
  isGroupMember,
  newGroupDiscussion,
  recordConclusions,
  reopenGroupDiscussion,
} from '../../bot/src/domain/group-discussion-rules';
import { person, refusalCode, team, withRoles } from './fixtures';

const T = '2026-02-01T08:00:00.000Z';
const CHAIR = 'boss';
const MEMBER = 'e1';

const open = () => newGroupDiscussion({ id: 'gd-1', team: team('team'), year: 2026, at: T });
const withContribution = () =>
  addContribution(open(), MEMBER, T, { id: 'c1', theme: 'futureNeeds', text: ' Tekoälyn käyttö ' }, true);
const withConclusions = () =>
  recordConclusions(withContribution(), CHAIR, T, { futureNeeds: 'Digikoulutus.' });
const concluded = () => concludeGroupDiscussion(withConclusions(), CHAIR, T);

describe('a group competence discussion', () => {
  it('is chaired by the team’s supervisor and open', () => {
    expect(open()).toMatchObject({
      level: 'team',
      teamId: 'team-1',
      serviceAreaId: 'sivistys',
      chairId: CHAIR,
      status: 'open',
    });
  });

  it('takes its level from the team, the city management team belonging to no service area', () => {
    expect(newGroupDiscussion({ id: 'x', team: team('principals'), year: 2026, at: T }).level).toBe('team');
    expect(
      newGroupDiscussion({ id: 'x', team: team('serviceAreaManagementTeam'), year: 2026, at: T }).level,
    ).toBe('serviceAreaManagementTeam');
    expect(
      newGroupDiscussion({ id: 'x', team: team('cityManagementTeam'), year: 2026, at: T }),
    ).toMatchObject({
      level: 'cityManagementTeam',
      serviceAreaId: null,
    });
  });

  it('may be chaired by someone named instead, and needs a chair', () => {
    expect(
      newGroupDiscussion({ id: 'x', team: team('team'), year: 2026, at: T, chairId: 'hr-1' }).chairId,
    ).toBe('hr-1');
    expect(
      refusalCode(() =>
        newGroupDiscussion({ id: 'x', team: team('team', { supervisorId: null }), year: 2026, at: T }),
      ),
    ).toBe('groupDiscussion.noChair');
  });

  it('collects members’ contributions with author and time', () => {
    expect(withContribution().contributions).toEqual([
      { id: 'c1', theme: 'futureNeeds', text: 'Tekoälyn käyttö', authorId: MEMBER, at: T },
    ]);
    expect(
      addContribution(open(), CHAIR, T, { id: 'c2', theme: 'currentCompetence', text: 'x' }, false)
        .contributions,
    ).toHaveLength(1);
  });

  it('the chair records conclusions (replacing them, empty themes dropped), concludes and may reopen', () => {
    const first = recordConclusions(withContribution(), CHAIR, T, {
      futureNeeds: 'A',
      workingLifeSkills: 'B',
    });
    const second = recordConclusions(first, CHAIR, T, { futureNeeds: ' C ', workingLifeSkills: ' ' });
    expect(second.conclusions).toEqual({ futureNeeds: 'C' });
    expect(concluded().status).toBe('concluded');
    expect(reopenGroupDiscussion(concluded(), CHAIR, '2026-03-01T00:00:00.000Z')).toMatchObject({
      status: 'open',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it.each<[string, () => GroupCompetenceDiscussion, string]>([
    [
      'a non-member contributes',
      () => addContribution(open(), 'stranger', T, { id: 'c', theme: 'futureNeeds', text: 'x' }, false),
      'groupDiscussion.notAMember',
    ],
    [
      'contributing after the conclusion',
      () => addContribution(concluded(), MEMBER, T, { id: 'c', theme: 'futureNeeds', text: 'x' }, true),
      'groupDiscussion.concluded',
    ],
    [
      'an unknown theme',
      () => addContribution(open(), MEMBER, T, { id: 'c', theme: 'weather' as never, text: 'x' }, true),
      'groupDiscussion.unknownTheme',
    ],
    [
      'an empty contribution',
      () => addContribution(open(), MEMBER, T, { id: 'c', theme: 'futureNeeds', text: ' ' }, true),
      'groupDiscussion.textRequired',
    ],
    [
      'an overlong contribution',
      () =>
        addContribution(open(), MEMBER, T, { id: 'c', theme: 'futureNeeds', text: 'x'.repeat(241) }, true),
      'groupDiscussion.textTooLong',
    ],
    [
      'a repeated contribution id',
      () =>
        addContribution(withContribution(), MEMBER, T, { id: 'c1', theme: 'futureNeeds', text: 'x' }, true),
      'groupDiscussion.duplicateContribution',
    ],
    [
      'a contribution without an id',
      () => addContribution(open(), MEMBER, T, { id: '', theme: 'futureNeeds', text: 'x' }, true),
      'groupDiscussion.invalidId',
    ],
    [
      'a member records conclusions',
      () => recordConclusions(open(), MEMBER, T, { futureNeeds: 'x' }),
      'groupDiscussion.chairOnly',
    ],
    [
      'conclusions after concluding',
      () => recordConclusions(concluded(), CHAIR, T, { futureNeeds: 'x' }),
      'groupDiscussion.concluded',
    ],
    [
      'a conclusion on an unknown theme',
      () => recordConclusions(open(), CHAIR, T, { weather: 'x' } as never),
      'groupDiscussion.unknownTheme',
    ],
    [
      'an overlong conclusion',
      () => recordConclusions(open(), CHAIR, T, { futureNeeds: 'x'.repeat(801) }),
      'groupDiscussion.textTooLong',
    ],
    [
      'a member concludes',
      () => concludeGroupDiscussion(withConclusions(), MEMBER, T),
      'groupDiscussion.chairOnly',
    ],
    [
      'concluding without conclusions',
      () => concludeGroupDiscussion(withContribution(), CHAIR, T),
      'groupDiscussion.noConclusions',
    ],
    ['concluding twice', () => concludeGroupDiscussion(concluded(), CHAIR, T), 'groupDiscussion.concluded'],
    ['a member reopens', () => reopenGroupDiscussion(concluded(), MEMBER, T), 'groupDiscussion.chairOnly'],
    [
      'reopening an open discussion',
      () => reopenGroupDiscussion(open(), CHAIR, T),
      'groupDiscussion.notConcluded',
    ],
  ])('refuses %s', (_name, action, code) => {
    expect(refusalCode(action)).toBe(code);
  });

  it('refuses a contribution beyond the most it can hold', () => {
    let discussion = open();
    for (let i = 0; i < 40; i++) {
      discussion = addContribution(
        discussion,
        MEMBER,
        T,
        { id: `c${i}`, theme: 'currentCompetence', text: 'x'.repeat(240) },
        true,
      );
    }
    expect(
      refusalCode(() =>
        addContribution(discussion, MEMBER, T, { id: 'c40', theme: 'currentCompetence', text: 'x' }, true),
      ),
    ).toBe('groupDiscussion.tooManyContributions');
  });
});

describe('who takes part in a group discussion', () => {
  const of = (kind: Parameters<typeof team>[0]) =>
    newGroupDiscussion({ id: 'x', team: team(kind, { id: 'group' }), year: 2026, at: T });

  it('a team’s (also a principals’ or daycare directors’ team’s) own members, no one else', () => {
    for (const kind of ['team', 'principals', 'daycareDirectors'] as const) {
      expect(isGroupMember(of(kind), person('in', { teamId: 'group' }))).toBe(true);
      expect(isGroupMember(of(kind), withRoles('boss', ['supervisor', 'serviceAreaManagementTeam']))).toBe(
        false,
      );
    }
  });

  it('a service area’s management team: its members by role in the same area, though their team is elsewhere', () => {
    const discussion = of('serviceAreaManagementTeam');
    expect(isGroupMember(discussion, withRoles('head', ['supervisor', 'serviceAreaManagementTeam']))).toBe(
      true,
    );
    expect(
      isGroupMember(
        discussion,
        withRoles('other-area', ['serviceAreaManagementTeam'], { serviceAreaId: 'tekninen' }),
      ),
    ).toBe(false);
    expect(isGroupMember(discussion, person('staff'))).toBe(false);
  });

  it('the city manager’s management team: everyone on it by role, from every service area', () => {
    const discussion = of('cityManagementTeam');
    expect(
      isGroupMember(discussion, withRoles('director', ['cityManagementTeam'], { serviceAreaId: 'tekninen' })),
    ).toBe(true);
    expect(isGroupMember(discussion, withRoles('head', ['serviceAreaManagementTeam']))).toBe(false);
  });
});
