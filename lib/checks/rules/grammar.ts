/// French grammar from Grammalecte's results (run by the server, server/checks/grammalecte.ts),
/// kept by family: agreement and conjugation measure well on machine translation; its
/// typography (apostrophes, spaces) is left to the typography rules, which run at once.

import { flagOf, type Rule } from "../rule";
import type { GrammarError } from "../types";

/// The Grammalecte error types of each family (its `sType`).
export const GRAMMAR_FAMILIES = {
  "grammar/agreement": ["gn", "ppas", "sgpl", "gv"],
  "grammar/conjugation": ["conj", "infi", "imp", "inte", "vmode"],
  "grammar/confusion": ["conf", "ocr", "mc"],
  "grammar/other": ["neg", "pleo", "bs", "date", "elid", "lex", "tu", "maj", "num", "virg", "notype"],
} as const satisfies Record<string, readonly string[]>;

/// Types never reported: the typography rules do these better (and without Grammalecte).
export const GRAMMAR_IGNORED = new Set(["apos", "nbsp", "esp", "typo"]);

type Family = keyof typeof GRAMMAR_FAMILIES;

/// The family of a Grammalecte error type, or undefined when it is not reported.
export function grammarFamily(type: string): Family | undefined {
  if (GRAMMAR_IGNORED.has(type)) return undefined;
  for (const [family, types] of Object.entries(GRAMMAR_FAMILIES) as Array<[Family, readonly string[]]>) {
    if (types.includes(type)) return family;
  }
  return "grammar/other";
}

function grammarRule(id: Family, defaultOn: boolean): Rule {
  return {
    id,
    category: "fluency/grammar",
    severity: "minor",
    defaultOn,
    engine: "grammalecte",
    run(unit, env) {
      const errors: GrammarError[] = (env.grammar ?? []).filter(
        (e) => e.paragraph === unit.paragraph && grammarFamily(e.type) === id && e.end <= unit.fr.length,
      );
      return errors.map((e) =>
        flagOf(this, unit, e.start, e.end, "grammar", { message: e.message, grammalecteRule: e.ruleId }, {
          ...(e.suggestions.length > 0 ? { replacement: e.suggestions[0]! } : {}),
        }),
      );
    },
  };
}

export const grammarRules: readonly Rule[] = [
  grammarRule("grammar/agreement", true),
  grammarRule("grammar/conjugation", true),
  grammarRule("grammar/confusion", true),
  grammarRule("grammar/other", false),
];
