/// The term index: every term of a glossary, French and English, in a trie keyed on the loose
/// keys of its content words (see `normalize.ts`), built once and then walked once per text.
///
/// A term is indexed as its content words; its connectors ("de", "l'", "of"…) are kept beside
/// the path, per gap, to rank candidates, not to find them. A term with hyphenated parts is
/// indexed twice: split ("semi" + "conducteur") and closed up ("semiconducteur"), so that
/// "semi-conductor", "semi conductor" and "semiconductor" meet. Terms made only of connectors
/// cannot be matched and are left out.
///
/// Words are interned to integers and trie edges live in one typed-array hash table
/// (`edge-table.ts`), which keeps a 10,000-entry glossary to a few megabytes. Each language
/// also caches what it has worked out about the words of the texts it has seen (their keys and
/// ids), so repeated words cost one lookup; the cache is emptied when it grows past
/// `WORD_CACHE_LIMIT` words.

import { EdgeTable } from './edge-table';
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

/// One content word of an indexed term.
export interface VariantToken {
  /// Id of its singular lower-case key with accents (`WordKeys.lower`): equal ids, same accents.
  lowerId: number;
  /// Id of its singular key with capitals, without accents (`WordKeys.casedLoose`).
  casedId: number;
  /// True if a text must write the word with the same capitals (or in all capitals): a word of a
  /// proper name that has a capital, or any word with a capital after its first letter (an
  /// acronym or a mixed-case name: "IA", "DeepSeek"). Other words match in any case; their
  /// capitals only rank candidates ("Internet des objets" before "internet des objets").
  cased: boolean;
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

/// One way of spelling a term as a sequence of content words (split or closed up).
export interface TermVariant {
  term: IndexedTerm;
  tokens: VariantToken[];
  gaps: VariantGap[];
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

/// The index of one language.
export interface LangIndex {
  /// The language.
  lang: Lang;
  /// Loose word key → word id.
  vocab: Map<string, number>;
  /// (node, word id) → child node; node 0 is the root.
  edges: EdgeTable;
  /// Node → the variants that end there.
  terminals: (TermVariant[] | undefined)[];
  /// Node → 1 if the node has children.
  branching: Uint8Array;
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

const STATUS_RANK = { preferred: 2, admitted: 1, deprecated: 0 } as const;

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
  children: number[];
  /// Variant tokens already made, by word and proper-name flag, to share them.
  tokens: Map<string, VariantToken>;
}

function newBuilder(lang: Lang): Builder {
  return {
    index: {
      lang,
      vocab: new Map(),
      edges: new EdgeTable(4096),
      terminals: [undefined],
      branching: new Uint8Array(0),
      breakSeps: new Set(),
      maxConnectors: MAX_CONNECTORS,
      termCount: 0,
      words: new WordCache(4096),
      lowerIds: new Map(),
      casedIds: new Map(),
    },
    children: [0],
    tokens: new Map(),
  };
}

const NO_WORDS: string[] = [];
const PLAIN_GAP: VariantGap = { connectors: NO_WORDS, prepositions: NO_WORDS, sep: '' };

function insert(b: Builder, looseKeys: readonly string[], variant: TermVariant): void {
  const { index } = b;
  let node = 0;
  for (const key of looseKeys) {
    let id = index.vocab.get(key);
    if (id === undefined) {
      id = index.vocab.size;
      index.vocab.set(key, id);
    }
    let child = index.edges.get(node, id);
    if (child < 0) {
      child = index.terminals.length;
      index.terminals.push(undefined);
      b.children.push(0);
      index.edges.set(node, id, child);
      b.children[node] = 1;
    }
    node = child;
  }
  (index.terminals[node] ??= []).push(variant);
}

/// The gap of a term between its content tokens `a` and `z`.
function gapBetween(b: Builder, scan: WordScan, infos: readonly WordInfo[], a: number, z: number): VariantGap {
  if (z === a + 1 && scan.gaps[z] !== BREAK) return PLAIN_GAP;
  const connectors: string[] = [];
  let sep = '';
  for (let i = a + 1; i <= z; i++) {
    if (scan.gaps[i] === BREAK) sep += scan.seps[i]!;
    if (i < z) connectors.push(infos[i]!.conn!);
  }
  const li = b.index;
  if (sep !== '') li.breakSeps.add(sep);
  if (connectors.length > li.maxConnectors) li.maxConnectors = connectors.length;
  return { connectors, prepositions: prepositionsOf(connectors), sep };
}

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/// The variant token of `word` (its keys given), shared between terms.
function variantToken(b: Builder, word: string, keys: WordKeys, properName: boolean): VariantToken {
  const cacheKey = properName ? `P${word}` : `C${word}`;
  let v = b.tokens.get(cacheKey);
  if (v === undefined) {
    const cased = keys.hasUpper && (properName || INNER_CAPITAL.test(word));
    v = { lowerId: intern(b.index.lowerIds, keys.lower), casedId: intern(b.index.casedIds, keys.casedLoose), cased };
    b.tokens.set(cacheKey, v);
  }
  return v;
}

function addTerm(b: Builder, entry: TermEntry, order: number, term: Term): void {
  const li = b.index;
  const text = String(term.text ?? '').normalize('NFC').trim();
  if (text === '') return;
  const scan = scanWords(text, li.lang);
  const count = scan.count;
  const infos: WordInfo[] = new Array(count);
  const content: number[] = [];
  for (let i = 0; i < count; i++) {
    infos[i] = wordInfoAt(li, text, scan.starts[i]!, scan.ends[i]!);
    if (infos[i]!.conn === undefined) content.push(i);
  }
  if (content.length === 0) return;
  const first = content[0]!;
  const last = content[content.length - 1]!;

  let form = infos[first]!.form;
  for (let i = first + 1; i <= last; i++) form += joinOf(scan.gaps[i]!, scan.seps[i]!) + infos[i]!.form;
  const indexed: IndexedTerm = {
    entry: entry.id,
    order,
    term,
    statusRank: STATUS_RANK[term.status] ?? 1,
    form,
    leading: first === 0 ? NO_WORDS : infos.slice(0, first).map((info) => info.conn!),
    trailing: last === count - 1 ? NO_WORDS : infos.slice(last + 1).map((info) => info.conn!),
  };
  const properName = term.partOfSpeech === 'properNoun';

  // Split: one content word per token.
  const keys: string[] = [];
  const tokens: VariantToken[] = [];
  const gaps: VariantGap[] = [];
  let hyphenated = false;
  for (let k = 0; k < content.length; k++) {
    const i = content[k]!;
    const info = infos[i]!;
    keys.push(info.keys.loose);
    tokens.push(variantToken(b, tokenText(scan, i), info.keys, properName));
    if (k > 0) {
      gaps.push(gapBetween(b, scan, infos, content[k - 1]!, i));
      if (content[k - 1] === i - 1 && scan.gaps[i] === HYPHEN) hyphenated = true;
    }
  }
  insert(b, keys, { term: indexed, tokens, gaps });

  // Closed up: hyphenated content words written as one ("semiconductor").
  if (hyphenated) {
    const groups: number[][] = [];
    for (let k = 0; k < content.length; k++) {
      const i = content[k]!;
      const previous = groups[groups.length - 1];
      if (previous !== undefined && k > 0 && content[k - 1] === i - 1 && scan.gaps[i] === HYPHEN) previous.push(i);
      else groups.push([i]);
    }
    const jKeys: string[] = [];
    const jTokens: VariantToken[] = [];
    const jGaps: VariantGap[] = [];
    groups.forEach((g, k) => {
      const word = g.map((i) => tokenText(scan, i)).join('');
      const wk = keysOf(word, li.lang);
      jKeys.push(wk.loose);
      jTokens.push(variantToken(b, word, wk, properName));
      if (k > 0) {
        const before = groups[k - 1]!;
        jGaps.push(gapBetween(b, scan, infos, before[before.length - 1]!, g[0]!));
      }
    });
    insert(b, jKeys, { term: indexed, tokens: jTokens, gaps: jGaps });
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
    // Words cached while building may predate their id: start the cache afresh.
    b.index.words.clear();
    return { ...b.index, branching: Uint8Array.from(b.children) };
  };
  return { entries: byId, langs: { fr: finish(builders.fr), en: finish(builders.en) } };
}
