/// The rule registry: every automatic check, its MQM category, default severity, whether it runs
/// by default, and the engine it needs. `checkDocument` runs the rules over a document.

import { nfc } from "../text/paragraphs";
import type { Rule, Unit } from "./rule";
import { crosslingualRules } from "./rules/crosslingual";
import { glossaryRules } from "./rules/glossary";
import { grammarRules } from "./rules/grammar";
import { learnedFix } from "./rules/learned";
import { spellingRules } from "./rules/spelling";
import { typographyRules } from "./rules/typography";
import type { CheckEnvironment, CheckInput, CheckOptions, Flag, RuleInfo } from "./types";

const RULES: readonly Rule[] = [
  ...spellingRules,
  ...grammarRules,
  ...typographyRules,
  ...crosslingualRules,
  ...glossaryRules,
  learnedFix,
];

/// Every rule, as plain data (id, category, severity, default on/off, engine).
export const ruleRegistry: readonly RuleInfo[] = RULES.map(({ run: _run, ...info }) => Object.freeze(info));

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/// The rule with this id, if any.
export function ruleInfo(id: string): RuleInfo | undefined {
  return ruleRegistry.find((r) => r.id === id);
}

/// The rules that run with `options`: the default-on ones, plus `enabled`, minus `disabled`.
export function activeRules(options: CheckOptions = {}): RuleInfo[] {
  const disabled = new Set(options.disabled ?? []);
  const enabled = new Set(options.enabled ?? []);
  return ruleRegistry.filter((r) => !disabled.has(r.id) && (r.defaultOn || enabled.has(r.id)));
}

/// The beads of `input`: given (a French paragraph in none is checked as one without English),
/// or one to one (extra French paragraphs get no English).
function beadsOf(input: CheckInput): Array<{ fr: number[]; en: number[] }> {
  if (!input.pairs) return input.fr.map((_, i) => ({ fr: [i], en: input.en && i < input.en.length ? [i] : [] }));
  const covered = new Set(input.pairs.flatMap((b) => b.fr));
  const missing = input.fr.flatMap((_, i) => (covered.has(i) ? [] : [{ fr: [i], en: [] }]));
  return [...input.pairs, ...missing];
}

/// Check a document: the flags of every active rule in every French paragraph (or only those in
/// `options.only`), sorted by paragraph, offset and rule. Pure and synchronous: the engines'
/// results (speller, Grammalecte) come prepared in `env`.
export function checkDocument(input: CheckInput, env: CheckEnvironment, options: CheckOptions = {}): Flag[] {
  const rules = activeRules(options).map((r) => BY_ID.get(r.id)!);
  const only = options.only ? new Set(options.only) : undefined;
  const fr = input.fr.map(nfc);
  const en = input.en?.map(nfc);
  const flags: Flag[] = [];
  for (const bead of beadsOf(input)) {
    const english = en === undefined ? undefined : bead.en.map((i) => en[i] ?? "").join(" ");
    const beadFr = bead.fr.map((i) => fr[i] ?? "").join(" ");
    bead.fr.forEach((p, k) => {
      if (only && !only.has(p)) return;
      const text = fr[p];
      if (text === undefined) return;
      const unit: Unit = { paragraph: p, fr: text, en: english, beadHead: k === 0, beadFr, memo: new Map() };
      for (const rule of rules) {
        if (rule.needsEnglish && english === undefined) continue;
        for (const f of rule.run(unit, env)) flags.push(f);
      }
    });
  }
  return dedupe(flags).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/// One flag per span and rule.
function dedupe(flags: Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.paragraph}:${f.start}:${f.end}:${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
