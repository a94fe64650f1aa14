import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ruleRegistry } from "../../lib/checks";
import { findGrammalecte } from "../../server/checks/grammalecte";
import { findSpeller } from "../../server/checks/speller";
import { describeIfAvailable } from "../support/requirements";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-check-"));
const seed = (f: string) => path.join(root, "corpus/deepseek-containment", f);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/// Runs the command line exactly as documented, with no database (`check` needs none).
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: path.join(tmp, "never-created"), DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: string | Uint8Array) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

interface CliFlag {
  paragraph: number;
  start: number;
  end: number;
  rule: string;
  category: string;
  severity: string;
  message: string;
  replacement?: string;
}

describe("check on the command line: the contract", () => {
  it("prints one JSON document of flags with DESIGN.md's fields and English messages, without a database", { timeout: 180_000 }, () => {
    const fr = write("fr.txt", "En 2018, Openai a dit: «non».\n\nIl a a vendu 200 000 puces.\n");
    const en = write("en.txt", "In 2019, OpenAI said: “no”.\nHe sold 200,000 chips.\n");
    const r = cli(["check", fr, "--en", en, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(tmp, "never-created"))).toBe(false);
    const { flags } = JSON.parse(r.stdout) as { flags: CliFlag[] };
    const byRule = (rule: string) => flags.filter((f) => f.rule === rule);
    expect(byRule("crosslingual/number-mismatch")).toEqual([
      { paragraph: 0, start: 3, end: 7, rule: "crosslingual/number-mismatch", category: "accuracy/mistranslation", severity: "major", message: "English has 2019; French has 2018.", replacement: "2019", evidence: { en: "2019", fr: "2018" } },
    ]);
    expect(byRule("crosslingual/name-case")).toEqual([expect.objectContaining({ paragraph: 0, start: 9, end: 15, replacement: "OpenAI", message: "English writes “OpenAI”; French has “Openai”." })]);
    // Paragraphs count non-empty lines: the doubled word is in paragraph 1.
    expect(byRule("typography/doubled-word")).toEqual([expect.objectContaining({ paragraph: 1, start: 4, end: 6, replacement: "" })]);
    expect(byRule("typography/space-before-punctuation").map((f) => [f.paragraph, f.start])).toEqual([[0, 21]]);
    for (const f of flags) {
      expect(Object.keys(f).every((k) => ["paragraph", "start", "end", "rule", "category", "severity", "message", "replacement", "evidence"].includes(k))).toBe(true);
      expect(f.message).not.toMatch(/checks\.messages|\{\{/);
    }
  });

  it("lists the rules with --rules, and switches rules off with --disable (repeatable) and on with --enable", { timeout: 180_000 }, () => {
    const r = cli(["check", "--rules", "--format", "json"]);
    expect(r.status).toBe(0);
    const { rules } = JSON.parse(r.stdout) as { rules: Array<{ id: string; category: string; defaultOn: boolean }> };
    expect(rules.map((x) => x.id)).toEqual(ruleRegistry.map((x) => x.id));
    expect(rules.find((x) => x.id === "glossary/admitted-variant")).toMatchObject({ category: "terminology", defaultOn: false });
    const text = cli(["check", "--rules"]);
    expect(text.stdout).toMatch(/^spelling\/unknown-word\tfluency\/spelling\tminor\ton\tspeller$/m);

    const fr = write("doubled.txt", "Le le chat dort.  Il rêve.\n");
    const all = JSON.parse(cli(["check", fr, "--format", "json", "--glossary", path.join(root, "glossary")]).stdout).flags as CliFlag[];
    expect(all.map((f) => f.rule)).toEqual(expect.arrayContaining(["typography/doubled-word", "typography/doubled-space"]));
    const some = JSON.parse(cli(["check", fr, "--format", "json", "--disable", "typography/doubled-word", "--disable", "typography/doubled-space"]).stdout).flags as CliFlag[];
    expect(some.filter((f) => f.rule.startsWith("typography/doubled"))).toEqual([]);
    const variants = write("variants.txt", "Les contrôles des exportations.\n");
    const on = JSON.parse(cli(["check", variants, "--format", "json", "--enable", "glossary/admitted-variant"]).stdout).flags as CliFlag[];
    expect(on.map((f) => f.rule)).toContain("glossary/admitted-variant");
  });

  it("exits 2 with one line on stderr for bad input", { timeout: 180_000 }, () => {
    const latin1 = write("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    const ok = write("ok.txt", "Bonjour.\n");
    const cases = [
      ["check", path.join(tmp, "nope.txt")],
      ["check", latin1],
      ["check", ok, "--en", path.join(tmp, "nope.txt")],
      ["check", ok, "--glossary", path.join(tmp, "nowhere")],
      ["check", ok, "--disable", "no/such-rule"],
      ["check", ok, "--format", "xml"],
      ["check", ok, "--bogus"],
      ["check"],
    ];
    for (const args of cases) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^vis-a-vis: [^\n]+\n$/);
    }
  });

  it("says on stderr, and nowhere else, which engines are missing", { timeout: 180_000 }, () => {
    const ok = write("engines.txt", "Les chat sont noir.\n");
    const r = cli(["check", ok, "--format", "json"], { PATH: `${path.dirname(process.execPath)}:/nonexistent`, HUNSPELL: "/nonexistent/hunspell", GRAMMALECTE: "/nonexistent/grammalecte-cli" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).flags.filter((f: CliFlag) => f.rule.startsWith("grammar/") || f.rule.startsWith("spelling/"))).toEqual([]);
    expect(r.stderr).toMatch(/^vis-a-vis: not installed, those checks are off: hunspell.*grammalecte-cli/);
  });
});

describeIfAvailable("hunspell, hunspell-fr and grammalecte-cli", findSpeller() !== undefined && findGrammalecte() !== undefined)("check with the engines installed", () => {
  it("reports spelling and grammar on the seed document, and nothing on stderr", { timeout: 180_000 }, () => {
    const r = cli(["check", seed("fr.txt"), "--en", seed("en.txt"), "--format", "json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const flags = JSON.parse(r.stdout).flags as CliFlag[];
    const fr = fs.readFileSync(seed("fr.txt"), "utf8").split("\n");
    const said = (rule: string) => flags.filter((f) => f.rule === rule).map((f) => fr[f.paragraph]!.slice(f.start, f.end));
    expect(said("spelling/run-together")).toContain("offriraffaiblissant");
    expect(said("crosslingual/name-garbled")).toEqual(["Brundage de miles"]);
    expect(said("grammar/confusion").length).toBeGreaterThan(0);
  });
});
