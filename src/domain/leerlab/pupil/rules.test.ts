import { describe, expect, it } from 'vitest';
import { pupilCsvParse, gradeCsvBuild, GRADE_CSV_COLUMNS } from './rules.ts';

describe('roster CSV', () => {
  it('reads only name and class; every other column is dropped and named', () => {
    const out = pupilCsvParse('Voornaam,Tussenvoegsel,Achternaam,Stamgroep,BSN,E-mail\nSam,de,Vries,4a,123456782,sam@example.nl\n,,,4A,,\n');
    expect(out).toEqual({
      ok: true,
      dropped: ['BSN', 'E-mail'],
      rows: [{ row: 2, ok: true, name: 'Sam de Vries', className: '4A' }, { row: 3, ok: false, name: '', code: 'PUPIL_NAME_MISSING' }],
    });
  });

  it('needs a name and a class column', () => {
    expect(pupilCsvParse('geboortedatum;adres\n2011-01-01;Laan 1\n')).toEqual({ ok: false, code: 'PUPIL_CSV_COLUMNS_MISSING' });
    expect(pupilCsvParse('')).toEqual({ ok: false, code: 'CSV_EMPTY' });
  });
});

describe('grade CSV', () => {
  it('has one row per pupil and part, decimal comma, and neutralises formulas', () => {
    const csv = gradeCsvBuild({ name: 'Design thinking', code: 'K0125' }, [{ id: 'p1', name: 'Empathie', hours: 10.5 }], [
      { name: '=HYPERLINK("x")', className: '4A', results: [{ partId: 'p1', grade: 6.5, completed: true, assessedOn: '2027-01-15' }] },
    ]);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(GRADE_CSV_COLUMNS.join(';'));
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")";4A;K0125;Design thinking;Empathie;10,5;6,5;ja;2027-01-15`);
  });
});
