import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-cli-"));
const seedFr = fs.readFileSync(path.join(root, "corpus/deepseek-containment/fr.txt"), "utf8");

/// Runs the command line exactly as documented: `npm run -s cli -- …`, on its own database.
function cli(args: string[], dataDir = path.join(tmp, "data")) {
  const r = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeDoc(name: string, files: Record<string, string | Uint8Array>) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

const meta = JSON.stringify({
  title: { fr: "Essai", en: "Test" },
  provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human" } },
  licence: "CC0",
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("command line on a fresh clone", () => {
  it("creates and fills the database on first use, before any server ran", () => {
    const dataDir = path.join(tmp, "fresh");
    expect(fs.existsSync(dataDir)).toBe(false);
    const r = cli(["list"], dataDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^deepseek-containment\t14\tfr-en\tDeepSeek reflète/);
    expect(fs.existsSync(path.join(dataDir, "vis-a-vis.sqlite"))).toBe(true);
  });

  it("lists as one JSON document with --format json", () => {
    const r = cli(["list", "--format", "json"]);
    expect(r.status).toBe(0);
    const { documents } = JSON.parse(r.stdout);
    expect(documents).toEqual([
      expect.objectContaining({ slug: "deepseek-containment", paragraphs: 14, title: expect.objectContaining({ en: expect.stringContaining("DeepSeek") }) }),
    ]);
  });

  it("exports the corrected French text, one paragraph per line (the shipped corrections applied)", () => {
    const r = cli(["export", "deepseek-containment", "--format", "txt"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1)).toHaveLength(seedFr.split("\n").length);
    expect(r.stdout).toContain("Ils semblent avoir comblé l'écart de performance");
    expect(r.stdout).not.toContain("commis l'écart");
    expect(r.stdout).not.toMatch(/Deepseek/);
  });

  it("exports the aligned document as JSON", () => {
    const r = cli(["export", "deepseek-containment", "--format", "json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows).toHaveLength(14);
    expect(doc.rows[2].fr).toContain("comblé l'écart");
    expect(doc.rows[2].en).toContain("closed the performance gap");
    expect(doc.meta.provenance.fr.kind).toBe("machine-translation");
  });

  it("imports a new document, then again without change, then a changed one", () => {
    const dir = writeDoc("essai", { "fr.txt": "Essai\nUn.\n", "en.txt": "Test\nOne.\n", "meta.json": meta });
    expect(cli(["import", dir]).stdout).toBe("created essai: 2 paragraphs\n");
    expect(cli(["import", dir]).stdout).toBe("unchanged essai: nothing to do\n");
    fs.writeFileSync(path.join(dir, "fr.txt"), "Essai\nUn modifié.\n");
    const r = cli(["import", dir, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "updated", fr: { changed: [1] } });
    expect(cli(["export", "essai", "--format", "txt"]).stdout).toBe("Essai\nUn modifié.\n");
  });

  it("takes another name with --slug", () => {
    const dir = writeDoc("other", { "fr.txt": "A\n", "en.txt": "A\n", "meta.json": meta });
    expect(cli(["import", dir, "--slug", "renamed"]).stdout).toBe("created renamed: 1 paragraphs\n");
  });
});

describe("command line: importing two files of any format", () => {
  const file = (name: string, content: string | Uint8Array) => {
    const f = path.join(tmp, "pairs", name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
    return f;
  };
  const fr = file(
    "rapport.md",
    "# Le contrôle des exportations\n\nEn 2022, les États-Unis ont restreint les puces. En 2023, ils ont élargi la liste.\n\n## DeepSeek\n\nDeepSeek a entraîné V3 pour 5,6 millions de dollars.\n",
  );
  const en = file(
    "report.html",
    "<!doctype html><html><head><title>Export controls</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Export controls</h1><p>In 2022, the United States restricted chips.</p><p>In 2023, they widened the list.</p><h2>DeepSeek</h2><p>DeepSeek trained V3 for 5.6 million dollars.</p><p>A line the French does not have.</p></article><footer>© The Weekly</footer></body></html>",
  );

  it("imports a Markdown French text and a saved English web page, aligning unequal counts", () => {
    const r = cli(["import", fr, en, "--slug", "two-files", "--title-en", "Export controls, explained", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ slug: "two-files", status: "created", paragraphs: 4 });
    expect(result.alignment.beads).toBeGreaterThanOrEqual(4);
    const metaJson = JSON.parse(cli(["export", "two-files", "--format", "meta"]).stdout);
    expect(metaJson.title).toEqual({ fr: "Le contrôle des exportations", en: "Export controls, explained" });
    const beads = metaJson.alignment.beads as { fr: number[]; en: number[] }[];
    expect(beads.flatMap((b) => b.fr)).toEqual([0, 1, 2, 3]);
    expect(beads.flatMap((b) => b.en)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cli(["export", "two-files", "--format", "txt", "--lang", "en"]).stdout).toBe(
      "Export controls\nIn 2022, the United States restricted chips.\nIn 2023, they widened the list.\nDeepSeek\nDeepSeek trained V3 for 5.6 million dollars.\nA line the French does not have.\n",
    );
  });

  it("names the document after the French file without --slug, and keeps the folder form working with the alignment in meta.json", () => {
    expect(cli(["import", file("note.fr.txt", "Une note\nUn paragraphe.\n"), file("note.en.txt", "A note\nA paragraph.\n")]).stdout).toBe("created note: 2 paragraphs\n");
    const beads = [{ fr: [0], en: [0] }, { fr: [1], en: [1, 2] }];
    const dir = writeDoc("aligned-folder", { "fr.txt": "Titre\nUn.\n", "en.txt": "Title\nOne.\nTwo.\n", "meta.json": JSON.stringify({ ...JSON.parse(meta), alignment: { beads } }) });
    expect(cli(["import", dir]).stdout).toBe("created aligned-folder: 2 paragraphs; aligned in 2 beads, 0 doubtful\n");
    expect(JSON.parse(cli(["export", "aligned-folder", "--format", "meta"]).stdout).alignment).toEqual({ beads });
  });

  it("refuses a format it cannot read, a broken .docx and invalid UTF-8 with one line, storing nothing", () => {
    for (const [args, message] of [
      [[file("x.pdf", "%PDF-1.4"), en, "--slug", "pdf"], /x\.pdf: this format cannot be imported/],
      [[file("x.docx", "not a zip"), en, "--slug", "docx"], /x\.docx is not a readable \.docx file/],
      [[file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9])), en, "--slug", "latin"], /latin1\.txt is not valid UTF-8/],
    ] as [string[], RegExp][]) {
      const r = cli(["import", ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(JSON.parse(cli(["list", "--format", "json"]).stdout).documents.map((d: { slug: string }) => d.slug)).not.toContain(args.at(-1));
    }
  });
});

describe("command line on bad input", () => {
  const bad: [string, () => string[], RegExp][] = [
    ["invalid UTF-8", () => [writeDoc("latin1", { "fr.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "en.txt": "x\n", "meta.json": meta })], /fr\.txt is not valid UTF-8/],
    ["an empty file", () => [writeDoc("empty", { "fr.txt": "", "en.txt": "x\n", "meta.json": meta })], /fr\.txt is empty/],
    ["an alignment in meta.json that does not fit", () => [writeDoc("misaligned", { "fr.txt": "a\nb\n", "en.txt": "a\n", "meta.json": JSON.stringify({ ...JSON.parse(meta), alignment: { beads: [{ fr: [0], en: [0] }] } }) })], /alignment does not fit the texts: the beads cover 1 fr paragraphs of 2/],
    ["a missing meta field", () => [writeDoc("nometa", { "fr.txt": "a\n", "en.txt": "a\n", "meta.json": "{}" })], /meta\.json is incomplete: title: required/],
    ["a missing file", () => [writeDoc("nofile", { "fr.txt": "a\n", "meta.json": meta })], /en\.txt is missing/],
    ["a file over 5 MB", () => [writeDoc("big", { "fr.txt": "a".repeat(5 * 1024 * 1024 + 1), "en.txt": "a\n", "meta.json": meta })], /fr\.txt is 5\.0 MB; the limit is 5 MB/],
    ["a folder that does not exist", () => [path.join(tmp, "nowhere")], /fr\.txt is missing/],
    ["an unknown option", () => ["--nope"], /Unknown option '--nope'/],
    ["an unknown format", () => ["--format", "xml", writeDoc("fmt", {})], /--format must be one of text, json/],
    ["a NUL in fr.txt", () => [writeDoc("nul", { "fr.txt": "Titre\nun\u0000deux\n", "en.txt": "Title\none two\n", "meta.json": meta })], /fr\.txt: control character U\+0000 at line 2, column 3/],
    ["an escape sequence in en.txt", () => [writeDoc("esc", { "fr.txt": "Titre\n", "en.txt": "\u001b[31mTitle\n", "meta.json": meta })], /en\.txt: control character U\+001B at line 1, column 1/],
    ["a NUL escaped in meta.json", () => [writeDoc("metanul", { "fr.txt": "a\n", "en.txt": "a\n", "meta.json": meta.replace("Essai", "Es\\u0000sai") })], /meta\.json: “title\.fr”: control character U\+0000 at position 3/],
    ["meta.json nested 200,000 levels", () => [writeDoc("deep", { "fr.txt": "a\n", "en.txt": "a\n", "meta.json": "[".repeat(200_000) + "]".repeat(200_000) })], /meta\.json is nested more than 64 levels deep/],
    ["a control character in an argument", () => ["--slug", "a\u0007b", writeDoc("argbell", {})], /argument 2: control character U\+0007 at position 2/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line on stderr for ${what}, and stores nothing`, () => {
      const r = cli(["import", ...args()]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      const listed = JSON.parse(cli(["list", "--format", "json"]).stdout).documents.map((d: { slug: string }) => d.slug);
      expect(listed).not.toContain(path.basename(args().at(-1) ?? ""));
    });
  }

  it("exits 2 for an unknown command, an unknown document and a bad export format", () => {
    for (const args of [["frobnicate"], ["export", "nope", "--format", "txt"], ["export", "deepseek-containment", "--format", "pdf"], ["list", "extra"]]) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^vis-a-vis: .+\n$/);
    }
  });

  it("has --help for every command", () => {
    for (const args of [["--help"], ["import", "--help"], ["list", "--help"], ["export", "--help"]]) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/^Usage: npm run -s cli -- /);
    }
  });
});

describe("terms and glossary on the command line", () => {
  const seed = (f: string) => path.join(root, "corpus/deepseek-containment", f);

  it("finds glossary terms in French and English files as one JSON document, without a database", () => {
    const r = cli(["terms", seed("fr.txt"), "--en", seed("en.txt"), "--format", "json"], path.join(tmp, "never-created"));
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(tmp, "never-created"))).toBe(false);
    const { matches } = JSON.parse(r.stdout);
    const fr = fs.readFileSync(seed("fr.txt"), "utf8").split("\n");
    // "Deepseek" is the machine translation's misspelling: found as the entry's deprecated term.
    expect(matches[0]).toEqual({ lang: "fr", paragraph: 0, start: 0, end: 8, entry: "deepseek", term: "Deepseek", status: "deprecated" });
    const exportControls = matches.find((m: { lang: string; entry: string }) => m.lang === "fr" && m.entry === "export-controls");
    expect(fr[exportControls.paragraph].slice(exportControls.start, exportControls.end)).toMatch(/^contrôles (d'|des |à l')exportations?$/);
    expect(matches.some((m: { lang: string; entry: string }) => m.lang === "en" && m.entry === "export-controls")).toBe(true);
  });

  it("exits 2 for an unreadable text, invalid UTF-8 or a glossary folder that is not one", () => {
    const latin1 = path.join(tmp, "latin1.txt");
    fs.writeFileSync(latin1, new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    for (const args of [["terms", path.join(tmp, "nope.txt")], ["terms", latin1], ["terms", seed("fr.txt"), "--glossary", path.join(tmp, "nowhere")]]) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^vis-a-vis: .+\n$/);
    }
  });

  it("exports the app's glossary as TBX and CSV, and imports a term base", () => {
    const tbx = cli(["glossary", "export", "--format", "tbx"]);
    expect(tbx.status).toBe(0);
    expect(tbx.stdout).toContain('<termEntry id="export-controls">');
    const csv = cli(["glossary", "export", "--format", "csv"]);
    expect(csv.stdout).toContain("export-controls");
    const file = path.join(tmp, "extra.tbx");
    fs.writeFileSync(file, tbx.stdout.replace('id="export-controls"', 'id="export-controls-copy"'));
    expect(cli(["glossary", "import", file]).stdout).toMatch(/^imported extra\.tbx: 1 created, 0 updated, \d+ unchanged/);
    const hostile = path.join(tmp, "xxe.tbx");
    fs.writeFileSync(hostile, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><martif type="TBX-Basic"><text><body/></text></martif>');
    const r = cli(["glossary", "import", hostile]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/xxe\.tbx: .*DOCTYPE/i);
  });
});
