/// TBX-Basic reader and writer.
///
/// Writes the TBX 2008 / ISO 30042:2008 "martif" form:
/// `<martif type="TBX-Basic">` › `<text><body>` › `<termEntry id>` › `<langSet xml:lang>` › `<tig>`.
/// Reads that form, `ntig`/`termGrp`, and TBX v3 (ISO 30042:2019) `<tbx>` › `conceptEntry` ›
/// `langSec` › `termSec`, in both the DCA style (`<termNote type="partOfSpeech">`) and the DCT style
/// (`<basic:partOfSpeech>`).
///
/// Reading is defensive, since term bases are uploaded by users: input over 10 MB (UTF-8 bytes),
/// any DOCTYPE (which is how external entities — XXE — and entity-expansion bombs get in), malformed
/// XML, unexpected roots, languages other than French and English, entries without an id and
/// duplicate ids are all refused with a `TbxError` whose message says what and where.
///
/// Normalisation: every text value read is trimmed and put in Unicode NFC, and an empty optional
/// value (a blank `<note/>`, say) counts as absent. The writer applies the same rules, so
/// `readTbx(writeTbx(x))` deep-equals `x` for any `x` already in that form — which includes
/// everything `readTbx` returns. Several values where the model holds one (two entry-level
/// `<note>`s, two definitions…) are joined with a newline. A term without `administrativeStatus`
/// is `admitted`.
///
/// Pure: no file system; callers pass and receive strings.

import { findControlCharacterIn } from '../text/controls';
import { SaxesParser } from 'saxes';
import type { Lang, LangSection, Term, TermEntry, TermStatus } from '../glossary/model';
import { exceedsUtf8Bytes } from '../text/decode';

/// The largest input `readTbx` accepts, in UTF-8 bytes (10 MB).
export const MAX_TBX_BYTES = 10 * 1024 * 1024;

/// Deepest element nesting `readTbx` accepts (TBX needs about ten levels).
export const MAX_TBX_DEPTH = 64;

/// Any problem reading or writing TBX. The message is meant for the person who supplied the file;
/// `line` is the 1-based line the problem was found on, when known.
export class TbxError extends Error {
  /// 1-based line number in the input, when the problem has a position.
  readonly line?: number;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'TbxError';
    if (line !== undefined) this.line = line;
  }
}

/// Options for `writeTbx`.
export interface WriteTbxOptions {
  /// Title written in the header (`martifHeader/fileDesc/titleStmt/title`).
  title?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

interface XNode {
  name: string;
  attrs: Record<string, string>;
  line: number;
  content: (XNode | string)[];
}

/// Parse a TBX document (TBX-Basic 2008 `martif`, or TBX v3 `tbx`) into term entries, in document
/// order. Throws `TbxError` on anything it refuses (see the module comment).
export function readTbx(xml: string): TermEntry[] {
  if (typeof xml !== 'string') throw new TbxError('TBX input must be text.');
  if (exceedsUtf8Bytes(xml, MAX_TBX_BYTES)) {
    throw new TbxError(
      `The TBX file is larger than 10 MB (the limit is ${MAX_TBX_BYTES} bytes of UTF-8); split it into smaller files.`,
    );
  }
  const root = parseXml(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  const entries = readDocument(root);
  // Character references (&#x80;) get past the check on the file's text: check what they made.
  const control = findControlCharacterIn(entries);
  if (control) throw new TbxError(`entry ${control.path}: control character ${control.character} is not allowed (only tab and line breaks are).`);
  return entries;
}


function parseXml(xml: string): XNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XNode[] = [];
  let root: XNode | undefined;

  parser.on('error', (err: Error) => {
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(err.message);
    const line = m ? Number(m[1]) : parser.line;
    const reason = m ? m[3] : err.message;
    throw new TbxError(`malformed XML: ${reason.replace(/\.$/, '')}.`, line);
  });
  parser.on('doctype', () => {
    throw new TbxError(
      'DOCTYPE declarations are not allowed in TBX files (they can load external entities or expand into entity bombs); remove the <!DOCTYPE …> line.',
      parser.line,
    );
  });
  parser.on('opentag', (tag) => {
    const node: XNode = { name: tag.name, attrs: tag.attributes, line: parser.line, content: [] };
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.content.push(node);
    } else {
      if (tag.name !== 'martif' && tag.name !== 'tbx') {
        throw new TbxError(
          `the root element is <${tag.name}>, but a TBX file must start with <martif> (TBX 2008) or <tbx> (TBX v3).`,
          parser.line,
        );
      }
      root = node;
    }
    stack.push(node);
    if (stack.length > MAX_TBX_DEPTH) {
      throw new TbxError(`elements are nested more than ${MAX_TBX_DEPTH} deep.`, parser.line);
    }
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.content.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof TbxError) throw err;
    throw new TbxError(`malformed XML: ${err instanceof Error ? err.message : String(err)}`, parser.line);
  }
  if (!root) throw new TbxError('the document has no root element.');
  return root;
}

function childElements(node: XNode): XNode[] {
  return node.content.filter((c): c is XNode => typeof c !== 'string');
}

function textContent(node: XNode): string {
  let out = '';
  for (const c of node.content) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/// The trimmed NFC text of `node`.
function valueOf(node: XNode): string {
  return textContent(node).trim().normalize('NFC');
}

/// The local part of a possibly prefixed name (`basic:partOfSpeech` → `partOfSpeech`).
function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function join(previous: string | undefined, next: string): string {
  return previous === undefined ? next : `${previous}\n${next}`;
}

function readDocument(root: XNode): TermEntry[] {
  const text = childElements(root).find((n) => n.name === 'text');
  if (!text) throw new TbxError(`<${root.name}> has no <text> element, so it holds no terminology.`, root.line);
  const body = childElements(text).find((n) => n.name === 'body');
  if (!body) throw new TbxError('<text> has no <body> element.', text.line);

  const entries: TermEntry[] = [];
  const seen = new Map<string, number>();
  for (const node of childElements(body)) {
    if (node.name !== 'termEntry' && node.name !== 'conceptEntry') continue;
    const id = (node.attrs['id'] ?? '').trim();
    if (id === '') throw new TbxError(`<${node.name}> has no id attribute; every entry needs a unique id.`, node.line);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new TbxError(`duplicate entry id "${id}" (first used on line ${first}); ids must be unique.`, node.line);
    }
    seen.set(id, node.line);
    entries.push(readEntry(node, id));
  }
  return entries;
}

function readEntry(node: XNode, id: string): TermEntry {
  const entry: TermEntry = { id, langs: {} };
  const langLines: Partial<Record<Lang, number>> = {};
  const onDescrip = (d: XNode): void => {
    if (d.attrs['type'] === 'subjectField') {
      const v = valueOf(d);
      if (v !== '') entry.subjectField = join(entry.subjectField, v);
    }
  };
  for (const child of childElements(node)) {
    const name = child.name;
    if (name === 'descrip') onDescrip(child);
    else if (name === 'descripGrp') childElements(child).filter((d) => d.name === 'descrip').forEach(onDescrip);
    else if (name === 'note') {
      const v = valueOf(child);
      if (v !== '') entry.note = join(entry.note, v);
    } else if (name.includes(':') && localName(name) === 'subjectField') {
      const v = valueOf(child);
      if (v !== '') entry.subjectField = join(entry.subjectField, v);
    } else if (name === 'langSet' || name === 'langSec') {
      const lang = readLang(child, id);
      const previous = langLines[lang];
      if (previous !== undefined) {
        throw new TbxError(
          `entry "${id}" has a second <${name}> for "${lang}" (the first is on line ${previous}); merge them.`,
          child.line,
        );
      }
      langLines[lang] = child.line;
      entry.langs[lang] = readLangSection(child, id);
    }
  }
  return entry;
}

function readLang(node: XNode, id: string): Lang {
  const raw = node.attrs['xml:lang'];
  if (raw === undefined || raw.trim() === '') {
    throw new TbxError(`<${node.name}> in entry "${id}" has no xml:lang attribute.`, node.line);
  }
  const primary = raw.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'fr' || primary === 'en') return primary;
  throw new TbxError(
    `<${node.name}> in entry "${id}" is in language "${raw}", but only French (fr) and English (en) are supported.`,
    node.line,
  );
}

function readLangSection(node: XNode, id: string): LangSection {
  const section: LangSection = { notes: [], terms: [] };
  const onDescrip = (d: XNode): void => {
    const type = d.attrs['type'];
    if (type === 'definition') {
      const v = valueOf(d);
      if (v !== '') section.definition = join(section.definition, v);
    }
  };
  for (const child of childElements(node)) {
    const name = child.name;
    if (name === 'descrip') onDescrip(child);
    else if (name === 'descripGrp') childElements(child).filter((d) => d.name === 'descrip').forEach(onDescrip);
    else if (name.includes(':') && localName(name) === 'definition') {
      const v = valueOf(child);
      if (v !== '') section.definition = join(section.definition, v);
    } else if (name === 'note') {
      const v = valueOf(child);
      if (v !== '') section.notes.push(v);
    } else if (name === 'tig' || name === 'ntig' || name === 'termSec') {
      section.terms.push(readTerm(child, id));
    }
  }
  return section;
}

const TERM_NOTE_TYPES = new Set(['partOfSpeech', 'administrativeStatus', 'normativeAuthorization', 'grammaticalGender', 'termType']);

function readTerm(node: XNode, id: string): Term {
  let termNode: XNode | undefined;
  const notes: Record<string, string> = {};
  let note: string | undefined;

  const onTermNote = (type: string, n: XNode): void => {
    if (!TERM_NOTE_TYPES.has(type) || notes[type] !== undefined) return;
    const v = valueOf(n);
    if (v !== '') notes[type] = v;
  };
  const visit = (container: XNode): void => {
    for (const child of childElements(container)) {
      const name = child.name;
      if (name === 'term') {
        if (termNode) {
          throw new TbxError(`<${node.name}> in entry "${id}" has more than one <term>; give each term its own <${node.name}>.`, child.line);
        }
        termNode = child;
      } else if (name === 'termNote') {
        onTermNote(child.attrs['type'] ?? '', child);
      } else if (name === 'note') {
        const v = valueOf(child);
        if (v !== '') note = join(note, v);
      } else if (name === 'termGrp' || name === 'termNoteGrp') {
        visit(child);
      } else if (name.includes(':')) {
        onTermNote(localName(name), child);
      }
    }
  };
  visit(node);

  if (!termNode) throw new TbxError(`<${node.name}> in entry "${id}" has no <term>.`, node.line);
  const text = valueOf(termNode);
  if (text === '') throw new TbxError(`empty <term> in entry "${id}".`, termNode.line);

  const rawStatus = notes['administrativeStatus'] ?? notes['normativeAuthorization'];
  const term: Term = { text, status: rawStatus === undefined ? 'admitted' : parseStatus(rawStatus, text, id, node.line) };
  if (notes['partOfSpeech'] !== undefined) term.partOfSpeech = notes['partOfSpeech'];
  if (notes['grammaticalGender'] !== undefined) term.gender = notes['grammaticalGender'];
  if (notes['termType'] !== undefined) term.termType = notes['termType'];
  if (note !== undefined) term.note = note;
  return term;
}

function parseStatus(raw: string, term: string, id: string, line: number): TermStatus {
  switch (raw.replace(/-admn-sts$/, '')) {
    case 'preferredTerm':
    case 'preferred':
      return 'preferred';
    case 'admittedTerm':
    case 'admitted':
      return 'admitted';
    case 'deprecatedTerm':
    case 'deprecated':
    case 'supersededTerm':
    case 'superseded':
      return 'deprecated';
    default:
      throw new TbxError(
        `term "${term}" in entry "${id}" has an unknown administrativeStatus "${raw}" (expected preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts).`,
        line,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const STATUS_VALUES: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
};

const WRITE_ORDER: readonly Lang[] = ['fr', 'en'];

// Characters XML 1.0 cannot carry at all, even as references, and unpaired surrogates.
const ILLEGAL_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/// Serialise entries as a TBX-Basic (TBX 2008 `martif`) document: UTF-8 XML declaration, 2-space
/// indentation, entries in the given order, French before English, and within a term the term
/// notes in the order partOfSpeech, administrativeStatus, grammaticalGender, termType, then the
/// note. Text values are trimmed and NFC-normalised; empty optional values are left out. Throws
/// `TbxError` for a model no reader would accept back: an empty or duplicate id, an empty term,
/// an unknown status or language, or a character XML cannot represent.
export function writeTbx(entries: TermEntry[], opts: WriteTbxOptions = {}): string {
  const out: string[] = [];
  const line = (depth: number, s: string): void => {
    out.push('  '.repeat(depth) + s);
  };
  const where = { id: '' };
  const clean = (s: string): string => {
    const v = String(s).trim().normalize('NFC');
    const bad = ILLEGAL_XML_CHAR.exec(v);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new TbxError(
        `${where.id ? `entry "${where.id}": ` : ''}text contains U+${code}, a character XML cannot carry.`,
      );
    }
    return v;
  };
  const element = (depth: number, tag: string, attrs: string, value: string | undefined): void => {
    if (value === undefined) return;
    const v = clean(value);
    if (v === '') return;
    line(depth, `<${tag}${attrs}>${escapeText(v)}</${tag}>`);
  };

  line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  line(0, '<martif type="TBX-Basic" xml:lang="en">');
  line(1, '<martifHeader>');
  line(2, '<fileDesc>');
  line(3, '<titleStmt>');
  line(4, `<title>${escapeText(clean(opts.title ?? 'Vis-à-vis glossary') || 'Vis-à-vis glossary')}</title>`);
  line(3, '</titleStmt>');
  line(3, '<sourceDesc>');
  line(4, '<p>Written by Vis-à-vis.</p>');
  line(3, '</sourceDesc>');
  line(2, '</fileDesc>');
  line(2, '<encodingDesc>');
  line(3, '<p type="XCSURI">TBXBasicXCSV02.xcs</p>');
  line(2, '</encodingDesc>');
  line(1, '</martifHeader>');
  line(1, '<text>');
  line(2, '<body>');

  const seen = new Set<string>();
  for (const entry of entries) {
    where.id = '';
    const id = clean(entry.id ?? '');
    if (id === '') throw new TbxError('cannot write an entry without an id.');
    if (seen.has(id)) throw new TbxError(`cannot write two entries with the id "${id}".`);
    seen.add(id);
    where.id = id;
    for (const key of Object.keys(entry.langs)) {
      if (!(WRITE_ORDER as readonly string[]).includes(key)) {
        throw new TbxError(`entry "${id}" has a section in "${key}", but only fr and en are supported.`);
      }
    }

    line(3, `<termEntry id="${escapeAttr(id)}">`);
    element(4, 'descrip', ' type="subjectField"', entry.subjectField);
    element(4, 'note', '', entry.note);
    for (const lang of WRITE_ORDER) {
      const section = entry.langs[lang];
      if (!section) continue;
      line(4, `<langSet xml:lang="${lang}">`);
      element(5, 'descrip', ' type="definition"', section.definition);
      for (const n of section.notes ?? []) element(5, 'note', '', n);
      for (const term of section.terms ?? []) {
        const text = clean(term.text ?? '');
        if (text === '') throw new TbxError(`entry "${id}" has an empty ${lang} term.`);
        const status = STATUS_VALUES[term.status];
        if (status === undefined) {
          throw new TbxError(`term "${text}" in entry "${id}" has an unknown status "${String(term.status)}".`);
        }
        line(5, '<tig>');
        line(6, `<term>${escapeText(text)}</term>`);
        element(6, 'termNote', ' type="partOfSpeech"', term.partOfSpeech);
        line(6, `<termNote type="administrativeStatus">${status}</termNote>`);
        element(6, 'termNote', ' type="grammaticalGender"', term.gender);
        element(6, 'termNote', ' type="termType"', term.termType);
        element(6, 'note', '', term.note);
        line(5, '</tig>');
      }
      line(4, '</langSet>');
    }
    line(3, '</termEntry>');
  }

  line(2, '</body>');
  line(1, '</text>');
  line(0, '</martif>');
  return out.join('\n') + '\n';
}

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}
