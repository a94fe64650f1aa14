/// The term index: every term of a glossary, French and English, in a trie keyed on the loose
/// keys of its content words (see `normalize.ts`), built once and then walked once per text.
///
/// A term is indexed as its content words; its connectors ("de", "l'", "of"…) are kept beside
/// the path, per gap, to rank candidates, not to find them. A term with hyphenated parts is
/// indexed twice: split ("semi" + "conducteur") and closed up ("semiconducteur"), so that
/// "semi-conductor", "semi conductor" and "semiconductor" meet. Terms made only of connectors
/// cannot be matched and are left out.
///
/// Memory and speed: words are interned to integers, trie edges live in one typed-array hash
/// table (`edge-table.ts`), and identical word and gap descriptions are shared between terms —
/// a 10,000-entry glossary (33,000 terms) takes about 20 MB and builds in a few hundred
/// milliseconds (bench/RESULTS.md). Each language also caches what it has worked out about the
/// words of the texts it has seen (`word-cache.ts`: keys and ids), so a repeated word costs one
/// hash lookup and no allocation; the cache starts afresh past `WORD_CACHE_LIMIT` words. The
/// index is therefore not immutable, but matching gives the same results whatever the cache
/// holds.

import { EdgeTable } from './edge-table';
import { IntList } from './int-list';
import { hashRange, WordCache } from './word-cache';
import { LANGS, type Lang, type Term, type TermEntry } from './model';
import { CONNECTORS, connectorKey, prepositionsOf, wordKeys, type WordKeys } from './normalize';
import { GAP_BREAK, GAP_ELISION, GAP_HYPHEN, GAP_SPACE, scanWords, tokenText, type WordScan } from './tokenize';

/// Most connectors accepted in a text between two content words of a term; a term that has
/// more in one gap allows as many there.
export const MAX_CONNECTORS = 2;

/// Most distinct words a language's word cache keeps before starting afresh.
export const WORD_CACHE_LIMIT = 200_000;

/// A glossary term as the index holds it.
export interface IndexedTerm {
  /// Id of the entry the term belongs to.
  entry: string;
  /// Position of the entry in the glossary (earlier wins ties).
  order: number;
  /// The term itself.
  term: Term;
  /// 2 for preferred, 1 for admitted, 0 for deprecated.
  statusRank: number;
  /// The term from its first to its last content word as a form key: each token's form word
  /// (`WordInfo.form`) after what joins it to the previous one (`joinOf`). A text writes the term
  /// exactly (up to case and number) when its tokens give the same key.
  form: string;
  /// Connectors written before the first content word ("à" in "à forte intensité de ressources").
  leading: string[];
  /// Connectors written after the last content word.
  trailing: string[];
}

/// What a term has between two of its content words.
export interface VariantGap {
  /// Connector keys, in order (empty for "puce avancée").
  connectors: string[];
  /// Their prepositions, articles dropped (`prepositionsOf`).
  prepositions: string[];
  /// Punctuation (white space removed) that must separate the words, as in "R&D"; "" if none.
  sep: string;
}

/// What the index knows about one word of a text.
export interface WordInfo {
  /// Connector key, if the word is a connector.
  conn: string | undefined;
  /// The word's keys.
  keys: WordKeys;
  /// Word id in the trie, or -1 if no term has this word.
  id: number;
  /// Id of `keys.lower` among the terms' words, or -1.
  lowerId: number;
  /// Id of `keys.casedLoose` among the terms' words, or -1.
  casedId: number;
  /// How the word counts when comparing a text's spelling with a term's: its connector key for
  /// a connector or elision, else its singular lower-case key.
  form: string;
}

/// The index of one language. A term is indexed as one or two variants (split, and closed up
/// if hyphenated), each a path of content words from the root; the variants ending at a node
/// form a list. Variants, their words and their gaps live in flat arrays:
/// - variant `v` belongs to term `terms[variantTerm[v]]`; the next variant at the same node is
///   `variantNext[v]` (-1 ends the list);
/// - its `k`-th content word is at `variantWords[v] + k` in `wordLower` (id of `WordKeys.lower`:
///   equal ids, same accents), `wordCased` (id of `WordKeys.casedLoose`) and `wordStrict` (1 if
///   a text must write the word with the same capitals, or in all capitals: a word of a proper
///   name that has a capital, or any word with a capital after its first letter — "IA",
///   "DeepSeek"; other words match in any case, their capitals only ranking candidates);
/// - its gap after its `k`-th word is `gapList[gapRefs[variantGaps[v] + k]]`.
export interface LangIndex {
  /// The language.
  lang: Lang;
  /// Loose word key → word id.
  vocab: Map<string, number>;
  /// (node, word id) → child node; node 0 is the root.
  edges: EdgeTable;
  /// Node → 1 if the node has children.
  branching: Uint8Array;
  /// Node → first variant ending there, or -1.
  firstVariant: Int32Array;
  /// Variant → next variant ending at the same node, or -1.
  variantNext: Int32Array;
  /// Variant → its term, in `terms`.
  variantTerm: Int32Array;
  /// Variant → offset of its words in `wordLower`, `wordCased`, `wordStrict`.
  variantWords: Int32Array;
  /// Variant → offset of its gaps in `gapRefs`.
  variantGaps: Int32Array;
  /// Per variant word: id of its lower-case key.
  wordLower: Int32Array;
  /// Per variant word: id of its cased loose key.
  wordCased: Int32Array;
  /// Per variant word: 1 if its capitals must agree.
  wordStrict: Uint8Array;
  /// Per variant gap: index in `gapList`.
  gapRefs: Int32Array;
  /// The distinct gaps.
  gapList: VariantGap[];
  /// The terms.
  terms: IndexedTerm[];
  /// Punctuation found between the content words of some term ("&" for "R&D").
  breakSeps: Set<string>;
  /// Largest number of connectors a text may have in one gap, over all terms.
  maxConnectors: number;
  /// Number of terms indexed.
  termCount: number;
  /// Words of texts seen so far → what the index knows about them.
  words: WordCache<WordInfo>;
  /// Ids of the terms' `WordKeys.lower` keys.
  lowerIds: Map<string, number>;
  /// Ids of the terms' `WordKeys.casedLoose` keys.
  casedIds: Map<string, number>;
  /// Token arrays reused by `matchTerms` from call to call.
  scratch: WordScan;
}

/// A glossary ready for matching: build it once with `buildTermIndex`, then match any number
/// of texts with `matchTerms`. Treat it as opaque.
export interface TermIndex {
  /// The glossary's entries by id.
  readonly entries: ReadonlyMap<string, TermEntry>;
  /// One trie per language.
  readonly langs: Readonly<Record<Lang, LangIndex>>;
}

// Local copies of hot imports (see match.ts).
const BREAK = GAP_BREAK;
const HYPHEN = GAP_HYPHEN;
const SPACE = GAP_SPACE;
const ELISION = GAP_ELISION;
const keysOf = wordKeys;
const connectors = CONNECTORS;
const connectorKeyOf = connectorKey;

/// A capital after the first letter: an acronym or a mixed-case name ("IA", "DeepSeek", "xAI").
const INNER_CAPITAL = /.\p{Lu}/u;

function newWordInfo(li: LangIndex, word: string): WordInfo {
  const keys = keysOf(word, li.lang);
  const c = word.length <= 5 ? connectorKeyOf(word) : '';
  const conn = connectors[li.lang].has(c) ? c : undefined;
  const elided = word.endsWith("'") || word.endsWith('’') || word.endsWith('ʼ');
  return {
    conn,
    keys,
    id: conn === undefined ? (li.vocab.get(keys.loose) ?? -1) : -1,
    lowerId: li.lowerIds.get(keys.lower) ?? -1,
    casedId: li.casedIds.get(keys.casedLoose) ?? -1,
    form: conn ?? (elided ? connectorKeyOf(word) : keys.lower),
  };
}

/// What the index knows about the word `text[start..end)` (a token) in `li`'s language, cached.
export function wordInfoAt(li: LangIndex, text: string, start: number, end: number): WordInfo {
  const hash = hashRange(text, start, end);
  let info = li.words.find(text, start, end, hash);
  if (info === undefined) {
    if (li.words.size >= WORD_CACHE_LIMIT) li.words.clear();
    const word = text.slice(start, end);
    info = newWordInfo(li, word);
    li.words.add(word, hash, info);
  }
  return info;
}

/// What the index knows about `word` (a token's text) in `li`'s language, cached.
export function wordInfo(li: LangIndex, word: string): WordInfo {
  return wordInfoAt(li, word, 0, word.length);
}

/// What joins a token to the previous one in a form key: " " after white space, "-" after a
/// hyphen, "" after an elision, the punctuation of a break.
export function joinOf(gap: number, sep: string): string {
  return gap === SPACE ? ' ' : gap === HYPHEN ? '-' : gap === ELISION ? '' : sep;
}

interface Builder {
  index: LangIndex;
  /// The flat arrays of `LangIndex`, growing.
  branching: IntList;
  firstVariant: IntList;
  variantNext: IntList;
  variantTerm: IntList;
  variantWords: IntList;
  variantGaps: IntList;
  wordLower: IntList;
  wordCased: IntList;
  wordStrict: IntList;
  gapRefs: IntList;
  /// Gaps already made, by connectors and separator → index in `gapList`.
  gaps: Map<string, number>;
  /// Scratch space reused from term to term.
  scan: WordScan;
  infos: WordInfo[];
  content: number[];
  ids: number[];
}

const NO_WORDS: string[] = [];
const PLAIN_GAP: VariantGap = { connectors: NO_WORDS, prepositions: NO_WORDS, sep: '' };

function newBuilder(lang: Lang): Builder {
  const b: Builder = {
    index: {
      lang,
      vocab: new Map(),
      edges: new EdgeTable(4096),
      branching: new Uint8Array(0),
      firstVariant: new Int32Array(0),
      variantNext: new Int32Array(0),
      variantTerm: new Int32Array(0),
      variantWords: new Int32Array(0),
      variantGaps: new Int32Array(0),
      wordLower: new Int32Array(0),
      wordCased: new Int32Array(0),
      wordStrict: new Uint8Array(0),
      gapRefs: new Int32Array(0),
      gapList: [PLAIN_GAP],
      terms: [],
      breakSeps: new Set(),
      maxConnectors: MAX_CONNECTORS,
      termCount: 0,
      words: new WordCache(4096),
      lowerIds: new Map(),
      casedIds: new Map(),
      scratch: scanWords('', lang),
    },
    branching: new IntList(4096),
    firstVariant: new IntList(4096),
    variantNext: new IntList(4096),
    variantTerm: new IntList(4096),
    variantWords: new IntList(4096),
    variantGaps: new IntList(4096),
    wordLower: new IntList(8192),
    wordCased: new IntList(8192),
    wordStrict: new IntList(8192),
    gapRefs: new IntList(4096),
    gaps: new Map(),
    scan: scanWords('', lang),
    infos: [],
    content: [],
    ids: [],
  };
  b.branching.push(0); // the root
  b.firstVariant.push(-1);
  return b;
}

/// The word id of a loose key, made if new.
function vocabId(index: LangIndex, key: string): number {
  let id = index.vocab.get(key);
  if (id === undefined) {
    id = index.vocab.size;
    index.vocab.set(key, id);
  }
  return id;
}

/// The node at the end of the path `ids` from the root, made if new.
function pathEnd(b: Builder, ids: readonly number[], count: number): number {
  const edges = b.index.edges;
  let node = 0;
  for (let k = 0; k < count; k++) {
    const id = ids[k]!;
    let child = edges.get(node, id);
    if (child < 0) {
      child = b.branching.push(0);
      b.firstVariant.push(-1);
      edges.set(node, id, child);
      b.branching.set(node, 1);
    }
    node = child;
  }
  return node;
}

/// Start a variant of term `termNo` ending at `node`, appended to the node's list.
function addVariant(b: Builder, node: number, termNo: number): void {
  const v = b.variantTerm.push(termNo);
  b.variantWords.push(b.wordLower.length);
  b.variantGaps.push(b.gapRefs.length);
  b.variantNext.push(-1);
  let last = b.firstVariant.get(node);
  if (last < 0) {
    b.firstVariant.set(node, v);
    return;
  }
  while (b.variantNext.get(last) >= 0) last = b.variantNext.get(last);
  b.variantNext.set(last, v);
}

/// Add a content word to the variant being made. `info`, when given, keeps the word's ids for
/// the next term that has it (the cache of words is emptied once the index is built).
function addWord(b: Builder, keys: WordKeys, properName: boolean, info?: WordInfo): void {
  const li = b.index;
  let lowerId = info?.lowerId ?? -1;
  let casedId = info?.casedId ?? -1;
  if (lowerId < 0 || casedId < 0) {
    lowerId = intern(li.lowerIds, keys.lower);
    casedId = intern(li.casedIds, keys.casedLoose);
    if (info !== undefined) {
      info.lowerId = lowerId;
      info.casedId = casedId;
    }
  }
  b.wordLower.push(lowerId);
  b.wordCased.push(casedId);
  b.wordStrict.push(keys.hasUpper && (properName || INNER_CAPITAL.test(keys.folded)) ? 1 : 0);
}

/// Add to the variant being made the gap between the term's content tokens `a` and `z`.
function addGap(b: Builder, scan: WordScan, infos: readonly WordInfo[], a: number, z: number): void {
  if (z === a + 1 && scan.gaps[z] !== BREAK) {
    b.gapRefs.push(0); // PLAIN_GAP
    return;
  }
  let key = '';
  let sep = '';
  for (let i = a + 1; i <= z; i++) {
    if (scan.gaps[i] === BREAK) sep += scan.seps[i]!;
    if (i < z) key += `${infos[i]!.conn!}\u0000`;
  }
  key += sep;
  let g = b.gaps.get(key);
  if (g === undefined) {
    const connectors = infos.slice(a + 1, z).map((info) => info.conn!);
    const li = b.index;
    if (sep !== '') li.breakSeps.add(sep);
    if (connectors.length > li.maxConnectors) li.maxConnectors = connectors.length;
    g = li.gapList.push({ connectors, prepositions: prepositionsOf(connectors).slice(), sep }) - 1;
    b.gaps.set(key, g);
  }
  b.gapRefs.push(g);
}

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

const COMBINING = /[\u0300-\u036f]/;

/// `s` as one flat string rather than a tree of concatenations (smaller, and faster to compare).
function flat(s: string): string {
  return s.length > 0 ? s.charAt(0) + s.slice(1) : s;
}

function addTerm(b: Builder, entry: TermEntry, order: number, term: Term): void {
  const li = b.index;
  let text = String(term.text ?? '').trim();
  if (COMBINING.test(text)) text = text.normalize('NFC');
  if (text === '') return;
  const scan = scanWords(text, li.lang, b.scan);
  const count = scan.count;
  const infos = b.infos;
  const content = b.content;
  content.length = 0;
  for (let i = 0; i < count; i++) {
    const info = wordInfoAt(li, text, scan.starts[i]!, scan.ends[i]!);
    infos[i] = info;
    if (info.conn === undefined) {
      content.push(i);
      // Give the word its id now, so that later terms find it without a lookup.
      if (info.id < 0) info.id = vocabId(li, info.keys.loose);
    }
  }
  if (content.length === 0) return;
  const first = content[0]!;
  const last = content[content.length - 1]!;

  let form = infos[first]!.form;
  for (let i = first + 1; i <= last; i++) form += joinOf(scan.gaps[i]!, scan.seps[i]!) + infos[i]!.form;
  if (last > first) form = flat(form);
  const termNo =
    li.terms.push({
      entry: entry.id,
      order,
      term,
      statusRank: term.status === 'preferred' ? 2 : term.status === 'deprecated' ? 0 : 1,
      form,
      leading: first === 0 ? NO_WORDS : infos.slice(0, first).map((info) => info.conn!),
      trailing: last === count - 1 ? NO_WORDS : infos.slice(last + 1, count).map((info) => info.conn!),
    }) - 1;
  const properName = term.partOfSpeech === 'properNoun';

  // Split: one content word per token.
  const words = content.length;
  const ids = b.ids;
  ids.length = words;
  let hyphenated = false;
  for (let k = 0; k < words; k++) ids[k] = infos[content[k]!]!.id;
  addVariant(b, pathEnd(b, ids, words), termNo);
  for (let k = 0; k < words; k++) {
    const i = content[k]!;
    addWord(b, infos[i]!.keys, properName, infos[i]);
    if (k > 0) {
      addGap(b, scan, infos, content[k - 1]!, i);
      if (content[k - 1] === i - 1 && scan.gaps[i] === HYPHEN) hyphenated = true;
    }
  }

  // Closed up: hyphenated content words written as one ("semiconductor").
  if (hyphenated) {
    const groups: number[][] = [];
    for (let k = 0; k < words; k++) {
      const i = content[k]!;
      const previous = groups[groups.length - 1];
      if (previous !== undefined && k > 0 && content[k - 1] === i - 1 && scan.gaps[i] === HYPHEN) previous.push(i);
      else groups.push([i]);
    }
    const keys = groups.map((g) => keysOf(g.map((i) => tokenText(scan, i)).join(''), li.lang));
    const jIds = keys.map((k) => vocabId(li, k.loose));
    addVariant(b, pathEnd(b, jIds, jIds.length), termNo);
    groups.forEach((g, k) => {
      addWord(b, keys[k]!, properName);
      if (k > 0) {
        const before = groups[k - 1]!;
        addGap(b, scan, infos, before[before.length - 1]!, g[0]!);
      }
    });
  }
  li.termCount++;
}

/// Index every term (preferred, admitted and deprecated) of every entry, in both languages.
/// Linear in the size of the glossary.
export function buildTermIndex(entries: readonly TermEntry[]): TermIndex {
  const builders = { fr: newBuilder('fr'), en: newBuilder('en') } satisfies Record<Lang, Builder>;
  const byId = new Map<string, TermEntry>();
  entries.forEach((entry, order) => {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
    for (const lang of LANGS) {
      for (const term of entry.langs[lang]?.terms ?? []) addTerm(builders[lang], entry, order, term);
    }
  });
  const finish = (b: Builder): LangIndex => {
    // Words cached while building may predate their ids: start the cache afresh.
    b.index.words.clear();
    return {
      ...b.index,
      branching: b.branching.toUint8Array(),
      firstVariant: b.firstVariant.toInt32Array(),
      variantNext: b.variantNext.toInt32Array(),
      variantTerm: b.variantTerm.toInt32Array(),
      variantWords: b.variantWords.toInt32Array(),
      variantGaps: b.variantGaps.toInt32Array(),
      wordLower: b.wordLower.toInt32Array(),
      wordCased: b.wordCased.toInt32Array(),
      wordStrict: b.wordStrict.toUint8Array(),
      gapRefs: b.gapRefs.toInt32Array(),
    };
  };
  return { entries: byId, langs: { fr: finish(builders.fr), en: finish(builders.en) } };
}
