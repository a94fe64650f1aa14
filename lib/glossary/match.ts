/// Finding glossary terms in French and English text, robust to the ways a term is actually
/// written: plural ("contrôles", "chips"), elision ("l'IA", "d'exportation"), articles and
/// prepositions that vary inside a multiword term ("contrôle à l'exportation", "contrôles des
/// exportations"), capitals at the start of a sentence or in a heading, missing accents,
/// hyphen, space or nothing between compound parts ("semi-conductor", "semiconductor").
///
/// How: the text is cut into word tokens (`tokenize.ts`); each word gets its keys
/// (`normalize.ts`); one pass over the tokens walks the term index (`term-index.ts`) from every
/// content word, skipping at most `MAX_CONNECTORS` connectors between two content words. The
/// cost is linear in the length of the text (times the length of the longest term), whatever
/// the size of the glossary.
///
/// Where several terms fit the same words, the one written most like the text wins: first the
/// one whose capitals agree, then the one the text writes exactly (same connectors, same
/// hyphens), then the one with the same accents, then the one with the closest connectors,
/// then the better status (preferred, admitted, deprecated), then the earlier entry.
///
/// Case: a term word written in lower case matches any case in the text ("Puces", "PUCES" find
/// "puce"). A term word with a capital — a proper name, an acronym, "Internet" — matches only
/// the same capitals, or the word in all capitals: "Deepseek" is the deprecated term of the
/// entry DeepSeek, "DeepSeek" its preferred term, and "deepseek" neither. All capitals
/// ("DEEPSEEK", a heading) erase the difference, so they match every spelling and the best
/// status wins: an all-capitals name is never reported as a deprecated spelling.
///
/// Accents: matching ignores them, and `exact` says whether the text has the term's accents
/// ("entrainement" matches the admitted "entrainement" exactly, and "entraînement" only if the
/// glossary has no unaccented spelling). œ and æ equal oe and ae. Connectors are compared as
/// written, so a text that drops the accent of "à" does not match through it.
///
/// Overlaps: at each position the longest term wins, and a term inside a longer match is not
/// reported ("modèle de langage" inside "grand modèle de langage"), unless `all` is asked for.

import type { Lang, TermStatus } from './model';
import { CONNECTORS, connectorKey, prepositionsOf, wordKeys, type WordKeys } from './normalize';
import { formKey, MAX_CONNECTORS, TOKEN_SPAN, type TermIndex, type TermVariant } from './term-index';
import { tokenize } from './tokenize';

export { buildTermIndex, type TermIndex } from './term-index';

/// One occurrence of a glossary term in a text.
export interface TermMatch {
  /// The language of the text.
  lang: Lang;
  /// UTF-16 offset of the first code unit of the occurrence.
  start: number;
  /// UTF-16 offset just past it (exclusive).
  end: number;
  /// Id of the glossary entry.
  entry: string;
  /// The glossary term that matched, as the glossary writes it.
  term: string;
  /// That term's status.
  status: TermStatus;
  /// True if the text has the term's accents; false if it matched only without them.
  exact: boolean;
}

/// A term occurrence in a numbered paragraph.
export interface ParagraphTermMatch extends TermMatch {
  /// Index of the paragraph (non-empty lines counted from 0).
  paragraph: number;
}

/// Options of `matchTerms`.
export interface MatchOptions {
  /// Report every occurrence of every term, including terms inside a longer match and terms
  /// overlapping another (sorted by start, longer first). Default: longest matches only.
  all?: boolean;
}

interface Step {
  from: number;
  to: number;
  joined: boolean;
}

interface Candidate {
  startTok: number;
  endTok: number;
  variant: TermVariant;
  score: number[];
  exact: boolean;
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/// Find the glossary terms of `lang` in `text` (one paragraph, NFC). Matches are sorted by
/// start; offsets are UTF-16 code units, end exclusive.
export function matchTerms(index: TermIndex, text: string, lang: Lang, options: MatchOptions = {}): TermMatch[] {
  const li = index.langs[lang];
  if (li.termCount === 0 || text === '') return [];
  const tokens = tokenize(text, lang);
  const n = tokens.length;
  const connectors = CONNECTORS[lang];

  const memo = new Map<string, WordKeys>();
  const keysOf = (word: string): WordKeys => {
    let k = memo.get(word);
    if (k === undefined) {
      k = wordKeys(word, lang);
      memo.set(word, k);
    }
    return k;
  };

  // Per token: connector key (or undefined for a content word), word id, closed-up compound.
  const conn: (string | undefined)[] = new Array(n);
  const ids = new Int32Array(n).fill(-1);
  const joinEnd = new Int32Array(n);
  const joinId = new Int32Array(n).fill(-1);
  const joinKeys: (WordKeys | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.text.length <= 4) {
      const c = connectorKey(t.text);
      if (connectors.has(c)) {
        conn[i] = c;
        continue;
      }
    }
    const id = li.vocab.get(keysOf(t.text).loose);
    if (id !== undefined) ids[i] = id;
  }
  for (let i = 0; i + 1 < n; i++) {
    if (tokens[i]!.gap === 'hyphen' || tokens[i + 1]!.gap !== 'hyphen' || conn[i] !== undefined) continue;
    let j = i + 1;
    let word = tokens[i]!.text;
    while (j < n && tokens[j]!.gap === 'hyphen') word += tokens[j++]!.text;
    const k = keysOf(word);
    const id = li.vocab.get(k.loose);
    if (id !== undefined) {
      joinEnd[i] = j;
      joinId[i] = id;
      joinKeys[i] = k;
    }
  }

  const crossable = (j: number): boolean => {
    const t = tokens[j]!;
    return t.gap !== 'break' || li.breakSeps.has(t.sep);
  };

  const formCache = new Map<number, string>();
  const textForm = (from: number, to: number): string => {
    const key = from * 65536 + (to - from);
    let f = formCache.get(key);
    if (f === undefined) {
      f = formKey(tokens, from, to, lang, keysOf);
      formCache.set(key, f);
    }
    return f;
  };

  const evaluate = (variant: TermVariant, steps: readonly Step[], endTok: number): Candidate | undefined => {
    let caseMatches = 0;
    let exact = true;
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k]!;
      const tk = s.joined ? joinKeys[s.from]! : keysOf(tokens[s.from]!.text);
      const v = variant.tokens[k]!;
      const same = tk.casedLoose === v.casedLoose;
      if (v.cased && !same && !tk.allCaps) return undefined;
      if (same) caseMatches++;
      if (tk.lower !== v.lower) exact = false;
    }
    let gapScore = 0;
    for (let k = 0; k + 1 < steps.length; k++) {
      const from = steps[k]!.to;
      const to = steps[k + 1]!.from;
      const vg = variant.gaps[k]!;
      let sep = '';
      const found: string[] = [];
      for (let j = from; j <= to; j++) {
        if (tokens[j]!.gap === 'break') sep += tokens[j]!.sep;
        if (j < to) found.push(conn[j]!);
      }
      if (sep !== vg.sep) return undefined;
      if (found.length > Math.max(MAX_CONNECTORS, vg.connectors.length)) return undefined;
      if (sameList(found, vg.connectors)) gapScore += 2;
      else if (sameList(prepositionsOf(found), prepositionsOf(vg.connectors))) gapScore += 1;
    }
    const startTok = steps[0]!.from;
    const formEqual = textForm(startTok, endTok - 1) === variant.term.form ? 1 : 0;
    const t = variant.term;
    return {
      startTok,
      endTok,
      variant,
      exact,
      score: [caseMatches, formEqual, exact ? 1 : 0, gapScore, t.statusRank, -t.order],
    };
  };

  const found: Candidate[] = [];
  const steps: Step[] = [];
  const all = options.all === true;
  let bestHere: Candidate | undefined;

  const record = (node: number, endTok: number): void => {
    let best: Candidate | undefined;
    for (const v of li.terminals[node]!) {
      const c = evaluate(v, steps, endTok);
      if (c !== undefined && (best === undefined || better(c.score, best.score))) best = c;
    }
    if (best === undefined) return;
    if (all) found.push(best);
    else if (
      bestHere === undefined ||
      best.endTok > bestHere.endTok ||
      (best.endTok === bestHere.endTok && better(best.score, bestHere.score))
    ) {
      bestHere = best;
    }
  };

  const visit = (node: number, next: number): void => {
    if (li.terminals[node] !== undefined) record(node, next);
    if (li.branching[node] !== 1) return;
    let j = next;
    let skipped = 0;
    while (j < n && conn[j] !== undefined) {
      if (!crossable(j) || ++skipped > li.maxConnectors) return;
      j++;
    }
    if (j < n && crossable(j)) step(node, j);
  };

  const step = (node: number, pos: number): void => {
    const id = ids[pos]!;
    if (id >= 0) {
      const child = li.edges.get(node * TOKEN_SPAN + id);
      if (child !== undefined) {
        steps.push({ from: pos, to: pos + 1, joined: false });
        visit(child, pos + 1);
        steps.pop();
      }
    }
    const jid = joinId[pos]!;
    if (jid >= 0) {
      const child = li.edges.get(node * TOKEN_SPAN + jid);
      if (child !== undefined) {
        steps.push({ from: pos, to: joinEnd[pos]!, joined: true });
        visit(child, joinEnd[pos]!);
        steps.pop();
      }
    }
  };

  const out: TermMatch[] = [];
  let lastEnd = -1;
  const emit = (c: Candidate, floor: number): number => {
    const { leading, trailing } = c.variant.term;
    let start = tokens[c.startTok]!.start;
    let end = tokens[c.endTok - 1]!.end;
    const L = leading.length;
    if (L > 0 && c.startTok - L >= 0) {
      let ok = true;
      for (let q = 0; q < L && ok; q++) {
        const j = c.startTok - L + q;
        ok = conn[j] === leading[q] && tokens[j + 1]!.gap !== 'break';
      }
      if (ok && tokens[c.startTok - L]!.start >= floor) start = tokens[c.startTok - L]!.start;
    }
    const T = trailing.length;
    if (T > 0 && c.endTok + T <= n) {
      let ok = true;
      for (let q = 0; q < T && ok; q++) {
        const j = c.endTok + q;
        ok = conn[j] === trailing[q] && tokens[j]!.gap !== 'break';
      }
      if (ok) end = tokens[c.endTok + T - 1]!.end;
    }
    const term = c.variant.term.term;
    out.push({ lang, start, end, entry: c.variant.term.entry, term: term.text, status: term.status, exact: c.exact });
    return end;
  };

  for (let i = 0; i < n; i++) {
    if (conn[i] !== undefined || (ids[i]! < 0 && joinId[i]! < 0)) continue;
    bestHere = undefined;
    step(0, i);
    if (!all && bestHere !== undefined && tokens[i]!.start >= lastEnd) lastEnd = emit(bestHere, lastEnd);
  }

  if (all) {
    const seen = new Map<string, Candidate>();
    for (const c of found) {
      const key = `${c.startTok}:${c.endTok}:${c.variant.term.entry}`;
      const prev = seen.get(key);
      if (prev === undefined || better(c.score, prev.score)) seen.set(key, c);
    }
    for (const c of seen.values()) emit(c, -1);
    out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return out;
}

/// Find the glossary terms of `lang` in each paragraph, numbering matches by paragraph index.
export function matchParagraphs(
  index: TermIndex,
  paragraphs: readonly string[],
  lang: Lang,
  options: MatchOptions = {},
): ParagraphTermMatch[] {
  const out: ParagraphTermMatch[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const m of matchTerms(index, text, lang, options)) out.push({ paragraph, ...m });
  });
  return out;
}
