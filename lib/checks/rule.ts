/// What a rule is inside the registry: its description and the function that finds its flags in
/// one French paragraph (with the English aligned to it).

import { wordsOf, type WordSpan } from "./text";
import type { CheckEnvironment, Flag, RuleInfo } from "./types";

/// One French paragraph as the rules see it.
export interface Unit {
  /// Index of the French paragraph.
  paragraph: number;
  /// Its NFC text.
  fr: string;
  /// The English aligned to it (the bead's English paragraphs joined by a space), or undefined
  /// when no English was given; "" when its bead has no English.
  en?: string;
  /// Whether this paragraph is the first French paragraph of its bead (bead-level rules flag it).
  beadHead: boolean;
  /// The bead's whole French text (its paragraphs joined by a space).
  beadFr: string;
  /// Memo shared by the rules for this paragraph (words, spans…).
  memo: Map<string, unknown>;
}

/// A rule of the registry.
export interface Rule extends RuleInfo {
  /// The flags of one paragraph.
  run(unit: Unit, env: CheckEnvironment): Flag[];
}

/// The flag-building half of a rule: id, category and severity from the rule, the message key
/// under `checks.messages`.
export function flagOf(
  rule: RuleInfo,
  unit: Unit,
  start: number,
  end: number,
  message: string,
  params: Record<string, string | number>,
  extra: { replacement?: string; evidence?: Flag["evidence"]; entry?: string; severity?: Flag["severity"] } = {},
): Flag {
  const flag: Flag = {
    paragraph: unit.paragraph,
    start,
    end,
    rule: rule.id,
    category: rule.category,
    severity: extra.severity ?? rule.severity,
    message: { key: `checks.messages.${message}`, params },
  };
  if (extra.replacement !== undefined) flag.replacement = extra.replacement;
  if (extra.evidence) flag.evidence = extra.evidence;
  if (extra.entry !== undefined) flag.entry = extra.entry;
  return flag;
}

/// The words of the French paragraph (computed once per paragraph).
export function frenchWordsOf(unit: Unit): WordSpan[] {
  return memo(unit, "wordsFr", () => wordsOf(unit.fr));
}

/// The words of the aligned English ([] without English).
export function englishWordsOf(unit: Unit): WordSpan[] {
  return memo(unit, "wordsEn", () => (unit.en ? wordsOf(unit.en) : []));
}

/// A value computed once per paragraph and shared by the rules that need it.
export function memo<T>(unit: Unit, key: string, compute: () => T): T {
  if (unit.memo.has(key)) return unit.memo.get(key) as T;
  const value = compute();
  unit.memo.set(key, value);
  return value;
}
