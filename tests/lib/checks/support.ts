/// Helpers for the rule tests: run one rule alone and read its flags as text.
import { checkDocument, ruleRegistry, type CheckEnvironment, type CheckInput, type Flag } from "../../../lib/checks";

/// The flags of `rule` alone on `input` (switched on even if it is off by default).
export function flagsOf(rule: string, input: CheckInput | string, env: CheckEnvironment = {}, en?: string): Flag[] {
  const doc: CheckInput = typeof input === "string" ? { fr: [input], ...(en !== undefined ? { en: [en] } : {}) } : input;
  return checkDocument(doc, env, { disabled: ruleRegistry.map((r) => r.id).filter((id) => id !== rule), enabled: [rule] });
}

/// Each flag as [flagged text, replacement].
export function spans(flags: Flag[], fr: string | string[]): Array<[string, string | undefined]> {
  const texts = typeof fr === "string" ? [fr] : fr;
  return flags.map((f) => [texts[f.paragraph]!.slice(f.start, f.end), f.replacement]);
}
