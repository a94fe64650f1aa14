import fs from "node:fs";
import { createInstance } from "i18next";
import { checkDocument, ruleRegistry, type CheckEnvironment, type Flag } from "../../lib/checks";
import { buildTermIndex } from "../../lib/glossary/match";
import { resources } from "../../locales";
import { findGrammalecte, runGrammalecte } from "../../server/checks/grammalecte";
import { findSpeller, prepareSpeller } from "../../server/checks/speller";
import { oneOf, out, parse, UsageError } from "../args";
import { readGlossaryDir, readParagraphsFile } from "./terms";

export const usage = `Usage: npm run -s cli -- check FR.txt [--en EN.txt] [--glossary DIR] [--disable RULE]… [--enable RULE]… [--format text|json]
       npm run -s cli -- check --rules [--format text|json]

Points at likely machine-translation errors in FR.txt: spelling (Hunspell), grammar
(Grammalecte), French typography, numbers, names and untranslated words against EN.txt (aligned
line to line), and glossary consistency (every .tbx file in DIR; default: glossary, if present).
--disable switches a rule off, --enable switches on a rule that is off by default (both repeatable);
--rules lists the rules. Paragraphs are the non-empty lines, counted from 0; offsets are UTF-16
code units into the NFC paragraph, end exclusive. Without hunspell + hunspell-fr or grammalecte-cli
the rules that need them raise nothing (a note says so on stderr).
With --format json: {"flags":[{"paragraph","start","end","rule","category","severity","message","replacement"?}…]}.`;

/// A rendered English message (locales/en, section "checks").
function englishRenderer(): (flag: Flag) => string {
  const i18n = createInstance();
  void i18n.init({ lng: "en", resources, defaultNS: "common", fallbackLng: false, initAsync: false, interpolation: { escapeValue: false } });
  return (flag) => i18n.t(flag.message.key, flag.message.params) as string;
}

function ruleIds(values: string[] | undefined, option: string): string[] {
  const known = new Set(ruleRegistry.map((r) => r.id));
  for (const id of values ?? []) if (!known.has(id)) throw new UsageError(`--${option}: unknown rule "${id}" (see check --rules)`);
  return values ?? [];
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    en: { type: "string" },
    glossary: { type: "string" },
    format: { type: "string" },
    rules: { type: "boolean" },
    disable: { type: "string", multiple: true },
    enable: { type: "string", multiple: true },
  });
  if (values.help) return out(usage + "\n").then(() => 0);
  const format = oneOf("format", values.format, ["text", "json"], "text");
  if (values.rules) {
    if (positionals.length > 0) throw new UsageError("check --rules takes no file (see --help)");
    const rules = ruleRegistry.map((r) => ({ id: r.id, category: r.category, severity: r.severity, defaultOn: r.defaultOn, ...(r.engine ? { engine: r.engine } : {}) }));
    if (format === "json") await out(JSON.stringify({ rules }) + "\n");
    else await out(rules.map((r) => `${r.id}\t${r.category}\t${r.severity}\t${r.defaultOn ? "on" : "off"}${r.engine ? `\t${r.engine}` : ""}\n`).join(""));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("check takes exactly one French text file (see --help)");
  const disabled = ruleIds(values.disable, "disable");
  const enabled = ruleIds(values.enable, "enable");
  const fr = readParagraphsFile(positionals[0]!);
  const en = values.en ? readParagraphsFile(values.en) : undefined;
  const glossaryDir = values.glossary ?? (fs.existsSync("glossary") ? "glossary" : undefined);
  const env: CheckEnvironment = {};
  if (glossaryDir) env.glossary = buildTermIndex(readGlossaryDir(glossaryDir));

  const active = (engine: string) =>
    ruleRegistry.some((r) => r.engine === engine && !disabled.includes(r.id) && (r.defaultOn || enabled.includes(r.id)));
  const missing: string[] = [];
  if (active("speller")) {
    const engine = findSpeller();
    if (engine) env.speller = await prepareSpeller(fr, engine);
    else missing.push("hunspell with a French dictionary (spelling)");
  }
  if (active("grammalecte")) {
    const grammalecte = findGrammalecte();
    if (grammalecte) env.grammar = await runGrammalecte(fr, { executable: grammalecte });
    else missing.push("grammalecte-cli (grammar)");
  }
  if (missing.length > 0) process.stderr.write(`vis-a-vis: not installed, those checks are off: ${missing.join("; ")}\n`);

  const render = englishRenderer();
  const flags = checkDocument({ fr, ...(en ? { en } : {}) }, env, { disabled, enabled }).map((f) => ({
    paragraph: f.paragraph,
    start: f.start,
    end: f.end,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: render(f),
    ...(f.replacement !== undefined ? { replacement: f.replacement } : {}),
    ...(f.evidence ? { evidence: f.evidence } : {}),
  }));
  if (format === "json") await out(JSON.stringify({ flags }) + "\n");
  else await out(flags.map((f) => `${f.paragraph}\t${f.start}-${f.end}\t${f.rule}\t${f.severity}\t${f.message}${f.replacement !== undefined ? `\t→ ${f.replacement}` : ""}\n`).join(""));
  return 0;
}
