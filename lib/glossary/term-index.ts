/// The term index: every term of a glossary, French and English, in a trie keyed on the loose
/// keys of its content words (see `normalize.ts`), built once and then walked once per text.
///
/// A term is indexed as its content words; its connectors ("de", "l'", "of"…) are kept beside
/// the path, per gap, to rank candidates, not to find them. A term with hyphenated parts is
/// indexed twice: split ("semi" + "conducteur") and closed up ("semiconducteur"), so that
/// "semi-conductor", "semi conductor" and "semiconductor" meet. Terms made only of connectors
/// cannot be matched and are left out.
///
/// Words are interned to integers and trie edges live in one `Map` keyed by
/// `node × 2^24 + word`, which keeps a 10,000-entry glossary to a few megabytes.

import { LANGS, type Lang, type Term, type TermEntry } from './model';
import { connectorKey, isConnector, wordKeys, type WordKeys } from './normalize';
import { tokenize, type WordToken } from './tokenize';

/// Most connectors accepted in a text between two content words of a term; a term that has
/// more in one gap allows as many there.
export const MAX_CONNECTORS = 2;

/// Edge keys are `node * TOKEN_SPAN + word id`.
export const TOKEN_SPAN = 2 ** 24;

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
  /// The term's form key (see `formKey`), to recognise a text that writes it exactly.
  form: string;
  /// Connectors written before the first content word ("à" in "à forte intensité de ressources").
  leading: string[];
  /// Connectors written after the last content word.
  trailing: string[];
}

/// One content word of an indexed term.
export interface VariantToken {
  /// Singular, lower case, accents kept.
  lower: string;
  /// Singular, case kept, accents removed.
  casedLoose: string;
  /// True if the word has a capital, in which case a text must write it with the same case
  /// (or in all capitals).
  cased: boolean;
}

/// What a term has between two of its content words.
export interface VariantGap {
  /// Connector keys, in order (empty for "puce avancée").
  connectors: string[];
  /// Punctuation (white space removed) that must separate the words, as in "R&D"; "" if none.
  sep: string;
}

/// One way of spelling a term as a sequence of content words (split or closed up).
export interface TermVariant {
  term: IndexedTerm;
  tokens: VariantToken[];
  gaps: VariantGap[];
}

/// The index of one language.
export interface LangIndex {
  /// Loose word key → word id.
  vocab: Map<string, number>;
  /// `node * TOKEN_SPAN + word id` → child node; node 0 is the root.
  edges: Map<number, number>;
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
}

/// A glossary ready for matching: build it once with `buildTermIndex`, then match any number
/// of texts with `matchTerms`. Treat it as opaque.
export interface TermIndex {
  /// The glossary's entries by id.
  readonly entries: ReadonlyMap<string, TermEntry>;
  /// One trie per language.
  readonly langs: Readonly<Record<Lang, LangIndex>>;
}

const STATUS_RANK = { preferred: 2, admitted: 1, deprecated: 0 } as const;

/// The form key of tokens `from`..`to` (inclusive): each word in the singular and lower case
/// (connectors as written, lower case), joined as the text joins them — so two spans with the
/// same form key write the same term the same way, up to case and number.
export function formKey(
  tokens: readonly WordToken[],
  from: number,
  to: number,
  lang: Lang,
  keysOf: (word: string) => WordKeys,
): string {
  let out = '';
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (i > from) out += t.gap === 'hyphen' ? '-' : t.gap === 'elision' ? '' : t.gap === 'break' ? t.sep : ' ';
    out += t.elision || isConnector(t.text, lang) ? connectorKey(t.text) : keysOf(t.text).lower;
  }
  return out;
}

interface Builder {
  index: LangIndex;
  children: number[];
  keys: Map<string, WordKeys>;
  lang: Lang;
}

function keysIn(b: Builder, word: string): WordKeys {
  let k = b.keys.get(word);
  if (k === undefined) {
    k = wordKeys(word, b.lang);
    b.keys.set(word, k);
  }
  return k;
}

function newBuilder(lang: Lang): Builder {
  return {
    index: {
      vocab: new Map(),
      edges: new Map(),
      terminals: [undefined],
      branching: new Uint8Array(0),
      breakSeps: new Set(),
      maxConnectors: MAX_CONNECTORS,
      termCount: 0,
    },
    children: [0],
    keys: new Map(),
    lang,
  };
}

function insert(b: Builder, looseKeys: readonly string[], variant: TermVariant): void {
  const { index } = b;
  let node = 0;
  for (const key of looseKeys) {
    let id = index.vocab.get(key);
    if (id === undefined) {
      id = index.vocab.size;
      if (id >= TOKEN_SPAN) throw new Error('The glossary has too many distinct words to index.');
      index.vocab.set(key, id);
    }
    const edge = node * TOKEN_SPAN + id;
    let child = index.edges.get(edge);
    if (child === undefined) {
      child = index.terminals.length;
      index.terminals.push(undefined);
      b.children.push(0);
      index.edges.set(edge, child);
      b.children[node] = 1;
    }
    node = child;
  }
  (index.terminals[node] ??= []).push(variant);
}

function addTerm(b: Builder, entry: TermEntry, order: number, term: Term): void {
  const text = String(term.text ?? '').normalize('NFC').trim();
  if (text === '') return;
  const tokens = tokenize(text, b.lang);
  const content: number[] = [];
  tokens.forEach((t, i) => {
    if (!isConnector(t.text, b.lang)) content.push(i);
  });
  if (content.length === 0) return;
  const first = content[0]!;
  const last = content[content.length - 1]!;

  const indexed: IndexedTerm = {
    entry: entry.id,
    order,
    term,
    statusRank: STATUS_RANK[term.status] ?? 1,
    form: formKey(tokens, first, last, b.lang, (w) => keysIn(b, w)),
    leading: tokens.slice(0, first).map((t) => connectorKey(t.text)),
    trailing: tokens.slice(last + 1).map((t) => connectorKey(t.text)),
  };

  const gapBetween = (a: number, z: number): VariantGap => {
    const connectors: string[] = [];
    let sep = '';
    for (let i = a + 1; i <= z; i++) {
      const t = tokens[i]!;
      if (t.gap === 'break') sep += t.sep;
      if (i < z) connectors.push(connectorKey(t.text));
    }
    if (sep !== '') b.index.breakSeps.add(sep);
    if (connectors.length > b.index.maxConnectors) b.index.maxConnectors = connectors.length;
    return { connectors, sep };
  };
  const variantToken = (word: string): [string, VariantToken] => {
    const k = keysIn(b, word);
    return [k.loose, { lower: k.lower, casedLoose: k.casedLoose, cased: k.hasUpper }];
  };

  // Split: one content word per token.
  const split = content.map((i) => variantToken(tokens[i]!.text));
  const gaps = content.slice(1).map((z, k) => gapBetween(content[k]!, z));
  insert(b, split.map(([key]) => key), { term: indexed, tokens: split.map(([, v]) => v), gaps });

  // Closed up: hyphenated content words written as one ("semiconductor").
  const groups: number[][] = [];
  for (let k = 0; k < content.length; k++) {
    const i = content[k]!;
    const previous = groups[groups.length - 1];
    if (previous !== undefined && k > 0 && content[k - 1] === i - 1 && tokens[i]!.gap === 'hyphen') previous.push(i);
    else groups.push([i]);
  }
  if (groups.length < content.length) {
    const joined = groups.map((g) => variantToken(g.map((i) => tokens[i]!.text).join('')));
    const joinedGaps = groups.slice(1).map((g, k) => gapBetween(groups[k]![groups[k]!.length - 1]!, g[0]!));
    insert(b, joined.map(([key]) => key), { term: indexed, tokens: joined.map(([, v]) => v), gaps: joinedGaps });
  }
  b.index.termCount++;
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
  const finish = (b: Builder): LangIndex => ({ ...b.index, branching: Uint8Array.from(b.children) });
  return { entries: byId, langs: { fr: finish(builders.fr), en: finish(builders.en) } };
}
