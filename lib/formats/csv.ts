/// Glossary CSV: import and export in the column layouts Crowdin and Weblate glossaries use.
///
/// Reading accepts three layouts, told apart by the first row:
/// 1. Crowdin-like, with a header naming columns per language — `Term [fr]`, `Description [fr]`,
///    `Part of Speech [fr]`, `Status [fr]`, `Type [fr]`, `Gender [fr]`, `Note [fr]`, `URL [fr]`,
///    the same for `[en]` (a regional code such as `[fr-FR]` counts as its language; other
///    languages are ignored) — and per concept `Concept ID`, `Concept Subject`, `Concept Note`,
///    `Concept Definition`, `Concept URL`, `Concept Figure`. Header names are matched without
///    regard to case. Each row holds at most one term per language; rows sharing a `Concept ID`
///    are one entry (that is how several terms per language are written), and without a
///    `Concept ID` each row is an entry. Vis-à-vis also reads and writes `Language Note [fr]`
///    (one note of the language section per row) and `Definition [fr]` (same as `Description`).
/// 2. Weblate-like, with a header holding `source` and `target` (optionally `context`,
///    `developer_comments`, `translator_comments`, `explanation`, `flags`): `source` is a term
///    in `sourceLang` (French unless told otherwise), `target` its rendering; rows with the same
///    source and context are one entry; the first target is preferred, later ones admitted, and
///    a target whose `flags` include `forbidden` is deprecated.
/// 3. No header, two columns or more: source and target as in 2; a third and fourth column that
///    hold language codes (as DeepL exports) say which language each of the two is in.
///
/// The file may start with a UTF-8 byte-order mark and use CRLF, LF or CR line ends; fields
/// follow RFC 4180 (double quotes around fields holding the separator, quotes or line breaks, a
/// quote doubled inside). The separator is the comma, or the semicolon or tab if the first row
/// has more of those (as spreadsheets set to French write). Values are trimmed and NFC.
///
/// Field mapping (Crowdin ↔ model): `Term` → `Term.text`; `Status` preferred / admitted /
/// not recommended (or obsolete, deprecated, forbidden; empty means admitted, as in TBX) →
/// `status`; `Part of Speech` → `partOfSpeech` ("proper noun" ↔ `properNoun`); `Type` →
/// `termType` ("full form" ↔ `fullForm`, "short form" ↔ `shortForm`); `Gender` → `gender`;
/// `Note` → the term's `note`; `Description`/`Definition` → the language section's `definition`
/// (several different ones on an entry's rows are joined with a newline); `Concept Subject` →
/// `subjectField`; `Concept Note` and then `Concept Definition` → the entry's `note`.
/// Not carried: URLs and figures (the model has no place for them), languages other than French
/// and English, an empty language section (no terms, definition or notes), and an entry with no
/// French or English content. Entries without a `Concept ID` get one made from their first
/// English term (else French), in kebab case, made unique with `-2`, `-3`…
///
/// Writing uses layout 1 with every column the model can fill — `Concept ID`, `Concept Subject`,
/// `Concept Note`, then for fr and en: `Term`, `Description`, `Part of Speech`, `Status`,
/// `Type`, `Gender`, `Note`, `Language Note` — one row per term slot, concept and section
/// fields on an entry's first row, a UTF-8 byte-order mark (so spreadsheets read the accents) and
/// CRLF line ends. `readGlossaryCsv(writeGlossaryCsv(x))` deep-equals `x` for any `x` in the
/// normal form `readTbx` returns (trimmed NFC values, no empty optional values, TBX spellings of
/// part of speech and term type). Cells go through the one CSV guard of lib/formats/csv-rows.ts
/// (quoted when they hold `,` `;` or tab; an apostrophe before a formula start `=` `+` `-` `@`,
/// tab or CR, at the cell's start and after a separator), which reading undoes.
///
/// Input over 10 MB (UTF-8 bytes) is refused, and every problem is a `CsvError` naming its line.
/// Pure: no file system.

import { LANGS, type Lang, type LangSection, type Term, type TermEntry, type TermStatus } from '../glossary/model';
import { exceedsUtf8Bytes } from '../text/decode';
import { CsvSyntaxError, readCsvRows, unguardCell, writeCsvRows, type CsvRecord } from './csv-rows';

/// The largest input `readGlossaryCsv` accepts, in UTF-8 bytes (10 MB).
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/// Any problem reading or writing a glossary CSV. `line` is the 1-based line of the input the
/// problem was found on, when known (for a quoted field spanning lines, the line it starts on).
export class CsvError extends Error {
  /// 1-based line number in the input, when the problem has a position.
  readonly line?: number;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'CsvError';
    if (line !== undefined) this.line = line;
  }
}

export type { CsvRecord };

/// Options of `readGlossaryCsv`.
export interface ReadGlossaryCsvOptions {
  /// Language of the `source` column in the Weblate and header-less layouts (default `fr`, the
  /// product's source language); `target` is the other one.
  sourceLang?: Lang;
}

// ---------------------------------------------------------------------------------------------
// RFC 4180
// ---------------------------------------------------------------------------------------------


/// The separator of a CSV text: the comma, unless the first row has more semicolons or tabs
/// (outside quotes).
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/// Split a CSV text into rows of fields (RFC 4180, by csv-parse; any line end; a leading
/// byte-order mark is skipped). Throws `CsvError` for a quote that is never closed, a quote
/// inside an unquoted field, or text after a closing quote.
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvRecord[] {
  try {
    return readCsvRows(text, delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CsvError(e.message, e.line);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// Trimmed NFC, with the apostrophes that guard formula starts removed (lib/formats/csv-rows.ts).
function cleanCell(raw: string | undefined): string {
  return unguardCell((raw ?? '').trim().normalize('NFC'));
}

function parseStatus(raw: string, line: number, column: string): TermStatus {
  const v = raw.toLowerCase().replace(/-admn-sts$/, '').replace(/\s+/g, ' ');
  switch (v) {
    case '':
    case 'admitted':
    case 'admittedterm':
    case 'admitted term':
      return 'admitted';
    case 'preferred':
    case 'preferredterm':
    case 'preferred term':
      return 'preferred';
    case 'not recommended':
    case 'deprecated':
    case 'deprecatedterm':
    case 'deprecated term':
    case 'obsolete':
    case 'forbidden':
    case 'superseded':
    case 'supersededterm':
      return 'deprecated';
    default:
      throw new CsvError(
        `"${raw}" in column "${column}" is not a term status (use preferred, admitted or not recommended).`,
        line,
      );
  }
}

const STATUS_OUT: ReadonlyMap<string, string> = new Map([
  ['preferred', 'preferred'],
  ['admitted', 'admitted'],
  ['deprecated', 'not recommended'],
]);

function partOfSpeechIn(v: string): string {
  return /^proper\s*noun$/i.test(v) ? 'properNoun' : v;
}

function partOfSpeechOut(v: string): string {
  return v === 'properNoun' ? 'proper noun' : v;
}

function termTypeIn(v: string): string {
  if (/^full\s*form$/i.test(v)) return 'fullForm';
  if (/^short\s*form$/i.test(v)) return 'shortForm';
  return v;
}

function termTypeOut(v: string): string {
  return v === 'fullForm' ? 'full form' : v === 'shortForm' ? 'short form' : v;
}

/// A kebab-case id from a term ("Contrôles d'exportation" → "controles-d-exportation").
function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s === '' ? 'entry' : s;
}

function langOfCode(code: string): Lang | undefined {
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return primary === 'fr' || primary === 'en' ? primary : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// A glossary entry being assembled from rows.
interface Draft {
  id?: string;
  line: number;
  subjects: string[];
  notes: string[];
  definitions: string[];
  langs: Partial<Record<Lang, { definitions: string[]; notes: string[]; terms: Term[] }>>;
}

function addDistinct(list: string[], value: string): void {
  if (value !== '' && !list.includes(value)) list.push(value);
}

function sectionOf(d: Draft, lang: Lang): { definitions: string[]; notes: string[]; terms: Term[] } {
  return (d.langs[lang] ??= { definitions: [], notes: [], terms: [] });
}

function finish(drafts: Draft[]): TermEntry[] {
  const used = new Set(drafts.map((d) => d.id).filter((id): id is string => id !== undefined));
  const out: TermEntry[] = [];
  for (const d of drafts) {
    const langs: Partial<Record<Lang, LangSection>> = {};
    for (const lang of LANGS) {
      const s = d.langs[lang];
      if (!s || (s.terms.length === 0 && s.notes.length === 0 && s.definitions.length === 0)) continue;
      const section: LangSection = { notes: s.notes, terms: s.terms };
      if (s.definitions.length > 0) section.definition = s.definitions.join('\n');
      langs[lang] = section;
    }
    if (Object.keys(langs).length === 0) continue;
    let id = d.id;
    if (id === undefined) {
      const first = langs.en?.terms[0]?.text ?? langs.fr?.terms[0]?.text ?? 'entry';
      const base = slug(first);
      id = base;
      for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
      used.add(id);
    }
    const entry: TermEntry = { id, langs: {} };
    if (d.subjects.length > 0) entry.subjectField = d.subjects.join('\n');
    const notes = [...d.notes, ...d.definitions];
    if (notes.length > 0) entry.note = notes.join('\n');
    entry.langs = langs;
    out.push(entry);
  }
  return out;
}

const LANG_FIELDS: ReadonlyMap<string, string> = new Map([
  ['term', 'term'],
  ['description', 'definition'],
  ['definition', 'definition'],
  ['part of speech', 'partOfSpeech'],
  ['status', 'status'],
  ['type', 'termType'],
  ['gender', 'gender'],
  ['note', 'note'],
  ['language note', 'langNote'],
  ['url', 'ignore'],
]);

const CONCEPT_FIELDS: ReadonlyMap<string, string> = new Map([
  ['concept id', 'id'],
  ['concept subject', 'subject'],
  ['concept note', 'note'],
  ['concept definition', 'definition'],
  ['concept url', 'ignore'],
  ['concept figure', 'ignore'],
]);

interface CrowdinColumns {
  concept: Map<string, number>;
  langs: Partial<Record<Lang, Map<string, number>>>;
}

/// The Crowdin-like column map of a header row, or undefined if the row is not such a header.
function crowdinColumns(header: CsvRecord): CrowdinColumns | undefined {
  const cols: CrowdinColumns = { concept: new Map(), langs: {} };
  let recognised = false;
  const names = new Map<string, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().replace(/\s+/g, ' ');
    const lower = name.toLowerCase();
    const previous = names.get(lower);
    if (previous !== undefined && lower !== '') {
      throw new CsvError(`the header names column "${name}" twice (columns ${previous + 1} and ${i + 1}).`, header.line);
    }
    names.set(lower, i);
    const concept = CONCEPT_FIELDS.get(lower);
    if (concept !== undefined) {
      recognised = true;
      if (concept !== 'ignore') cols.concept.set(concept, i);
      return;
    }
    const m = /^(.+?)\s*\[([^\]]+)\]$/.exec(lower);
    const field = m ? LANG_FIELDS.get(m[1]!) : undefined;
    if (!m || field === undefined) return;
    recognised = true;
    const lang = langOfCode(m[2]!);
    if (lang === undefined || field === 'ignore') return;
    const map = (cols.langs[lang] ??= new Map());
    const other = map.get(field);
    if (other !== undefined) {
      throw new CsvError(
        `columns "${header.fields[other]!.trim()}" and "${name}" hold the same field; keep one of them.`,
        header.line,
      );
    }
    map.set(field, i);
  });
  return recognised ? cols : undefined;
}

function readCrowdin(records: CsvRecord[], cols: CrowdinColumns, header: CsvRecord): TermEntry[] {
  if (!cols.langs.fr?.has('term') && !cols.langs.en?.has('term')) {
    throw new CsvError('the header has no "Term [fr]" or "Term [en]" column, so there is no French or English term to read.', header.line);
  }
  const width = header.fields.length;
  const drafts: Draft[] = [];
  const byId = new Map<string, Draft>();
  for (const rec of records) {
    const extra = rec.fields.slice(width).findIndex((f) => f.trim() !== '');
    if (extra >= 0) {
      throw new CsvError(`this row has a value in column ${width + extra + 1}, but the header names only ${width} columns.`, rec.line);
    }
    const cell = (i: number | undefined): string => (i === undefined ? '' : cleanCell(rec.fields[i]));
    const id = cell(cols.concept.get('id'));
    let draft = id === '' ? undefined : byId.get(id);
    const fresh = draft === undefined;
    draft ??= { ...(id === '' ? {} : { id }), line: rec.line, subjects: [], notes: [], definitions: [], langs: {} };
    let content = false;

    const subject = cell(cols.concept.get('subject'));
    const note = cell(cols.concept.get('note'));
    const definition = cell(cols.concept.get('definition'));
    addDistinct(draft.subjects, subject);
    addDistinct(draft.notes, note);
    addDistinct(draft.definitions, definition);

    for (const lang of LANGS) {
      const map = cols.langs[lang];
      if (!map) continue;
      const column = (field: string): string => header.fields[map.get(field)!]?.trim() ?? field;
      const text = cell(map.get('term'));
      const def = cell(map.get('definition'));
      const langNote = cell(map.get('langNote'));
      const pos = cell(map.get('partOfSpeech'));
      const statusRaw = cell(map.get('status'));
      const termType = cell(map.get('termType'));
      const gender = cell(map.get('gender'));
      const termNote = cell(map.get('note'));
      if (def !== '') addDistinct(sectionOf(draft, lang).definitions, def);
      if (langNote !== '') sectionOf(draft, lang).notes.push(langNote);
      if (def !== '' || langNote !== '') content = true;
      if (text === '') {
        const orphan = (
          [
            ['partOfSpeech', pos],
            ['status', statusRaw],
            ['termType', termType],
            ['gender', gender],
            ['note', termNote],
          ] as const
        ).find(([, v]) => v !== '');
        if (orphan) {
          throw new CsvError(`"${column(orphan[0])}" is set but "${column('term')}" is empty; a term's details need the term.`, rec.line);
        }
        continue;
      }
      content = true;
      const term: Term = { text, status: parseStatus(statusRaw, rec.line, map.has('status') ? column('status') : `Status [${lang}]`) };
      if (pos !== '') term.partOfSpeech = partOfSpeechIn(pos);
      if (gender !== '') term.gender = gender;
      if (termType !== '') term.termType = termTypeIn(termType);
      if (termNote !== '') term.note = termNote;
      sectionOf(draft, lang).terms.push(term);
    }

    if (fresh && (content || id !== '' || subject !== '' || note !== '' || definition !== '')) {
      drafts.push(draft);
      if (id !== '') byId.set(id, draft);
    }
  }
  return finish(drafts);
}

const WEBLATE_COLUMNS = ['source', 'target', 'context', 'developer_comments', 'translator_comments', 'explanation', 'flags'];

function readPairs(
  records: CsvRecord[],
  cols: Map<string, number>,
  sourceLang: Lang,
  langColumns?: { source: number; target: number },
): TermEntry[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const rec of records) {
    const cell = (name: string): string => {
      const i = cols.get(name);
      return i === undefined ? '' : cleanCell(rec.fields[i]);
    };
    let src = sourceLang;
    let tgt: Lang = sourceLang === 'fr' ? 'en' : 'fr';
    if (langColumns) {
      const a = langOfCode(cleanCell(rec.fields[langColumns.source]));
      const b = langOfCode(cleanCell(rec.fields[langColumns.target]));
      if (a === undefined || b === undefined || a === b) continue; // a pair in other languages
      src = a;
      tgt = b;
    }
    const source = cell('source');
    const target = cell('target');
    if (source === '' && target === '') continue;
    if (source === '') throw new CsvError('the row has a target but no source term.', rec.line);
    const context = cell('context');
    const key = `${src}\u0000${source}\u0000${context}`;
    let draft = byKey.get(key);
    if (!draft) {
      draft = { line: rec.line, subjects: [], notes: [], definitions: [], langs: {} };
      byKey.set(key, draft);
      drafts.push(draft);
      sectionOf(draft, src).terms.push({ text: source, status: 'preferred' });
    }
    addDistinct(draft.notes, cell('developer_comments'));
    const translatorNote = cell('translator_comments');
    const explanation = cell('explanation');
    if (target !== '') {
      const section = sectionOf(draft, tgt);
      if (!section.terms.some((t) => t.text === target)) {
        const forbidden = /(^|[\s,])forbidden($|[\s,])/i.test(cell('flags'));
        const status: TermStatus = forbidden ? 'deprecated' : section.terms.some((t) => t.status === 'preferred') ? 'admitted' : 'preferred';
        const term: Term = { text: target, status };
        if (translatorNote !== '') term.note = translatorNote;
        section.terms.push(term);
      }
      if (explanation !== '') addDistinct(section.definitions, explanation);
    }
  }
  return finish(drafts);
}

/// Parse a glossary CSV (Crowdin-like, Weblate-like or header-less two-column; see the module
/// comment) into term entries, in the order of their first row. Throws `CsvError` on anything
/// it refuses.
export function readGlossaryCsv(text: string, options: ReadGlossaryCsvOptions = {}): TermEntry[] {
  if (typeof text !== 'string') throw new CsvError('glossary CSV input must be text.');
  if (exceedsUtf8Bytes(text, MAX_CSV_BYTES)) {
    throw new CsvError(
      `The CSV file is larger than 10 MB (the limit is ${MAX_CSV_BYTES} bytes of UTF-8); split it into smaller files.`,
    );
  }
  const sourceLang = options.sourceLang ?? 'fr';
  const records = parseCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) throw new CsvError('the CSV file is empty: it has no header and no rows.');
  const [header, ...rows] = records as [CsvRecord, ...CsvRecord[]];

  const crowdin = crowdinColumns(header);
  if (crowdin) return readCrowdin(rows, crowdin, header);

  const lowerHeader = header.fields.map((f) => f.trim().toLowerCase());
  if (lowerHeader.includes('source') && lowerHeader.includes('target')) {
    const cols = new Map<string, number>();
    lowerHeader.forEach((name, i) => {
      if (WEBLATE_COLUMNS.includes(name) && !cols.has(name)) cols.set(name, i);
    });
    return readPairs(rows, cols, sourceLang);
  }

  if (header.fields.length < 2) {
    throw new CsvError(
      'the first row is not a header this reader knows ("Term [fr]", "Term [en]"… or "source", "target") and has a single column, so it is not a two-column glossary either.',
      header.line,
    );
  }
  const cols = new Map([
    ['source', 0],
    ['target', 1],
  ]);
  const codes =
    header.fields.length >= 4 &&
    [header.fields[2], header.fields[3]].every((f) => /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test((f ?? '').trim()));
  return readPairs(records, cols, sourceLang, codes ? { source: 2, target: 3 } : undefined);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const TERM_COLUMNS = ['Term', 'Description', 'Part of Speech', 'Status', 'Type', 'Gender', 'Note', 'Language Note'];

/// The header `writeGlossaryCsv` writes.
export const GLOSSARY_CSV_HEADER: readonly string[] = [
  'Concept ID',
  'Concept Subject',
  'Concept Note',
  ...LANGS.flatMap((lang) => TERM_COLUMNS.map((c) => `${c} [${lang}]`)),
];

function clean(value: unknown): string {
  return String(value ?? '').trim().normalize('NFC');
}

/// Serialise entries as a Crowdin-like glossary CSV (see the module comment): byte-order mark,
/// header, one row per term slot, CRLF line ends. Throws `CsvError` for a model no reader would
/// accept back: an empty or duplicate id, an empty term, an unknown status or language.
export function writeGlossaryCsv(entries: readonly TermEntry[]): string {
  const lines: string[][] = [[...GLOSSARY_CSV_HEADER]];
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = clean(entry.id);
    if (id === '') throw new CsvError('cannot write an entry without an id.');
    if (seen.has(id)) throw new CsvError(`cannot write two entries with the id "${id}".`);
    seen.add(id);
    for (const key of Object.keys(entry.langs)) {
      if (!(LANGS as readonly string[]).includes(key)) {
        throw new CsvError(`entry "${id}" has a section in "${key}", but only fr and en are supported.`);
      }
    }
    const sections = LANGS.map((lang) => entry.langs[lang]);
    const rows = Math.max(1, ...sections.map((s) => Math.max(s?.terms?.length ?? 0, s?.notes?.length ?? 0)));
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [id, r === 0 ? clean(entry.subjectField) : '', r === 0 ? clean(entry.note) : ''];
      LANGS.forEach((lang, k) => {
        const section = sections[k];
        const term = section?.terms?.[r];
        let text = '';
        let pos = '';
        let status = '';
        let type = '';
        let gender = '';
        let note = '';
        if (term) {
          text = clean(term.text);
          if (text === '') throw new CsvError(`entry "${id}" has an empty ${lang} term.`);
          const s = STATUS_OUT.get(term.status);
          if (s === undefined) throw new CsvError(`term "${text}" in entry "${id}" has an unknown status "${String(term.status)}".`);
          status = s;
          pos = partOfSpeechOut(clean(term.partOfSpeech));
          type = termTypeOut(clean(term.termType));
          gender = clean(term.gender);
          note = clean(term.note);
        }
        const definition = r === 0 ? clean(section?.definition) : '';
        const langNote = clean(section?.notes?.[r]);
        cells.push(text, definition, pos, status, type, gender, note, langNote);
      });
      lines.push(cells);
    }
  }
  return writeCsvRows(lines, { bom: true });
}
