import { isSupervisor, withSupervisorRoles } from '../../bot/src/domain/people-rules';
import { person, withRoles } from './fixtures';

describe('who is a supervisor', () => {
  it('is decided by the supervisor role', () => {
    expect(isSupervisor(withRoles('s1', ['employee', 'supervisor']))).toBe(true);
    expect(isSupervisor(person('e1'))).toBe(false);
  });

  it('grants the role on import to everyone with direct reports, keeping other roles', () => {
    const people = withSupervisorRoles([
      person('boss', { supervisorId: null, roles: ['employee', 'hr'] }),
      person('e1'),
      withRoles('lead', ['supervisor'], { supervisorId: 'boss' }),
    ]);
    expect(people.map((p) => p.roles)).toEqual([
      ['employee', 'hr', 'supervisor'],
      ['employee'],
      ['supervisor'],
    ]);
  });
});
