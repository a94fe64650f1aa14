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
/// Case: a word of a common-noun term matches in any case ("Puces", "PUCES" find "puce"; "Internet
/// of things" finds "Internet of Things"), its capitals only deciding between terms that differ
/// by case ("Internet des objets" preferred, "internet des objets" admitted). A word of a proper
/// name (part of speech `properNoun`) that has a capital, and any word with a capital after its
/// first letter (an acronym or mixed-case name: "IA", "GPU", "DeepSeek"), matches only the same
/// capitals, or the word in all capitals: "Deepseek" is the deprecated term of the entry
/// DeepSeek, "DeepSeek" its preferred term, and "deepseek" neither (nor does "ai" find "AI").
/// All capitals ("DEEPSEEK", a heading) erase the difference, so they match every spelling and
/// the best status wins: an all-capitals name is never reported as a deprecated spelling.
///
/// Accents: finding ignores them, so "entrâinement" or "ecosysteme" still find their entry;
/// where the glossary lists spellings that differ only by accents ("entraînement" preferred,
/// "entrainement" admitted), the one with the text's accents wins; and `exact` says whether
/// the text has the accents of the term reported. œ and æ equal oe and ae. Connectors are
/// compared as written, so a text that drops the accent of "à" does not match through it.
///
/// Overlaps: leftmost-longest — scanning from the start, the longest term at a position wins
/// and the scan resumes after it, so a term inside a longer match is not reported ("modèle de
/// langage" inside "grand modèle de langage"), unless `all` is asked for.

import type { Lang, TermStatus } from './model';
import { prepositionOf } from './normalize';
import { joinOf, MAX_CONNECTORS, wordInfo, wordInfoAt, type TermIndex, type WordInfo } from './term-index';
import { GAP_BREAK, GAP_HYPHEN, scanWords } from './tokenize';

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

interface Candidate {
  startTok: number;
  endTok: number;
  /// Variant number in the language index.
  variant: number;
  score: number;
  exact: boolean;
}

const ORDER_SPAN = 2 ** 24;
/// The path stack of `matchTerms` (which never runs twice at once: it is synchronous and calls
/// nothing outside this module's reach).
const STEP_FROM = new Int32Array(64);
const STEP_TO = new Int32Array(64);
const STEP_INFO: WordInfo[] = new Array(64);

/// Weight of the "written exactly" bit in a packed score.
const FORM_WEIGHT = 512 * ORDER_SPAN;

// Local copies of hot imports: some module loaders (tsx, the benchmarks' runner) reach imported
// bindings through a getter on every use.
const BREAK = GAP_BREAK;
const HYPHEN = GAP_HYPHEN;
const prepositionFor = prepositionOf;
const joinFor = joinOf;
const infoFor = wordInfo;
const infoAt = wordInfoAt;
const MAX_GAP = MAX_CONNECTORS;

/// The ranking of a candidate as one number (higher is better): capitals agreeing, written
/// exactly (added later as `FORM_WEIGHT`), same accents, connector agreement, status, glossary
/// order.
function packScore(caseMatches: number, exact: boolean, gapScore: number, statusRank: number, order: number): number {
  let s = Math.min(caseMatches, 31);
  s = s * 2; // the "written exactly" bit
  s = s * 2 + (exact ? 1 : 0);
  s = s * 64 + Math.min(gapScore, 63);
  s = s * 4 + statusRank;
  return s * ORDER_SPAN + (ORDER_SPAN - 1 - Math.min(order, ORDER_SPAN - 1));
}

/// Find the glossary terms of `lang` in `text` (one paragraph, NFC). Matches are sorted by
/// start; offsets are UTF-16 code units, end exclusive.
export function matchTerms(index: TermIndex, text: string, lang: Lang, options: MatchOptions = {}): TermMatch[] {
  const li = index.langs[lang];
  if (li.termCount === 0 || text === '') return [];
  const scan = scanWords(text, lang, li.scratch);
  const { starts, ends, gaps, seps } = scan;
  const n = scan.count;
  const all = options.all === true;

  // Per token: what the index knows about it, and for the first part of a hyphenated compound,
  // the compound closed up ("semi-conducteurs" → "semiconducteurs").
  const info: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) info[i] = infoAt(li, text, starts[i]!, ends[i]!);
  const joinEnd: number[] = [];
  const joinInfo: (WordInfo | undefined)[] = [];
  for (let i = 0; i + 1 < n; i++) {
    if (gaps[i + 1] !== HYPHEN || gaps[i] === HYPHEN || info[i]!.conn !== undefined) continue;
    let j = i + 1;
    let word = text.slice(starts[i]!, ends[i]!);
    while (j < n && gaps[j] === HYPHEN) {
      word += text.slice(starts[j]!, ends[j]!);
      j++;
    }
    const ji = infoFor(li, word);
    if (ji.id >= 0) {
      joinEnd[i] = j;
      joinInfo[i] = ji;
    }
  }

  const { firstVariant, variantNext, variantTerm, variantWords, variantGaps, wordLower, wordCased, wordStrict, gapRefs, gapList, terms } = li;

  const crossable = (j: number): boolean => gaps[j] !== BREAK || li.breakSeps.has(seps[j]!);

  // The path being walked: content steps [stepFrom, stepTo), joined or not.
  const stepFrom = STEP_FROM;
  const stepTo = STEP_TO;
  const stepInfo = STEP_INFO;
  let depth = 0;

  const sameForm = (variant: number, from: number, to: number): boolean => {
    const form = terms[variantTerm[variant]!]!.form;
    let pos = 0;
    for (let k = from; k < to; k++) {
      if (k > from) {
        const join = joinFor(gaps[k]!, seps[k]!);
        if (!form.startsWith(join, pos)) return false;
        pos += join.length;
      }
      const word = info[k]!.form;
      if (!form.startsWith(word, pos)) return false;
      pos += word.length;
    }
    return pos === form.length;
  };

  const gapScoreOf = (variant: number): number => {
    let score = 0;
    const g0 = variantGaps[variant]!;
    for (let k = 0; k + 1 < depth; k++) {
      const from = stepTo[k]!;
      const to = stepFrom[k + 1]!;
      const vg = gapList[gapRefs[g0 + k]!]!;
      let sep = '';
      for (let j = from; j <= to; j++) if (gaps[j] === BREAK) sep += seps[j]!;
      if (sep !== vg.sep) return -1;
      const count = to - from;
      if (count > MAX_GAP && count > vg.connectors.length) return -1;
      let same = count === vg.connectors.length;
      for (let q = 0; same && q < count; q++) same = info[from + q]!.conn === vg.connectors[q];
      if (same) {
        score += 2;
        continue;
      }
      let p = 0;
      let ok = true;
      for (let j = from; ok && j < to; j++) {
        const prep = prepositionFor(info[j]!.conn!);
        if (prep !== undefined) ok = vg.prepositions[p++] === prep;
      }
      if (ok && p === vg.prepositions.length) score += 1;
    }
    return score;
  };

  // The best candidate so far at the current start. Its score may still lack the "written
  // exactly" bit (`bestFormPending`), which is only worked out when a tie needs it.
  let bestEnd = -1;
  let bestScore = -1;
  let bestFormPending = false;
  let bestVariant = -1;
  let bestExact = false;
  const found: Candidate[] = [];

  const record = (node: number, endTok: number): void => {
    const startTok = stepFrom[0]!;
    const head = firstVariant[node]!;
    const single = variantNext[head]! < 0 && !all;
    let nodeBest = -1;
    let nodeScore = -1;
    let nodeExact = false;
    for (let v = head; v >= 0; v = variantNext[v]!) {
      const w0 = variantWords[v]!;
      let caseMatches = 0;
      let exact = true;
      let ok = true;
      for (let k = 0; k < depth; k++) {
        const si = stepInfo[k]!;
        const same = si.casedId === wordCased[w0 + k];
        if (!same && wordStrict[w0 + k] === 1 && !si.keys.allCaps) {
          ok = false;
          break;
        }
        if (same) caseMatches++;
        if (si.lowerId !== wordLower[w0 + k]) exact = false;
      }
      if (!ok) continue;
      const gapScore = gapScoreOf(v);
      if (gapScore < 0) continue;
      const t = terms[variantTerm[v]!]!;
      let score = packScore(caseMatches, exact, gapScore, t.statusRank, t.order);
      if (!single && sameForm(v, startTok, endTok)) score += FORM_WEIGHT;
      if (score > nodeScore) {
        nodeScore = score;
        nodeBest = v;
        nodeExact = exact;
      }
    }
    if (nodeBest < 0) return;
    if (all) {
      found.push({ startTok, endTok, variant: nodeBest, score: nodeScore, exact: nodeExact });
      return;
    }
    let nodePending = single;
    if (endTok === bestEnd) {
      // A tie on length: settle the pending "written exactly" bits, then compare.
      if (nodePending && sameForm(nodeBest, startTok, endTok)) nodeScore += FORM_WEIGHT;
      if (bestFormPending && sameForm(bestVariant, startTok, endTok)) bestScore += FORM_WEIGHT;
      nodePending = false;
      bestFormPending = false;
      if (nodeScore <= bestScore) return;
    } else if (endTok < bestEnd) {
      return;
    }
    bestEnd = endTok;
    bestScore = nodeScore;
    bestFormPending = nodePending;
    bestVariant = nodeBest;
    bestExact = nodeExact;
  };

  const visit = (node: number, next: number): void => {
    // Longer terms first: a term that a longer match contains need not be weighed at all.
    if (li.branching[node] === 1 && depth < 64) {
      let j = next;
      let skipped = 0;
      let ok = true;
      while (j < n && info[j]!.conn !== undefined) {
        if (!crossable(j) || ++skipped > li.maxConnectors) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok && j < n && crossable(j)) step(node, j);
    }
    if (firstVariant[node]! >= 0 && (all || bestEnd <= next)) record(node, next);
  };

  const step = (node: number, pos: number): void => {
    const wi = info[pos]!;
    if (wi.id >= 0) {
      const child = li.edges.get(node, wi.id);
      if (child >= 0) {
        stepFrom[depth] = pos;
        stepTo[depth] = pos + 1;
        stepInfo[depth] = wi;
        depth++;
        visit(child, pos + 1);
        depth--;
      }
    }
    const ji = joinInfo[pos];
    if (ji !== undefined) {
      const child = li.edges.get(node, ji.id);
      if (child >= 0) {
        const to = joinEnd[pos]!;
        stepFrom[depth] = pos;
        stepTo[depth] = to;
        stepInfo[depth] = ji;
        depth++;
        visit(child, to);
        depth--;
      }
    }
  };

  const out: TermMatch[] = [];
  const emit = (startTok: number, endTok: number, variant: number, exact: boolean, floor: number): number => {
    const { leading, trailing, term, entry } = terms[variantTerm[variant]!]!;
    let start = starts[startTok]!;
    let end = ends[endTok - 1]!;
    const L = leading.length;
    if (L > 0 && startTok - L >= 0) {
      let ok = true;
      for (let q = 0; q < L && ok; q++) {
        const j = startTok - L + q;
        ok = info[j]!.conn === leading[q] && gaps[j + 1] !== BREAK;
      }
      if (ok && starts[startTok - L]! >= floor) start = starts[startTok - L]!;
    }
    const T = trailing.length;
    if (T > 0 && endTok + T <= n) {
      let ok = true;
      for (let q = 0; q < T && ok; q++) {
        const j = endTok + q;
        ok = info[j]!.conn === trailing[q] && gaps[j] !== BREAK;
      }
      if (ok) end = ends[endTok + T - 1]!;
    }
    out.push({ lang, start, end, entry, term: term.text, status: term.status, exact });
    return end;
  };

  let lastEnd = -1;
  for (let i = 0; i < n; i++) {
    const wi = info[i]!;
    if (wi.id < 0 && joinInfo[i] === undefined) continue;
    if (!all && starts[i]! < lastEnd) continue; // inside the previous match
    bestEnd = -1;
    bestScore = -1;
    bestFormPending = false;
    bestVariant = -1;
    depth = 0;
    step(0, i);
    if (!all && bestVariant >= 0 && starts[i]! >= lastEnd) {
      lastEnd = emit(i, bestEnd, bestVariant, bestExact, lastEnd);
    }
  }

  if (all) {
    const seen = new Map<string, Candidate>();
    for (const c of found) {
      const key = `${c.startTok}:${c.endTok}:${terms[variantTerm[c.variant]!]!.entry}`;
      const prev = seen.get(key);
      if (prev === undefined || c.score > prev.score) seen.set(key, c);
    }
    for (const c of seen.values()) emit(c.startTok, c.endTok, c.variant, c.exact, -1);
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
    for (const m of matchTerms(index, text, lang, options)) {
      out.push({ lang: m.lang, paragraph, start: m.start, end: m.end, entry: m.entry, term: m.term, status: m.status, exact: m.exact });
    }
  });
  return out;
}
