import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planImport } from '../../bot/src/organisation-data/import-plan';
import { parsePeopleCsv } from '../../bot/src/organisation-data/people-csv';

const badRows = parsePeopleCsv(
  readFileSync(join(__dirname, '../fixtures/people/bad-rows.csv'), 'utf8'),
  'tenant',
);

describe('planImport', () => {
  it('writes nothing from a file with any error by default', () => {
    expect(planImport(badRows, { skipBadRows: false })).toEqual({ kind: 'refused', reason: 'errors' });
  });

  it('with skipBadRows, writes only the valid rows that depend on no bad row, and lists the rows left out', () => {
    const plan = planImport(badRows, { skipBadRows: true });
    if (plan.kind !== 'write') throw new Error(`expected a plan to write, got ${plan.reason}`);
    expect(plan.people.map((person) => person.id)).toEqual(['100', '101', '102', '125', '127']);
    expect(plan.skippedRows).toEqual([
      5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 32, 33,
    ]);
    const written = new Set(plan.people.map((person) => person.id));
    for (const person of plan.people) {
      expect(person.supervisorId === null || written.has(person.supervisorId)).toBe(true);
    }
    expect(plan.teams.map((team) => team.id)).toEqual([
      ...new Set(plan.people.map((person) => person.teamId)),
    ]);
  });

  it('writes a clean file whole, either way', () => {
    const clean = parsePeopleCsv(
      [
        'id,first name,last name,email,service area,team,supervisor id',
        '1,Kaisa,Kivinen,kaisa@example.fi,Elinvoima,Matkailu,',
        '2,Olli,Ojala,olli@example.fi,Elinvoima,Matkailu,1',
      ].join('\n'),
      'tenant',
    );
    for (const skipBadRows of [false, true]) {
      expect(planImport(clean, { skipBadRows })).toEqual({
        kind: 'write',
        serviceAreas: clean.serviceAreas,
        teams: clean.teams,
        people: clean.people,
        skippedRows: [],
      });
    }
  });

  it('refuses a file where no row can be written, even when skipping bad rows', () => {
    const broken = parsePeopleCsv('id,first name\n1,Kaisa\n', 'tenant');
    expect(planImport(broken, { skipBadRows: true })).toEqual({ kind: 'refused', reason: 'nothingValid' });
  });
});
