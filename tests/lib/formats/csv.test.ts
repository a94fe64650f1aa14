import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CsvError,
  GLOSSARY_CSV_HEADER,
  MAX_CSV_BYTES,
  parseCsv,
  readGlossaryCsv,
  writeGlossaryCsv,
} from '../../../lib/formats/csv';
import { readTbx } from '../../../lib/formats/tbx';
import type { TermEntry } from '../../../lib/glossary/model';

const glossary = readTbx(readFileSync(new URL('../../../glossary/technology-policy.tbx', import.meta.url), 'utf8'));

function csvError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CsvError);
    return err as CsvError;
  }
  throw new Error('expected a CsvError, but nothing was thrown');
}

const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';

describe('writeGlossaryCsv', () => {
  it('writes a Crowdin-like header, a byte-order mark and CRLF line ends', () => {
    const csv = writeGlossaryCsv(glossary.slice(0, 1));
    expect(csv.startsWith('\ufeffConcept ID,Concept Subject,Concept Note,Term [fr],Description [fr],Part of Speech [fr],Status [fr],Type [fr],Gender [fr],Note [fr],Language Note [fr],Term [en],')).toBe(true);
    expect(GLOSSARY_CSV_HEADER).toContain('Status [en]');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes one row per term slot, Crowdin spellings of statuses, parts of speech and types', () => {
    const csv = writeGlossaryCsv(glossary.filter((e) => e.id === 'chip' || e.id === 'deepseek'));
    const rows = parseCsv(csv).map((r) => r.fields);
    const col = (name: string) => GLOSSARY_CSV_HEADER.indexOf(name);
    const chip = rows.filter((r) => r[0] === 'chip');
    expect(chip.map((r) => r[col('Term [fr]')])).toEqual(['puce', 'puce électronique', 'jeton']);
    expect(chip.map((r) => r[col('Term [en]')])).toEqual(['chip', 'microchip', '']);
    expect(chip.map((r) => r[col('Status [fr]')])).toEqual(['preferred', 'admitted', 'not recommended']);
    expect(chip[1]![col('Type [fr]')]).toBe('full form');
    const deepseek = rows.find((r) => r[0] === 'deepseek')!;
    expect(deepseek[col('Part of Speech [en]')]).toBe('proper noun');
  });

  it('refuses what no reader would take back', () => {
    const e = (id: string, text = 'puce'): TermEntry => ({ id, langs: { fr: { notes: [], terms: [{ text, status: 'preferred' }] } } });
    expect(csvError(() => writeGlossaryCsv([e('a'), e('a')])).message).toMatch(/two entries with the id "a"/);
    expect(csvError(() => writeGlossaryCsv([e(' ')])).message).toMatch(/without an id/);
    expect(csvError(() => writeGlossaryCsv([e('b', '  ')])).message).toMatch(/empty fr term/);
    const bad = { id: 'c', langs: { fr: { notes: [], terms: [{ text: 'x', status: 'maybe' }] } } } as unknown as TermEntry;
    expect(csvError(() => writeGlossaryCsv([bad])).message).toMatch(/unknown status "maybe"/);
  });
});

describe('readGlossaryCsv(writeGlossaryCsv(x)) round trip', () => {
  it('gives back the shipped glossary field for field', () => {
    expect(readGlossaryCsv(writeGlossaryCsv(glossary))).toEqual(glossary);
  });

  it('keeps commas, quotes, line breaks, notes, empty sections and formula-like values', () => {
    const tricky: TermEntry[] = [
      {
        id: 'tricky',
        subjectField: 'a, b',
        note: 'Line one\nline "two"',
        langs: {
          fr: {
            definition: 'Définition ; avec « guillemets »\r\net retour',
            notes: ['première note', '=SUM(A1:A2)', "'-déjà gardé"],
            terms: [
              { text: '-ing', status: 'deprecated', note: '@mention' },
              { text: 'contrôles d’exportation', status: 'admitted', partOfSpeech: 'noun', gender: 'masculine', termType: 'variant' },
            ],
          },
          en: { definition: 'Only a definition', notes: [], terms: [] },
        },
      },
      { id: 'second', langs: { en: { notes: [], terms: [{ text: '+1', status: 'preferred', partOfSpeech: 'properNoun', termType: 'shortForm' }] } } },
    ];
    const csv = writeGlossaryCsv(tricky);
    expect(csv).toContain("'=SUM(A1:A2)");
    expect(csv).not.toMatch(/,=/);
    expect(readGlossaryCsv(csv)).toEqual(tricky);
  });
});

describe('readGlossaryCsv: Crowdin layout', () => {
  it('reads a Crowdin export: regional codes, other languages and URLs ignored, ids made from terms', () => {
    const csv = lines(
      'Term [en-US],Description [en-US],Part of Speech [en-US],Status [en-US],Type [en-US],Gender [en-US],Note [en-US],URL [en-US],Term [fr-FR],Status [fr-FR],Part of Speech [fr-FR],Term [de],Concept Subject,Concept Definition',
      'export controls,Rules on exports.,noun,preferred,,,Plural.,https://example.org,contrôles d\'exportation,Preferred,Noun,Exportkontrollen,trade,Controls on what leaves a country',
      'DeepSeek,,proper noun,,,,,,DeepSeek,,Proper Noun,,,',
      'Export Controls,,,obsolete,full form,,,,,,,,,',
    );
    expect(readGlossaryCsv(csv)).toEqual([
      {
        id: 'export-controls',
        subjectField: 'trade',
        note: 'Controls on what leaves a country',
        langs: {
          fr: { notes: [], terms: [{ text: "contrôles d'exportation", status: 'preferred', partOfSpeech: 'Noun' }] },
          en: {
            definition: 'Rules on exports.',
            notes: [],
            terms: [{ text: 'export controls', status: 'preferred', partOfSpeech: 'noun', note: 'Plural.' }],
          },
        },
      },
      {
        id: 'deepseek',
        langs: {
          fr: { notes: [], terms: [{ text: 'DeepSeek', status: 'admitted', partOfSpeech: 'properNoun' }] },
          en: { notes: [], terms: [{ text: 'DeepSeek', status: 'admitted', partOfSpeech: 'properNoun' }] },
        },
      },
      { id: 'export-controls-2', langs: { en: { notes: [], terms: [{ text: 'Export Controls', status: 'deprecated', termType: 'fullForm' }] } } },
    ]);
  });

  it('merges the rows of one Concept ID, in any order, and joins distinct descriptions', () => {
    const csv = lines(
      'Concept ID;Term [fr];Description [fr];Term [en]',
      'chip;puce;Circuit intégré.;chip',
      'other;logiciel;;software',
      'chip;jeton;Circuit intégré.;microchip',
      'chip;;Autre sens.;',
    );
    const [chip, other] = readGlossaryCsv(csv);
    expect(other!.id).toBe('other');
    expect(chip).toEqual({
      id: 'chip',
      langs: {
        fr: {
          definition: 'Circuit intégré.\nAutre sens.',
          notes: [],
          terms: [
            { text: 'puce', status: 'admitted' },
            { text: 'jeton', status: 'admitted' },
          ],
        },
        en: {
          notes: [],
          terms: [
            { text: 'chip', status: 'admitted' },
            { text: 'microchip', status: 'admitted' },
          ],
        },
      },
    });
  });

  it('accepts a byte-order mark, CR, LF or CRLF line ends, tabs, blank lines and quoted line breaks', () => {
    const csv = '\ufeffTerm [fr]\tTerm [en]\tNote [en]\r\rpuce\tchip\t"two\nlines"\npuce IA\tAI chip\t\r\n';
    expect(readGlossaryCsv(csv).map((e) => [e.id, e.langs.en!.terms[0]!.text, e.langs.en!.terms[0]!.note])).toEqual([
      ['chip', 'chip', 'two\nlines'],
      ['ai-chip', 'AI chip', undefined],
    ]);
  });

  it('ignores unknown columns, whatever their names', () => {
    const [e] = readGlossaryCsv('constructor,Term [fr],__proto__ [fr],toString [en],Term [en]\nx,puce,y,z,chip\n');
    expect(e).toEqual({
      id: 'chip',
      langs: { fr: { notes: [], terms: [{ text: 'puce', status: 'admitted' }] }, en: { notes: [], terms: [{ text: 'chip', status: 'admitted' }] } },
    });
  });

  it('normalises values to trimmed NFC', () => {
    const [e] = readGlossaryCsv('Term [fr],Term [en]\n  e\u0301cart de performance ,  performance gap\n');
    expect(e!.langs.fr!.terms[0]!.text).toBe('\u00e9cart de performance');
    expect(e!.langs.en!.terms[0]!.text).toBe('performance gap');
  });
});

describe('readGlossaryCsv: Weblate and two-column layouts', () => {
  it('reads a Weblate glossary with a header: source French, first target preferred, forbidden deprecated', () => {
    const csv = lines(
      'location,source,target,id,fuzzy,context,translator_comments,developer_comments,flags',
      ',puce,chip,,,,,Integrated circuit.,',
      ',puce,microchip,,,,Less usual.,,',
      ',puce,token,,,,,,forbidden',
      ',puce,chip,,,chess,,,',
    );
    expect(readGlossaryCsv(csv)).toEqual([
      {
        id: 'chip',
        note: 'Integrated circuit.',
        langs: {
          fr: { notes: [], terms: [{ text: 'puce', status: 'preferred' }] },
          en: {
            notes: [],
            terms: [
              { text: 'chip', status: 'preferred' },
              { text: 'microchip', status: 'admitted', note: 'Less usual.' },
              { text: 'token', status: 'deprecated' },
            ],
          },
        },
      },
      {
        id: 'chip-2',
        langs: { fr: { notes: [], terms: [{ text: 'puce', status: 'preferred' }] }, en: { notes: [], terms: [{ text: 'chip', status: 'preferred' }] } },
      },
    ]);
  });

  it('reads a header-less two-column file, source French by default or English if told', () => {
    const csv = 'puce,chip\r\n"semi-conducteur","semiconductor"\r\n';
    const fr = readGlossaryCsv(csv);
    expect(fr.map((e) => [e.langs.fr!.terms[0]!.text, e.langs.en!.terms[0]!.text])).toEqual([
      ['puce', 'chip'],
      ['semi-conducteur', 'semiconductor'],
    ]);
    const en = readGlossaryCsv('chip,puce\n', { sourceLang: 'en' });
    expect(en[0]!.langs.en!.terms[0]!.text).toBe('chip');
    expect(en[0]!.langs.fr!.terms[0]!.text).toBe('puce');
  });

  it('reads DeepL exports, whose third and fourth columns name the languages', () => {
    const csv = 'chip,puce,EN,FR\nsemiconductor,semi-conducteur,en,fr\nChip,Chip,en,de\n';
    expect(readGlossaryCsv(csv).map((e) => [e.langs.en!.terms[0]!.text, e.langs.fr!.terms[0]!.text])).toEqual([
      ['chip', 'puce'],
      ['semiconductor', 'semi-conducteur'],
    ]);
  });
});

describe('readGlossaryCsv: refusals, each naming its line', () => {
  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    const err = csvError(() => readGlossaryCsv('Term [fr],Term [en]\npuce,chip\n"jeton,token\nmore\n'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^Line 3: .*closing double quote/);
  });

  it('refuses a double quote inside an unquoted field and text after a closing quote', () => {
    expect(csvError(() => readGlossaryCsv('Term [fr],Term [en]\npu"ce,chip\n')).line).toBe(2);
    const err = csvError(() => readGlossaryCsv('Term [fr],Term [en]\n"a\nb"x,chip\n'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/after a closing double quote/);
  });

  it('counts lines inside quoted fields when naming a later line', () => {
    const err = csvError(() => readGlossaryCsv('Term [fr],Status [fr]\n"puce\nélectronique",preferred\npuce,perhaps\n'));
    expect(err.line).toBe(4);
    expect(err.message).toBe('Line 4: "perhaps" in column "Status [fr]" is not a term status (use preferred, admitted or not recommended).');
  });

  it('refuses term details without a term, and values beyond the header', () => {
    expect(csvError(() => readGlossaryCsv('Term [fr],Status [fr]\n,preferred\n')).message).toMatch(/^Line 2: "Status \[fr\]" is set but "Term \[fr\]" is empty/);
    expect(csvError(() => readGlossaryCsv('Term [fr],Term [en]\npuce,chip,extra\n')).message).toMatch(/^Line 2: .*column 3/);
  });

  it('refuses a header without French or English terms, or naming a column twice', () => {
    expect(csvError(() => readGlossaryCsv('Term [de],Description [de]\nChip,\n')).message).toMatch(/no "Term \[fr\]" or "Term \[en\]"/);
    expect(csvError(() => readGlossaryCsv('Term [fr],term [FR]\na,b\n')).line).toBe(1);
    expect(csvError(() => readGlossaryCsv('Term [fr],Description [fr],Definition [fr-CA]\na,b,c\n')).message).toBe(
      'Line 1: columns "Description [fr]" and "Definition [fr-CA]" hold the same field; keep one of them.',
    );
  });

  it('refuses an empty file and a one-column file that is no known layout', () => {
    expect(csvError(() => readGlossaryCsv('\ufeff\r\n\r\n')).message).toMatch(/empty/);
    expect(csvError(() => readGlossaryCsv('puce\nchip\n')).line).toBe(1);
  });

  it('refuses input over 10 MB before parsing it', () => {
    const big = 'Term [fr],Term [en]\n' + 'é'.repeat(MAX_CSV_BYTES / 2 + 1);
    expect(csvError(() => readGlossaryCsv(big)).message).toMatch(/larger than 10 MB/);
  });
});

describe('parseCsv', () => {
  it('follows RFC 4180: doubled quotes, separators and line breaks inside quotes, empty last field', () => {
    expect(parseCsv('a,"b ""c"", d","e\r\nf",\r\nx', ',')).toEqual([
      { line: 1, fields: ['a', 'b "c", d', 'e\r\nf', ''] },
      { line: 3, fields: ['x'] },
    ]);
  });
});
