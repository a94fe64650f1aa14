/// Words, sentences and positions in a paragraph, as the checks see them.

/// A word of a paragraph with its UTF-16 span.
export interface WordSpan {
  text: string;
  start: number;
  end: number;
}

/// Letters, marks and digits, joined by apostrophes and hyphens ("l'écart", "États-Unis").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/// Every word of `text`, in order.
export function wordsOf(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/// Letters only (and inner apostrophes/hyphens): the words a dictionary can judge.
export const LETTERS_ONLY = /^[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*$/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/// "Openai", "Chine": first letter upper case, the others lower case.
export function isCapitalized(word: string): boolean {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return UPPER.test(first) && !UPPER.test(word.slice(first.length));
}

/// At least two letters and none in lower case ("IA", "GPU").
export function isAllCaps(word: string): boolean {
  return UPPER.test(word) && !LOWER.test(word) && /\p{L}.*\p{L}/u.test(word);
}

/// An upper-case letter after a lower-case one ("OpenAI", "DeepSeek", "xAI").
export function hasInnerCapital(word: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(word);
}

/// Any upper-case letter.
export function hasUpper(word: string): boolean {
  return UPPER.test(word);
}

/// Digits and letters together ("A100", "V3", "GPT-4"): a code, never a misspelling or a number.
export function isCode(word: string): boolean {
  return /\p{N}/u.test(word) && /\p{L}/u.test(word);
}

/// The text before a sentence's first letter: nothing, or . ! ? … (then closing quotes) and a
/// space, followed by opening quotes, brackets, dashes and spaces.
const BEFORE_SENTENCE = /(?:^|[.!?…:](?:[\s\u00a0\u202f]*["'’»”)\]])*[\s\u00a0\u202f]+|[«“"(\[—–]\s*)[\s\u00a0\u202f«“"'(\[—–-]*$/u;

/// Whether the character at `at` starts a sentence (or a quotation, a heading, a list item).
export function isSentenceStart(text: string, at: number): boolean {
  return BEFORE_SENTENCE.test(text.slice(Math.max(0, at - 12), at));
}

/// Spans where nothing is flagged: URLs, e-mail addresses, and inline code.
export function protectedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/https?:|www\.|@|`/u.test(text)) return out;
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s«»"“”<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`]*`/gu)) {
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/// Whether [start, end) overlaps one of `spans`.
export function inSpans(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && s < end);
}

/// Sentences of a paragraph as spans (a sentence ends with . ! ? … followed by a space).
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const re = /[.!?…]+["'’»”)\]]*(?=[\s\u00a0\u202f]+\S)/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    // "M. Biden", "U.S.": one letter (or an abbreviation) before the dot is not a sentence end.
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (m[0] === "." && /(?:^|[\s.])\p{L}$/u.test(before)) continue;
    out.push({ start, end });
    start = end;
    while (start < text.length && /[\s\u00a0\u202f]/u.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/// Where in the French paragraph to anchor something the English has and the French lacks: the
/// French sentence at the same rank when both have as many sentences, else the one at the same
/// relative position.
export function anchorInFrench(en: string, enOffset: number, fr: string): { start: number; end: number } {
  const enSentences = sentenceSpans(en);
  const frSentences = sentenceSpans(fr);
  if (frSentences.length === 0) return { start: 0, end: fr.length };
  const rank = Math.max(0, enSentences.findIndex((s) => enOffset >= s.start && enOffset < s.end));
  if (enSentences.length === frSentences.length) return trimSpan(fr, frSentences[rank]!);
  const at = Math.floor((enOffset / Math.max(1, en.length)) * fr.length);
  return trimSpan(fr, frSentences.find((s) => at >= s.start && at < s.end) ?? frSentences.at(-1)!);
}

function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/// Fold a word for loose comparison: lower case, no accents, straight apostrophes, ligatures
/// spelt out.
export function foldWord(word: string): string {
  // Plain ASCII (most words): lower case is all there is to do.
  let ascii = true;
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  if (ascii) return upper ? word.toLowerCase() : word;
  let folded = FOLDED.get(word);
  if (folded !== undefined) return folded;
  folded = word.toLowerCase();
  if (!/^[\x00-\x7f]*$/u.test(folded)) {
    folded = folded.replace(/[’‘ʼ]/g, "'").replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/\p{M}/gu, "");
  }
  if (FOLDED.size >= FOLD_CACHE_LIMIT) FOLDED.clear();
  FOLDED.set(word, folded);
  return folded;
}

/// Folded words seen lately (a text repeats its words; folding them is the checks' hot spot).
const FOLDED = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;
