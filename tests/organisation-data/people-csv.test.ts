import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeopleCsv } from '../../bot/src/organisation-data/people-csv';

const HEADER = 'id,first name,last name,email,entra object id,service area,team,supervisor id,roles,language';
const TOP = '1,Kaisa,Kivinen,kaisa.kivinen@example.fi,,Konsernipalvelut,Johto,,employee;supervisor,fi';
const REPORT = '2,Olli,Ojala,olli.ojala@example.fi,,Konsernipalvelut,Johto,1,employee,sv';
const lines = (...rows: string[]) => rows.join('\n');
const codesByRow = (text: string) =>
  parsePeopleCsv(text, 'tenant').errors.map(({ row, code }) => [row, code]);

describe('parsePeopleCsv: the bad-rows fixture', () => {
  const result = parsePeopleCsv(
    readFileSync(join(__dirname, '../fixtures/people/bad-rows.csv'), 'utf8'),
    'tenant-a',
  );

  it.each([
    [5, 'Sähköposti', 'invalidEmail', undefined],
    [6, 'Roolit', 'unknownRole', { value: 'boss' }],
    [7, 'Kieli', 'unknownLanguage', { value: 'de' }],
    [8, 'Esihenkilö', 'supervisorNotFound', { supervisorId: '999' }],
    [9, 'Henkilönumero', 'duplicateId', { value: '107', rows: '10' }],
    [10, 'Henkilönumero', 'duplicateId', { value: '107', rows: '9' }],
    [11, 'Sähköposti', 'duplicateEmail', { value: 'yhteinen@example.fi', rows: '12' }],
    [12, 'Sähköposti', 'duplicateEmail', { value: 'yhteinen@example.fi', rows: '11' }],
    [14, 'Esihenkilö', 'selfSupervisor', { supervisorId: '110' }],
    [15, 'Esihenkilö', 'supervisorCycle', { cycle: '111 → 112 → 111' }],
    [16, 'Esihenkilö', 'supervisorCycle', { cycle: '111 → 112 → 111' }],
    [17, 'Esihenkilö', 'supervisorRowInvalid', { supervisorId: '105', supervisorRow: '7' }],
    [18, 'Henkilönumero', 'invalidId', undefined],
    [19, 'Etunimi', 'tooLong', { max: '100' }],
    [20, 'Etunimi', 'required', undefined],
    [21, 'Entra object id', 'invalidObjectId', undefined],
    [
      22,
      'Entra object id',
      'duplicateObjectId',
      { value: '9b2d6f7e-1c3a-4e5b-8d9f-0a1b2c3d4e5f', rows: '23' },
    ],
    [
      23,
      'Entra object id',
      'duplicateObjectId',
      { value: '9b2d6f7e-1c3a-4e5b-8d9f-0a1b2c3d4e5f', rows: '22' },
    ],
    [24, undefined, 'extraFields', { count: '12' }],
    [25, 'Etunimi', 'invalidCharacters', undefined],
    [26, 'Etunimi', 'formulaPrefix', undefined],
    [27, 'Tiimin tyyppi', 'unknownTeamKind', { value: 'tiimi?' }],
    [
      28,
      'Palvelualue',
      'serviceAreaConflict',
      { name: 'KONSERNIPALVELUT', firstName: 'Konsernipalvelut', firstRow: '2' },
    ],
    [30, 'Tiimi', 'teamConflict', { name: 'Henkilöstöpalvelut', firstRow: '3' }],
    [32, 'Esihenkilö', 'supervisorRowInvalid', { supervisorId: '111', supervisorRow: '15' }],
    [33, 'Esihenkilö', 'supervisorRowInvalid', { supervisorId: '107', supervisorRow: '9' }],
  ])('reports row %i (column %s) as %s', (row, column, code, params) => {
    expect(result.errors.filter((error) => error.row === row)).toEqual([{ row, column, code, params }]);
  });

  it('reports nothing else, and keeps only the valid rows that depend on no bad row', () => {
    expect(result.errors).toHaveLength(26);
    expect(result.people.map((person) => person.id)).toEqual(['100', '101', '102', '125', '127']);
  });

  it('takes a name that looks like a query injection as plain data', () => {
    const person = result.people.find((candidate) => candidate.id === '102');
    expect(person).toMatchObject({ lastName: "x' or PartitionKey ne '", locale: 'sv', supervisorId: '101' });
  });

  it('derives the teams of the valid rows, with the supervisor most members report to', () => {
    expect(result.teams).toEqual([
      {
        tenantId: 'tenant-a',
        id: 'konsernipalvelut-johto',
        serviceAreaId: 'konsernipalvelut',
        name: 'Johto',
        kind: 'team',
        supervisorId: '100',
      },
      {
        tenantId: 'tenant-a',
        id: 'konsernipalvelut-henkilostopalvelut',
        serviceAreaId: 'konsernipalvelut',
        name: 'Henkilöstöpalvelut',
        kind: 'team',
        supervisorId: '101',
      },
    ]);
  });
});

describe('parsePeopleCsv: file formats', () => {
  const expected = parsePeopleCsv(lines(HEADER, TOP, REPORT), 'tenant');

  it('reads a clean comma-separated file', () => {
    expect(expected.errors).toEqual([]);
    expect(expected.people).toEqual([
      {
        tenantId: 'tenant',
        id: '1',
        firstName: 'Kaisa',
        lastName: 'Kivinen',
        email: 'kaisa.kivinen@example.fi',
        aadObjectId: null,
        serviceAreaId: 'konsernipalvelut',
        teamId: 'konsernipalvelut-johto',
        supervisorId: null,
        roles: ['employee', 'supervisor'],
        locale: 'fi',
      },
      expect.objectContaining({ id: '2', supervisorId: '1', locale: 'sv', roles: ['employee'] }),
    ]);
  });

  it('reads what Finnish Excel saves: BOM, semicolons, CRLF, quoted roles, trailing empty rows', () => {
    const excel = [HEADER, TOP, REPORT]
      .map((row) => row.replace(/,/g, ';').replace('employee;supervisor', '"employee;supervisor"'))
      .join('\r\n');
    const result = parsePeopleCsv(`\uFEFF${excel}\r\n;;;;;;;;;\r\n\r\n`, 'tenant');
    expect(result).toEqual(expected);
  });

  it('unescapes doubled quotes inside quoted fields', () => {
    const result = parsePeopleCsv(
      lines(HEADER, TOP.replace('Kivinen', '"Kivinen ""Kivi"", nuorempi"')),
      'tenant',
    );
    expect(result.errors).toEqual([]);
    expect(result.people[0]?.lastName).toBe('Kivinen "Kivi", nuorempi');
  });

  it('numbers rows as Excel does: blank lines count, a cell with a line break is one row', () => {
    const multiLine = REPORT.replace('Olli', '"Olli\nPekka"');
    const after = REPORT.replace('2,Olli', '3,Outi')
      .replace('olli.ojala', 'outi.ojala')
      .replace(',sv', ',xx');
    expect(codesByRow(lines(HEADER, TOP, '', multiLine, after))).toEqual([
      [4, 'invalidCharacters'],
      [5, 'unknownLanguage'],
    ]);
  });

  it('accepts Finnish headers in any case and Finnish role and language names', () => {
    const header = 'HENKILÖNUMERO;Etunimi;Sukunimi;Sähköposti;Palvelualue;Tiimi;Esihenkilö;Roolit;Kieli';
    const row = '7;Aino;Aalto;aino.aalto@example.fi;Elinvoima;Matkailu;;"työntekijä;esihenkilö";ruotsi';
    const result = parsePeopleCsv(lines(header, row), 'tenant');
    expect(result.errors).toEqual([]);
    expect(result.people[0]).toMatchObject({ roles: ['employee', 'supervisor'], locale: 'sv' });
  });

  it('defaults an empty language to Finnish and empty roles to employee, and reads "sv-FI"', () => {
    const result = parsePeopleCsv(
      lines(HEADER, TOP.replace(',fi', ','), REPORT.replace('employee,sv', ',sv-FI')),
      'tenant',
    );
    expect(result.errors).toEqual([]);
    expect(result.people.map((person) => [person.roles, person.locale])).toEqual([
      [['employee', 'supervisor'], 'fi'],
      [['employee'], 'sv'],
    ]);
  });

  it.each([
    ['an empty file', '', [[1, 'emptyFile']]],
    ['a file of only a BOM and blank lines', '\uFEFF\r\n\r\n', [[1, 'emptyFile']]],
    ['a file with no header', lines(TOP, REPORT), [[1, 'noHeader']]],
    ['a header and no people', `${HEADER}\n\n`, [[2, 'noDataRows']]],
    [
      'an unclosed quotation mark',
      lines(HEADER, TOP.replace('Kaisa', '"Kaisa'), REPORT),
      [[2, 'malformedCsv']],
    ],
  ])('refuses %s', (_name, text, errors) => {
    const result = parsePeopleCsv(text, 'tenant');
    expect(result.errors.map(({ row, code }) => [row, code])).toEqual(errors);
    expect(result.people).toEqual([]);
  });

  it('names every missing required column, and a column given twice', () => {
    const result = parsePeopleCsv(lines('id,etunimi,first name,sukunimi,tiimi', '1,A,A,B,T'), 'tenant');
    expect(result.errors).toEqual([
      { row: 1, column: 'first name', code: 'duplicateColumn', params: { other: 'etunimi' } },
      { row: 1, column: 'email', code: 'missingColumn' },
      { row: 1, column: 'serviceAreaId / serviceArea', code: 'missingColumn' },
      { row: 1, column: 'supervisorId', code: 'missingColumn' },
    ]);
  });

  it('ignores columns it does not know', () => {
    const result = parsePeopleCsv(lines(`${HEADER},salary`, `${TOP},4200`), 'tenant');
    expect(result.errors).toEqual([]);
    expect(result.people.map((person) => person.id)).toEqual(['1']);
  });
});

describe('parsePeopleCsv: ids become storage keys', () => {
  const header = 'id,first name,last name,email,service area id,service area,team id,team,supervisor id';
  const injection = "x' or PartitionKey ne '";

  it.each([
    ['person id', `${injection},A,B,a@example.fi,sa,Area,t1,Team,`, 'id'],
    ['supervisor id', `1,A,B,a@example.fi,sa,Area,t1,Team,${injection}`, 'supervisor id'],
    ['team id', `1,A,B,a@example.fi,sa,Area,${injection},Team,`, 'team id'],
    ['service area id', `1,A,B,a@example.fi,a/b,Area,t1,Team,`, 'service area id'],
    ['person id with a hash', `1#2,A,B,a@example.fi,sa,Area,t1,Team,`, 'id'],
    ['person id longer than 64', `${'9'.repeat(65)},A,B,a@example.fi,sa,Area,t1,Team,`, 'id'],
  ])('rejects an unsafe %s', (_name, row, column) => {
    const result = parsePeopleCsv(lines(header, row), 'tenant');
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column })]);
    expect(result.errors[0]?.code).toMatch(/^(invalidId|tooLong)$/);
    expect(result.people).toEqual([]);
  });

  it('keeps explicit ids and names, and refuses one team id in two service areas', () => {
    const result = parsePeopleCsv(
      lines(header, '1,A,B,a@example.fi,sa,Area,t1,Team,', '2,C,D,c@example.fi,sb,Other area,t1,Team,1'),
      'tenant',
    );
    expect(result.people[0]).toMatchObject({ serviceAreaId: 'sa', teamId: 't1' });
    expect(result.errors).toEqual([
      { row: 3, column: 'team', code: 'teamConflict', params: { name: 'Team', firstRow: '2' } },
    ]);
  });

  it('keeps teams of the same name in different service areas apart', () => {
    const result = parsePeopleCsv(
      lines(
        HEADER,
        TOP.replace('Johto', 'Hallinto'),
        REPORT.replace('Konsernipalvelut,Johto', 'Elinvoima,Hallinto'),
      ),
      'tenant',
    );
    expect(result.errors).toEqual([]);
    expect(result.teams.map((team) => team.id)).toEqual(['konsernipalvelut-hallinto', 'elinvoima-hallinto']);
  });
});

describe('parsePeopleCsv: derived units', () => {
  const header = 'id,first name,last name,email,service area,team,team kind,supervisor id,roles';
  const people = [
    '1,Kai,Johtaja,k@example.fi,Opetus,Kaupunginjohtajan johtoryhmä,cityManagementTeam,,employee;cityManagementTeam',
    '2,Sivi,Johtaja,s@example.fi,Opetus,Johtoryhmä,serviceAreaManagementTeam,1,employee;serviceAreaManagementTeam',
    '3,Opa,Päällikkö,o@example.fi,Opetus,Johtoryhmä,serviceAreaManagementTeam,2,employee;serviceAreaManagementTeam',
    '4,Rea,Rehtori,r@example.fi,Opetus,Rehtorit,principals,3,employee;supervisor',
    '5,Reijo,Rehtori,r2@example.fi,Opetus,Rehtorit,principals,3,employee;supervisor',
    '6,Opettaja,Yksi,o1@example.fi,Opetus,Keskuskoulu,,4,employee',
    '7,Opettaja,Kaksi,o2@example.fi,Opetus,Keskuskoulu,,4,employee',
    '8,Ohjaaja,Kolme,o3@example.fi,Opetus,Keskuskoulu,,5,employee',
  ];
  const result = parsePeopleCsv(lines(header, ...people), 'tenant');

  it('makes the topmost management-team member the service-area director', () => {
    expect(result.errors).toEqual([]);
    expect(result.serviceAreas).toEqual([
      { tenantId: 'tenant', id: 'opetus', name: 'Opetus', directorId: '2', alternatingYearRule: null },
    ]);
  });

  it('makes everyone with reports a supervisor, whatever the roles column says', () => {
    expect(
      result.people.filter((person) => person.roles.includes('supervisor')).map((person) => person.id),
    ).toEqual(['1', '2', '3', '4', '5']);
  });

  it('gives each team the supervisor most of its members report to', () => {
    expect(result.teams.map((team) => [team.name, team.kind, team.supervisorId])).toEqual([
      ['Kaupunginjohtajan johtoryhmä', 'cityManagementTeam', '1'],
      ['Johtoryhmä', 'serviceAreaManagementTeam', '2'],
      ['Rehtorit', 'principals', '3'],
      ['Keskuskoulu', 'team', '4'],
    ]);
  });
});
