import {
  conversationsFor,
  isIndividualDiscussionYear,
  teamHoldsGroupDiscussion,
} from '../../bot/src/domain/discussion-year-rules';
import { person, serviceArea, team, withRoles } from './fixtures';

const YEARS = [2025, 2026, 2027, 2028, 2029];

describe('conversations of the year', () => {
  it('without the alternating model, everyone has both conversations every year', () => {
    for (const year of YEARS) {
      expect(conversationsFor(person('e1'), serviceArea(null), year, team('team'))).toEqual({
        developmentDiscussion: true,
        groupDiscussion: true,
      });
    }
  });

  it.each([
    ['even' as const, [false, true, false, true, false]],
    ['odd' as const, [true, false, true, false, true]],
  ])('with individual discussions in %s years, staff alternate year by year', (parity, individualYears) => {
    const area = serviceArea(parity);
    YEARS.forEach((year, i) => {
      const individual = individualYears[i];
      expect(isIndividualDiscussionYear({ individualDiscussionYears: parity }, year)).toBe(individual);
      expect(conversationsFor(person('e1'), area, year, team('team'))).toEqual({
        developmentDiscussion: individual,
        groupDiscussion: !individual,
      });
    });
  });

  it('principals’ and daycare directors’ teams and management teams discuss as a group every year', () => {
    for (const kind of [
      'principals',
      'daycareDirectors',
      'serviceAreaManagementTeam',
      'cityManagementTeam',
    ] as const) {
      for (const year of YEARS)
        expect(teamHoldsGroupDiscussion(team(kind), serviceArea('even'), year)).toBe(true);
    }
  });

  it('under the alternating model a supervisor still has their own development discussion every year', () => {
    const principal = withRoles('principal', ['employee', 'supervisor'], { supervisorId: 'director' });
    for (const year of YEARS) {
      expect(conversationsFor(principal, serviceArea('even'), year, team('principals'))).toEqual({
        developmentDiscussion: true,
        groupDiscussion: true,
      });
    }
  });

  it('nobody without a supervisor has a development discussion', () => {
    const cityManager = withRoles('cm', ['supervisor', 'cityManagementTeam'], { supervisorId: null });
    expect(conversationsFor(cityManager, serviceArea(null), 2026, team('cityManagementTeam'))).toEqual({
      developmentDiscussion: false,
      groupDiscussion: true,
    });
  });
});
