import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { guardCell, readCsvRows, unguardCell, writeCsvRows } from '../../../lib/formats/csv-rows';
import { readGlossaryCsv, writeGlossaryCsv } from '../../../lib/formats/csv';

/// How a spreadsheet set to a locale reads a CSV line: split on its separator (quotes
/// respected), each cell a formula when it starts with = + - @ (after an optional apostrophe,
/// which makes it text).
const cellsAsRead = (csv: string, delimiter: string) => (parse(csv, { delimiter, relax_column_count: true, relax_quotes: true, bom: true }) as string[][]).flat();
const formulas = (cells: string[]) => cells.filter((c) => /^[=+\-@\t\r]/.test(c));

describe('the CSV guard', () => {
  it('puts an apostrophe before every formula start: =, +, -, @, tab and CR', () => {
    expect(guardCell('=1+2')).toBe("'=1+2");
    expect(guardCell('-ing')).toBe("'-ing");
    expect(guardCell('+33 1 23 45 67 89')).toBe("'+33 1 23 45 67 89");
    expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCell('\tcmd')).toBe("'\tcmd");
    expect(guardCell('\rcmd')).toBe("'\rcmd");
    expect(guardCell('plain - text')).toBe('plain - text');
  });

  it('guards formula starts after a separator of any locale too', () => {
    expect(guardCell('ok;=1+2;x')).toBe("ok;'=1+2;x");
    expect(guardCell('a, -b')).toBe("a, '-b");
    expect(guardCell('a\t@b')).toBe("a\t'@b");
  });

  it('is undone exactly by reading, apostrophes already there included', () => {
    for (const v of ['=a', "'=a", "''-b", 'ok;=1+2;x', "a; '-b", "it's", "l'+", '-', '@', 'x']) expect(unguardCell(guardCell(v)), v).toBe(v);
  });

  it('quotes every cell holding a separator of any locale, a quote or a line break', () => {
    expect(writeCsvRows([['a,b', 'a;b', 'a\tb', 'a"b', 'a\nb', ' a', 'plain']])).toBe('"a,b","a;b","a\tb","a""b","a\nb"," a",plain\r\n');
  });

  it('leaves no formula to a spreadsheet splitting on comma, semicolon or tab', () => {
    const csv = writeCsvRows([['ok;=1+2;x', '-ing', '+1', '@a', 'a,=b', 'a\t-b', 'fine']]);
    for (const delimiter of [',', ';', '\t']) expect(formulas(cellsAsRead(csv, delimiter)), JSON.stringify(delimiter)).toEqual([]);
  });
});

describe('one writer for every CSV', () => {
  it('the glossary CSV guards - + @ and formulas after separators, and reads them back', () => {
    const entry = {
      id: 'ing',
      langs: {
        fr: { notes: [], terms: [{ text: '-age', status: 'preferred' as const, note: 'ok;=1+2;x' }] },
        en: { notes: [], terms: [{ text: '-ing', status: 'preferred' as const }, { text: '+plus', status: 'admitted' as const }, { text: '@handle', status: 'admitted' as const }] },
      },
    };
    const csv = writeGlossaryCsv([entry]);
    for (const delimiter of [',', ';', '\t']) expect(formulas(cellsAsRead(csv, delimiter)), JSON.stringify(delimiter)).toEqual([]);
    expect(readGlossaryCsv(csv)).toEqual([entry]);
  });

  it('reads rows with any line end, numbering the lines they start on', () => {
    expect(readCsvRows('a,"x\r\ny"\r\nb\rc\n"d\ne"\n', ',')).toEqual([
      { line: 1, fields: ['a', 'x\r\ny'] },
      { line: 3, fields: ['b'] },
      { line: 4, fields: ['c'] },
      { line: 5, fields: ['d\ne'] },
    ]);
  });
});
