/// Precision and recall of the checks on an annotated set: the seed document with the errors its
/// shipped corrections fixed (accepted and open suggestions; rejected ones are not errors), and
/// bench/checks/testset.json (French paragraphs of our own, with and without errors, each with
/// its English). The learned rule is left out (it has nothing to learn from here).
///
/// A flag points at an error when their spans overlap in the same paragraph (an insertion point
/// counts when the flag covers it); a flag longer than 40 characters (a whole sentence or
/// paragraph, as omission rules give) counts only for errors of accuracy or terminology.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkDocument, ruleRegistry, type CheckEnvironment, type Flag } from "../../lib/checks";
import { buildTermIndex } from "../../lib/glossary/match";
import type { TermIndex } from "../../lib/glossary/term-index";
import { splitParagraphs } from "../../lib/text/paragraphs";
import { findGrammalecte, runGrammalecte } from "../../server/checks/grammalecte";
import { findSpeller, prepareSpeller } from "../../server/checks/speller";
import { listTermBases, readTermBase } from "../../server/glossary/files";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/// An error of the annotated set.
export interface AnnotatedError {
  paragraph: number;
  start: number;
  end: number;
  category: string;
  /// The rule expected to find it (own paragraphs only).
  rule?: string;
}

/// A document of the annotated set.
export interface AnnotatedDocument {
  name: string;
  fr: string[];
  en: string[];
  errors: AnnotatedError[];
}

interface TestsetPair {
  fr: string;
  en: string;
  errors: Array<{ text: string; occurrence?: number; rule?: string; category: string }>;
}

/// Where the `n`th occurrence of `needle` standing on word boundaries starts, or -1.
function nthIndex(text: string, needle: string, n: number): number {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before = /^[\p{L}\p{N}]/u.test(needle) ? "(?<![\\p{L}\\p{N}])" : "";
  const after = /[\p{L}\p{N}]$/u.test(needle) ? "(?![\\p{L}\\p{N}])" : "";
  const found = [...text.matchAll(new RegExp(`${before}${escaped}${after}`, "gu"))];
  return found[n]?.index ?? -1;
}

/// The annotated set: the seed document and our own paragraphs.
export function annotatedSet(): AnnotatedDocument[] {
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  const seedFr = splitParagraphs(read("corpus/deepseek-containment/fr.txt"));
  const seedEn = splitParagraphs(read("corpus/deepseek-containment/en.txt"));
  const corrections = JSON.parse(read("corpus/deepseek-containment/corrections.json")) as {
    suggestions: Array<{ paragraph: number; start: number; end: number; category: string; status: string }>;
  };
  const seedErrors = corrections.suggestions
    .filter((s) => s.status !== "rejected")
    .map(({ paragraph, start, end, category }) => ({ paragraph, start, end, category }));
  const pairs = (JSON.parse(read("bench/checks/testset.json")) as { pairs: TestsetPair[] }).pairs;
  const ownErrors: AnnotatedError[] = pairs.flatMap((p, paragraph) =>
    p.errors.map((e) => {
      const start = nthIndex(p.fr, e.text, e.occurrence ?? 0);
      if (start < 0) throw new Error(`testset pair ${paragraph}: "${e.text}" is not in its French`);
      return { paragraph, start, end: start + e.text.length, category: e.category, ...(e.rule ? { rule: e.rule } : {}) };
    }),
  );
  return [
    { name: "seed document (corrections.json)", fr: seedFr, en: seedEn, errors: seedErrors },
    { name: "own paragraphs (bench/checks/testset.json)", fr: pairs.map((p) => p.fr), en: pairs.map((p) => p.en), errors: ownErrors },
  ];
}

/// The project's glossary (glossary/*.tbx).
export function projectGlossary(): TermIndex {
  return buildTermIndex(listTermBases(path.join(root, "glossary")).flatMap(readTermBase));
}

/// Which engines the measure ran with.
export interface Engines {
  speller: boolean;
  grammalecte: boolean;
}

/// The environment for one document: glossary, speller and Grammalecte's results when installed.
export async function environmentFor(doc: AnnotatedDocument, glossary: TermIndex): Promise<{ env: CheckEnvironment; engines: Engines }> {
  const env: CheckEnvironment = { glossary };
  const speller = findSpeller();
  if (speller) env.speller = await prepareSpeller(doc.fr, speller);
  const grammalecte = findGrammalecte();
  if (grammalecte) env.grammar = await runGrammalecte(doc.fr, { executable: grammalecte });
  return { env, engines: { speller: !!speller, grammalecte: !!grammalecte } };
}

/// Whether `flag` points at `error`.
export function pointsAt(flag: Flag, error: AnnotatedError): boolean {
  if (flag.paragraph !== error.paragraph) return false;
  const overlap =
    error.start === error.end ? flag.start <= error.start && error.start <= flag.end : flag.start < error.end && error.start < flag.end;
  if (!overlap) return false;
  if (flag.end - flag.start > 40) return /^(accuracy|terminology)/u.test(error.category);
  return true;
}

/// The figures of one rule, or of all default-on rules together.
export interface RuleScore {
  flags: number;
  /// Flags that point at an error.
  correct: number;
  precision: number | null;
  /// Errors annotated for this rule (own paragraphs), and how many of them it flags.
  targeted: number;
  found: number;
  recall: number | null;
}

export interface Measurement {
  rules: Record<string, RuleScore>;
  /// Default-on rules together, over every error (the seed's corrections and ours).
  overall: RuleScore;
  /// The same per document.
  documents: Array<{ name: string; score: RuleScore }>;
  engines: Engines;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function scoreOf(flags: Flag[], errors: AnnotatedError[], targeted: AnnotatedError[]): RuleScore {
  const correct = flags.filter((f) => errors.some((e) => pointsAt(f, e))).length;
  const found = targeted.filter((e) => flags.some((f) => pointsAt(f, e))).length;
  return { flags: flags.length, correct, precision: ratio(correct, flags.length), targeted: targeted.length, found, recall: ratio(found, targeted.length) };
}

/// Runs every rule but the learned one (off-by-default rules too) over the annotated set.
export async function measure(): Promise<Measurement> {
  const glossary = projectGlossary();
  const docs = annotatedSet();
  const measured = ruleRegistry.filter((r) => !r.id.startsWith("learned/"));
  const perDoc: Array<{ doc: AnnotatedDocument; flags: Flag[] }> = [];
  let engines: Engines = { speller: false, grammalecte: false };
  for (const doc of docs) {
    const prepared = await environmentFor(doc, glossary);
    engines = prepared.engines;
    const flags = checkDocument({ fr: doc.fr, en: doc.en }, prepared.env, {
      enabled: measured.map((r) => r.id),
      disabled: ["learned/accepted-fix"],
    });
    perDoc.push({ doc, flags });
  }
  const rules: Record<string, RuleScore> = {};
  for (const rule of measured) {
    let total: RuleScore = { flags: 0, correct: 0, precision: null, targeted: 0, found: 0, recall: null };
    for (const { doc, flags } of perDoc) {
      const s = scoreOf(flags.filter((f) => f.rule === rule.id), doc.errors, doc.errors.filter((e) => e.rule === rule.id));
      total = { ...total, flags: total.flags + s.flags, correct: total.correct + s.correct, targeted: total.targeted + s.targeted, found: total.found + s.found };
    }
    rules[rule.id] = { ...total, precision: ratio(total.correct, total.flags), recall: ratio(total.found, total.targeted) };
  }
  const on = new Set(ruleRegistry.filter((r) => r.defaultOn && !r.id.startsWith("learned/")).map((r) => r.id));
  const documents = perDoc.map(({ doc, flags }) => {
    const active = flags.filter((f) => on.has(f.rule));
    return { name: doc.name, score: scoreOf(active, doc.errors, doc.errors) };
  });
  const sum = (k: "flags" | "correct" | "targeted" | "found") => documents.reduce((n, d) => n + d.score[k], 0);
  const overall: RuleScore = {
    flags: sum("flags"),
    correct: sum("correct"),
    precision: ratio(sum("correct"), sum("flags")),
    targeted: sum("targeted"),
    found: sum("found"),
    recall: ratio(sum("found"), sum("targeted")),
  };
  return { rules, overall, documents, engines };
}

const pct = (x: number | null): string => (x === null ? "—" : `${Math.round(x * 1000) / 10} %`);

/// The measurement as a Markdown section for bench/RESULTS.md.
export function measurementMarkdown(m: Measurement): string {
  const lines = [
    "### Precision and recall",
    "",
    `Annotated set: the seed document's errors (its accepted and open corrections) and bench/checks/testset.json. Engines: Hunspell ${m.engines.speller ? "on" : "NOT INSTALLED"}, Grammalecte ${m.engines.grammalecte ? "on" : "NOT INSTALLED"}. Recall per rule counts the errors of our own paragraphs annotated for that rule; overall recall counts every error, style and meaning errors no rule can see included. The learned rule is left out. Caution: most rules have only a few flags here, and our own paragraphs were written while the rules were built, so these precisions are upper bounds for machine translations the rules have never seen; the seed document (not written for the rules) is the fairer view.`,
    "",
    "| Rule | Default | Flags | Correct | Precision | Annotated | Found | Recall |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const rule of ruleRegistry) {
    const s = m.rules[rule.id];
    if (!s) continue;
    lines.push(`| ${rule.id} | ${rule.defaultOn ? "on" : "off"} | ${s.flags} | ${s.correct} | ${pct(s.precision)} | ${s.targeted} | ${s.found} | ${pct(s.recall)} |`);
  }
  for (const d of m.documents) {
    lines.push(`| all default-on rules: ${d.name} | | ${d.score.flags} | ${d.score.correct} | ${pct(d.score.precision)} | ${d.score.targeted} | ${d.score.found} | ${pct(d.score.recall)} |`);
  }
  const o = m.overall;
  lines.push(`| **all default-on rules, overall** | | ${o.flags} | ${o.correct} | ${pct(o.precision)} | ${o.targeted} | ${o.found} | ${pct(o.recall)} |`);
  return lines.join("\n") + "\n";
}

/// The figures a measurement reached, rounded down to the percent: what the tests keep.
export interface Floors {
  rules: Record<string, { precision?: number; recall?: number }>;
  overall: { precision: number; recall: number };
}

export function floorsOf(m: Measurement): Floors {
  const down = (x: number | null) => (x === null ? undefined : Math.floor(x * 100) / 100);
  const rules: Floors["rules"] = {};
  for (const [id, s] of Object.entries(m.rules)) {
    const precision = down(s.precision);
    const recall = down(s.recall);
    rules[id] = { ...(precision !== undefined ? { precision } : {}), ...(recall !== undefined ? { recall } : {}) };
  }
  return { rules, overall: { precision: down(m.overall.precision) ?? 0, recall: down(m.overall.recall) ?? 0 } };
}
