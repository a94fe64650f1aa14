/// STUB of the rule registry (helper `checks` owns lib/checks): the fixed public API with two
/// trivial rules, so storage, routes and interface can be built before the real rules land.
/// Replaced wholesale when the `checks` branch is merged.

export interface Flag {
  paragraph: number;
  start: number;
  end: number;
  rule: string;
  category: string;
  severity: "minor" | "major" | "critical";
  message: { key: string; params: Record<string, string | number> };
  replacement?: string;
  evidence?: { en?: string; fr?: string };
}
export interface RuleInfo {
  id: string;
  category: string;
  severity: Flag["severity"];
  defaultOn: boolean;
  engine?: "grammalecte" | "speller";
}
export interface CheckInput {
  fr: string[];
  en?: string[];
  pairs?: Array<{ fr: number[]; en: number[] }>;
}
export type Speller = unknown;
export type GrammarFlags = unknown;
export interface CheckEnvironment {
  glossary?: unknown;
  speller?: Speller;
  grammar?: GrammarFlags;
}

export const ruleRegistry: readonly RuleInfo[] = [
  { id: "typography/doubled-word", category: "fluency/typography", severity: "minor", defaultOn: true },
  { id: "cross/number-mismatch", category: "accuracy/mistranslation", severity: "major", defaultOn: true },
];

export function checkDocument(input: CheckInput, _env: CheckEnvironment, options: { disabled?: string[]; only?: number[] } = {}): Flag[] {
  const flags: Flag[] = [];
  const off = new Set(options.disabled ?? []);
  const indices = options.only ?? input.fr.map((_, i) => i);
  for (const i of indices) {
    const fr = input.fr[i] ?? "";
    if (!off.has("typography/doubled-word")) {
      for (const m of fr.matchAll(/\b(\p{L}+) \1\b/gu)) {
        flags.push({
          paragraph: i,
          start: m.index,
          end: m.index + m[0].length,
          rule: "typography/doubled-word",
          category: "fluency/typography",
          severity: "minor",
          message: { key: "doubledWord", params: { word: m[1] } },
          replacement: m[1],
        });
      }
    }
    const en = input.en?.[i];
    if (en && !off.has("cross/number-mismatch")) {
      const enNumbers = new Set(en.match(/\d{4}/g) ?? []);
      for (const m of fr.matchAll(/\b\d{4}\b/g)) {
        if (enNumbers.size > 0 && !enNumbers.has(m[0])) {
          flags.push({
            paragraph: i,
            start: m.index,
            end: m.index + m[0].length,
            rule: "cross/number-mismatch",
            category: "accuracy/mistranslation",
            severity: "major",
            message: { key: "numberMismatch", params: { fr: m[0], en: [...enNumbers].join(", ") } },
            evidence: { en: [...enNumbers].join(", "), fr: m[0] },
          });
        }
      }
    }
  }
  return flags;
}
