/// The learned rule: wrong-to-right patterns from accepted fixes. A fix of one word is looked
/// for with the words around it (as fix propagation does, lib/corrections/recurrence.ts), so a
/// fix of "commis" in "avoir commis l'écart" recurs only there; a fix of a name or a misspelt
/// word (no context given) recurs wherever the word stands. Spans that already carry an open
/// suggestion with the same fix are skipped.

import { findRecurrences, recurrencePattern, type RecurrencePattern } from "../../corrections/recurrence";
import { isMqmCategory } from "../../corrections/categories";
import { flagOf, type Rule } from "../rule";
import type { LearnedFix } from "../types";

/// A pattern and the fix it was learned from.
interface LearnedPattern extends RecurrencePattern {
  fix: LearnedFix;
}

const PATTERNS = new WeakMap<readonly LearnedFix[], LearnedPattern[]>();

/// The recurrence pattern of each learned fix (those whose context does not hold the wrong text
/// are looked for alone).
export function learnedPatterns(fixes: readonly LearnedFix[]): LearnedPattern[] {
  let out = PATTERNS.get(fixes);
  if (out) return out;
  out = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    if (!fix.wrong.trim() || fix.wrong === fix.right) continue;
    const context = fix.context ?? fix.wrong;
    const at = context.indexOf(fix.wrong);
    try {
      const pattern =
        at < 0 || fix.context === undefined
          ? recurrencePattern(fix.wrong, { start: 0, end: fix.wrong.length, deleted: fix.wrong, inserted: fix.right }, "none")
          : recurrencePattern(context, { start: at, end: at + fix.wrong.length, deleted: fix.wrong, inserted: fix.right });
      const key = `${pattern.text}\u0000${pattern.start}\u0000${pattern.end}\u0000${pattern.inserted}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...pattern, fix });
    } catch {
      // A fix whose span does not fit its context teaches nothing.
    }
  }
  PATTERNS.set(fixes, out);
  return out;
}

export const learnedFix: Rule = {
  id: "learned/accepted-fix",
  category: "accuracy/mistranslation",
  severity: "minor",
  defaultOn: true,
  run(unit, env) {
    const fixes = env.learned;
    if (!fixes || fixes.length === 0) return [];
    const open = (env.openProposals ?? []).filter((p) => p.paragraph === unit.paragraph);
    const out = [];
    const taken: Array<[number, number]> = [];
    for (const pattern of learnedPatterns(fixes)) {
      for (const r of findRecurrences(pattern, [{ id: unit.paragraph, text: unit.fr }])) {
        if (open.some((p) => p.start < r.end + 1 && r.start < p.end + 1 && p.inserted === r.inserted)) continue;
        if (taken.some(([s, e]) => r.start < e && s < r.end)) continue;
        taken.push([r.start, r.end]);
        const flag = flagOf(this, unit, r.start, r.end, "learnedFix", { wrong: r.deleted, right: r.inserted }, {
          replacement: r.inserted,
          ...(pattern.fix.severity ? { severity: pattern.fix.severity } : {}),
        });
        if (pattern.fix.category && isMqmCategory(pattern.fix.category)) flag.category = pattern.fix.category;
        out.push(flag);
      }
    }
    return out;
  },
};
