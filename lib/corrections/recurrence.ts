/// Fix propagation: once a fix is accepted, the same wrong text elsewhere in the document is
/// offered as new suggestions. A fix of a single word is looked for together with the words on
/// either side of it, so that "commis" fixed in "avoir commis l'écart" recurs only as
/// "avoir commis l'écart", not wherever "commis" appears.

import { nfc } from "../text/paragraphs";
import { checkSpan, type Span } from "./change";
import type { Fix } from "./draft";

/// What the fix's text looks like wherever else it should be applied.
export interface RecurrencePattern {
  /// The text to look for, as it stands in the paragraph the fix was made in.
  text: string;
  /// Where the deleted part lies inside `text` (`start === end` for a pure insertion).
  start: number;
  end: number;
  /// What replaces the deleted part.
  inserted: string;
  /// Whether `text` begins a sentence of its paragraph; the case of its first letter is then
  /// not significant.
  sentenceStart: boolean;
}

/// The identifier of a paragraph, as the caller stores it.
export type ParagraphId = number | string;

/// One place where the fix applies again: a fix of paragraph `id` (offsets into its NFC text).
export interface Recurrence extends Fix {
  id: ParagraphId;
}

/// A word as the pattern's context counts it: letters, marks and digits, joined by apostrophes
/// and hyphens ("l'écart", "États-Unis" and "aujourd'hui" are one word each).
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const JOINER = /^['’\-‐]$/u;
const HYPHEN = /^[-‐]$/u;
const LETTER = /\p{L}/u;
const UPPER = /^\p{Lu}$/u;
/// The end of the text before a sentence's first letter: nothing, or . ! ? … (and closing
/// quotes) then a space, followed by any opening quotes, brackets, dashes and spaces.
const BEFORE_SENTENCE = /(?:^|[.!?…]["'’»”)\]]*\s)[\s«“"'(\[—–-]*$/u;

/// How much of the surrounding text a fix of fewer than two words recurs with: the words on both
/// sides (`around`, the default), the word after it (or before it, at a paragraph's end: `after`),
/// or none (`none`: a misspelt word or a wrong name is wrong wherever it stands).
export type RecurrenceContext = "around" | "after" | "none";

/// The pattern for `fix` (offsets into `paragraphText`, NFC). The deleted text, widened to whole
/// words, is kept together with its context (see RecurrenceContext) unless it holds two words
/// or more; a pure insertion takes the words around the insertion point. Throws a RangeError
/// when the fix's span is not in the paragraph or does not hold `fix.deleted`.
export function recurrencePattern(paragraphText: string, fix: Fix, context: RecurrenceContext = "around"): RecurrencePattern {
  checkSpan(fix, paragraphText.length);
  if (paragraphText.slice(fix.start, fix.end) !== fix.deleted) {
    throw new RangeError(`the paragraph does not hold "${fix.deleted}" at [${fix.start}, ${fix.end})`);
  }
  const words = wordSpans(paragraphText);
  let from = words.find((w) => w.start < fix.start && fix.start < w.end)?.start ?? fix.start;
  let to = words.find((w) => w.start < fix.end && fix.end < w.end)?.end ?? fix.end;
  const deletedWords = wordSpans(fix.deleted).length;
  if (deletedWords < 2 && (context !== "none" || deletedWords === 0)) {
    const before = words.filter((w) => w.end <= from).at(-1)?.start;
    const after = words.find((w) => w.start >= to)?.end;
    if (context === "around" || deletedWords === 0) {
      from = before ?? from;
      to = after ?? to;
    } else if (after !== undefined) to = after;
    else from = before ?? from;
  }
  const text = paragraphText.slice(from, to);
  const letter = text.search(LETTER);
  return {
    text,
    start: fix.start - from,
    end: fix.end - from,
    inserted: fix.inserted,
    sentenceStart: letter >= 0 && isSentenceStart(paragraphText, from + letter),
  };
}

/// Every place in `paragraphs` where the whole pattern occurs on word boundaries, as a fix of its
/// deleted part, in paragraph then text order. Matching is case-sensitive except for the first
/// letter at a sentence start; when the occurrence's deleted part then starts with the other
/// case, the inserted text follows it ("le gouvernement" → "l'exécutif" recurs as
/// "Le gouvernement" → "L'exécutif"). `exclude` (paragraph id and start of the deleted part) is
/// the place the fix came from. A match may start after an elision ("d'avoir") but not inside
/// a word ("commis" is not found in "commissaire", nor "Unis" in "États-Unis").
export function findRecurrences(
  pattern: RecurrencePattern,
  paragraphs: readonly { id: ParagraphId; text: string }[],
  exclude?: { id: ParagraphId; start: number },
): Recurrence[] {
  if (pattern.text === "") return [];
  const letter = pattern.text.search(LETTER);
  const search = patternRegExp(pattern.text, letter);
  const found: Recurrence[] = [];
  for (const paragraph of paragraphs) {
    const text = nfc(paragraph.text);
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      const at = m.index;
      const start = at + pattern.start;
      const caseChanged = letter >= 0 && text[at + letter] !== pattern.text[letter];
      const fits =
        !insideWord(text, at) &&
        !insideWord(text, at + pattern.text.length) &&
        (!caseChanged || pattern.sentenceStart || isSentenceStart(text, at + letter));
      if (!fits) {
        search.lastIndex = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
        continue;
      }
      if (exclude && exclude.id === paragraph.id && exclude.start === start) continue;
      const letterInDeleted = letter >= pattern.start && letter < pattern.end;
      found.push({
        id: paragraph.id,
        start,
        end: at + pattern.end,
        deleted: text.slice(start, at + pattern.end),
        inserted:
          caseChanged && letterInDeleted
            ? withFirstLetterCase(pattern.inserted, UPPER.test(text[at + letter]))
            : pattern.inserted,
      });
    }
  }
  return found;
}

/// Frequent French function words (articles, prepositions, pronouns, conjunctions, the forms of
/// "être" and "avoir"): a pattern made of these alone ("Les", "de la", "il a") stands everywhere
/// and says nothing about an error, so it never propagates.
const FUNCTION_WORDS = new Set(
  (
    "le la les l un une des du de d au aux à a ce cet cette ces c ça cela ceci et ou ni mais or donc car " +
    "que qu qui quoi dont où en y ne n pas plus se s sa son ses leur leurs mon ma mes ton ta tes notre nos votre vos " +
    "je j tu il elle on nous vous ils elles me m te t lui eux moi toi soi par pour sur sous dans avec sans entre vers chez " +
    "est sont été être était étaient sera ai as avons avez ont avait avaient aura si comme tout tous toute toutes très " +
    "the of and to in is it"
  ).split(" "),
);

/// The most places one fix is offered in. A fix whose wrong text stands in more places than this
/// is not "the same error" but common words: nothing is offered, and the caller says so.
export const MAX_RECURRENCES = 100;

/// Why a pattern is not looked for elsewhere: it is made of frequent function words only
/// (`functionWords`), or it is a single word too short or too common to identify an error
/// (`tooShort`).
export type IndistinctReason = "functionWords" | "tooShort";

/// Whether the pattern is distinctive enough to be looked for in the rest of the corpus. The rule:
/// its text must hold at least one word that is not a frequent function word; and it must be
/// two words or more, unless the fix replaces one whole word of four letters or more (a
/// misspelling or a wrong name, wrong wherever it stands). A pure insertion therefore always
/// needs words on both sides or two words after it: inserting "Les " before a paragraph's first
/// word is never offered everywhere that word stands. Returns null when it is distinctive.
export function indistinctReason(pattern: RecurrencePattern): IndistinctReason | null {
  const words = [...pattern.text.matchAll(WORD)].map((m) => m[0]);
  const content = words.filter((w) => !w.split(/['’]/u).every((part) => FUNCTION_WORDS.has(part.toLocaleLowerCase("fr"))));
  if (content.length === 0) return "functionWords";
  if (words.length >= 2) return null;
  const deleted = pattern.text.slice(pattern.start, pattern.end);
  const wholeWord = deleted === pattern.text && [...deleted.matchAll(/\p{L}/gu)].length >= 4;
  return wholeWord ? null : "tooShort";
}

function wordSpans(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/// A global regular expression for `text`, the letter at `letter` matching in either case.
function patternRegExp(text: string, letter: number): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  if (letter < 0) return new RegExp(escape(text), "gu");
  const c = String.fromCodePoint(text.codePointAt(letter)!);
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  const either = lower !== upper && [...lower].length === 1 && [...upper].length === 1 ? `[${lower}${upper}]` : escape(c);
  return new RegExp(escape(text.slice(0, letter)) + either + escape(text.slice(letter + c.length)), "gu");
}

/// Whether position `i` cuts a word: between two word characters, before a hyphen or apostrophe
/// that joins two words ("l|'écart"), or after a hyphen ("États-|Unis"). Right after an
/// apostrophe is a boundary: the elided word stands apart ("l'|écart").
function insideWord(text: string, i: number): boolean {
  const isWordChar = (k: number) => WORD_CHAR.test(text[k] ?? "");
  if (isWordChar(i - 1) && isWordChar(i)) return true;
  if (JOINER.test(text[i] ?? "") && isWordChar(i - 1) && isWordChar(i + 1)) return true;
  return HYPHEN.test(text[i - 1] ?? "") && isWordChar(i - 2) && isWordChar(i);
}

function isSentenceStart(text: string, i: number): boolean {
  return BEFORE_SENTENCE.test(text.slice(0, i));
}

/// `text` with its first letter upper-case (or lower-case).
function withFirstLetterCase(text: string, upper: boolean): string {
  const i = text.search(LETTER);
  if (i < 0) return text;
  const c = String.fromCodePoint(text.codePointAt(i)!);
  return text.slice(0, i) + (upper ? c.toUpperCase() : c.toLowerCase()) + text.slice(i + c.length);
}
