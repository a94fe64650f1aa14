/// Sentences of a paragraph, for sentence alignment, cross-highlighting and checks.
///
/// `Intl.Segmenter` (ICU's sentence rules) finds the candidate boundaries; this module then
/// undoes the ones a French or English reader would not make: after an abbreviation ("M.",
/// "Mme", "Dr", "St.", "U.S.", "e.g.", "etc." before a lower-case word), after an initial
/// ("J. R. R. Tolkien"), inside an ellipsis followed by lower case, and before closing quotes
/// or guillemets separated from the full stop by a space ("« Non. » Puis"). Numbers such as
/// 3.5, 3,5 or 1.000 never break (ICU already keeps them whole).

/// A sentence: UTF-16 offsets into the paragraph, `end` exclusive, without surrounding white space.
export interface SentenceSpan {
  start: number;
  end: number;
}

export type SentenceLang = "fr" | "en";

/// Abbreviations after which a full stop does not end the sentence, whatever follows
/// (titles and the like, which are always followed by a name). Lower case, without the dot.
const TITLES = new Set([
  // French
  "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "pr", "st", "ste", "vve",
  // English
  "mr", "mrs", "ms", "messrs", "mt", "gen", "gov", "sen", "rep", "rev", "hon", "prof", "sr", "jr", "capt", "col", "lt", "sgt", "fr",
]);

/// Abbreviations that end a sentence only when the next word starts with a capital
/// (and even then usually do not: "p. ex. Paris"); we join unless followed by a capital.
const ABBREVIATIONS = new Set([
  // French
  "etc", "cf", "env", "ex", "p", "pp", "vol", "chap", "éd", "ed", "art", "al", "av", "apr", "j.-c", "n°", "no", "nos", "op", "cit", "ibid",
  "c.-à-d", "càd", "s", "ss", "sq", "sqq", "t", "fig", "hab", "min", "max", "tél", "boul", "bd", "fg", "aj", "anc",
  "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
  // English
  "e.g", "i.e", "vs", "viz", "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "jun", "jul", "aug", "sep",
  "dec", "no", "nos", "ch", "pt", "ft", "in", "oz", "lb", "lbs", "a.m", "p.m", "u.s", "u.k", "u.n", "ca", "cca", "ad", "bc",
]);

/// Words that may follow "etc." or "U.S." with a capital yet continue the sentence are rare; a
/// capital after them is taken as a new sentence, except after titles.

/// Words that commonly open a sentence (after "U.S." a capitalised word among these starts a new
/// sentence; any other capitalised word is taken as a name: "the U.S. Army").
const SENTENCE_OPENERS = new Set([
  "the", "a", "an", "it", "he", "she", "we", "they", "i", "you", "this", "that", "these", "those", "there", "in", "on", "at", "but",
  "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before", "since", "for", "to", "by", "with", "its", "his", "her",
  "their", "our", "my", "what", "who", "how", "why", "where", "then", "thus", "however", "also", "still", "now", "no", "not", "all",
  "le", "la", "les", "un", "une", "des", "il", "elle", "ils", "elles", "nous", "vous", "on", "je", "ce", "cette", "ces", "mais", "et",
  "ou", "donc", "car", "en", "dans", "sur", "par", "pour", "avec", "si", "quand", "lorsque", "depuis", "après", "avant", "puis", "ainsi",
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: SentenceLang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: "sentence" })));
  return s;
}

const CLOSERS = /^[\s]*[»”’"')\]]+/u;
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/// The word (letters, dots, hyphens, apostrophes) that ends `text` before its final dot.
function lastWordBeforeDot(text: string): string | null {
  const m = /([\p{L}\p{N}°][\p{L}\p{N}°.\-]*)\.[\s»”’"')\]]*$/u.exec(text);
  return m ? m[1]! : null;
}

/// Whether a boundary ICU found between `before` (the text so far) and `after` is not a real one.
function isFalseBoundary(before: string, after: string, lang: SentenceLang): boolean {
  const trimmed = before.trimEnd();
  const next = after.trimStart();
  // What follows has no word at all (a stray quote, a dash): it belongs to the sentence before.
  if (!/[\p{L}\p{N}]/u.test(next)) return true;
  const firstChar = next[0]!;
  const nextIsLower = /^\p{Ll}/u.test(next);
  const nextStartsDigit = /^\p{N}/u.test(next);
  // The sentence's last punctuation, closing quotes and brackets aside.
  const core = trimmed.replace(/[\s»”’"')\]]+$/u, "");
  // Ellipsis (… or ...) followed by lower case continues the sentence.
  if (/(\.\.\.|…)$/u.test(core)) return nextIsLower;
  // "?" or "!" followed by lower case, as in « Quoi ? » dit-il, continues.
  if (/[?!]$/u.test(core)) return nextIsLower;
  if (!core.endsWith(".")) return false;
  const word = lastWordBeforeDot(core);
  if (word === null) return false;
  const lower = word.toLowerCase();
  // Single-letter initial: "J. Smith", "A. B. Dupont" (a capital letter alone).
  if (/^\p{Lu}$/u.test(word)) {
    // "… le plan B. Puis …" is rare next to initials; a capitalised next word keeps it joined.
    return /^\p{Lu}/u.test(next) || nextIsLower;
  }
  if (TITLES.has(lower)) return !nextStartsDigit || lower === "no";
  // Dotted acronyms and abbreviations: "U.S.", "e.g.", "i.e.", "etc.".
  const dottedAcronym = /^(\p{Lu}\.)+\p{Lu}$/u.test(word);
  if (ABBREVIATIONS.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    if (nextIsLower || nextStartsDigit || firstChar === "(") return true;
    // "the U.S. Army": a capitalised word that does not usually open a sentence continues it.
    if (dottedAcronym) {
      const nextWord = /^\p{L}+/u.exec(next)?.[0]?.toLowerCase() ?? "";
      return nextWord !== "" && !SENTENCE_OPENERS.has(nextWord);
    }
    return false;
  }
  // Any full stop followed by lower case is not a sentence end (ICU already mostly agrees).
  return nextIsLower;
}

/// Splits a paragraph into sentences. Offsets are UTF-16 code units into `text`, end exclusive,
/// each span trimmed of white space; white-space-only text has no sentence.
export function splitSentences(text: string, lang: SentenceLang): SentenceSpan[] {
  const cuts: number[] = [];
  for (const seg of segmenter(lang).segment(text)) if (seg.index > 0) cuts.push(seg.index);
  // Decide which boundaries to keep.
  const kept: number[] = [0];
  for (const cut of cuts) {
    const start = kept[kept.length - 1]!;
    const before = text.slice(start, cut);
    let at = cut;
    // Closing quotes separated by a space from the full stop belong to the sentence before.
    const closers = CLOSERS.exec(text.slice(cut));
    if (closers && /[.!?…]\s*$/u.test(before) && isSpace(text[cut - 1])) {
      const rest = text.slice(cut + closers[0].length);
      if (rest.trim() === "" || isSpace(rest[0])) at = cut + closers[0].length;
    }
    if (isFalseBoundary(text.slice(start, at), text.slice(at), lang)) continue;
    kept.push(at);
  }
  kept.push(text.length);
  const spans: SentenceSpan[] = [];
  for (let k = 0; k + 1 < kept.length; k++) {
    let start = kept[k]!;
    let end = kept[k + 1]!;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/// The sentences' text, for callers that need strings rather than offsets.
export function sentenceTexts(text: string, lang: SentenceLang): string[] {
  return splitSentences(text, lang).map(({ start, end }) => text.slice(start, end));
}
