import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-align-"));
const seed = (f: string) => path.join(root, "corpus/deepseek-containment", f);

/// Runs the command line exactly as documented, with no database.
function cli(args: string[]) {
  const r = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: path.join(tmp, "never-created"), DATABASE_URL: "" },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("align on the command line", () => {
  it("aligns the seed document paragraph by paragraph as one JSON document, without a database", () => {
    const r = cli(["align", seed("fr.txt"), seed("en.txt"), "--format", "json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const { beads } = JSON.parse(r.stdout);
    expect(beads).toHaveLength(14);
    beads.forEach((b: { fr: number[]; en: number[]; score: number }, k: number) => {
      expect(b).toEqual({ fr: [k], en: [k], score: expect.any(Number) });
      expect(b.score).toBeGreaterThan(0.5);
    });
    expect(fs.existsSync(path.join(tmp, "never-created"))).toBe(false);
  });

  it("gives merges and one-sided beads for unequal texts", () => {
    const fr = write("fr.txt", "Titre\nIl pleut. Le ciel est gris.\nNous restons à la maison toute la journée.\nFin de l'histoire.\n");
    const en = write("en.txt", "Title\nIt is raining.\nThe sky is grey.\nThe end of the story.\nA note added by the translator, with nothing in French.\n");
    const { beads } = JSON.parse(cli(["align", fr, en, "--format", "json"]).stdout);
    expect(beads.flatMap((b: { fr: number[] }) => b.fr)).toEqual([0, 1, 2, 3]);
    expect(beads.flatMap((b: { en: number[] }) => b.en)).toEqual([0, 1, 2, 3, 4]);
    expect(beads.map((b: { fr: number[]; en: number[] }) => `${b.fr}|${b.en}`)).toContain("1|1,2");
  });

  it("aligns sentences numbered across the text, with their offsets and text, at --level sentence", () => {
    const fr = write("s-fr.txt", "Il pleut. Le ciel est gris.\nFin.\n");
    const en = write("s-en.txt", "It is raining. The sky is grey.\nThe end.\n");
    const r = cli(["align", fr, en, "--level", "sentence", "--format", "json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.beads.map((b: { fr: number[]; en: number[] }) => [b.fr, b.en])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
    expect(out.sentences.fr[1]).toEqual({ paragraph: 0, start: 10, end: 27, text: "Le ciel est gris." });
    expect(out.sentences.en[2]).toEqual({ paragraph: 1, start: 0, end: 8, text: "The end." });
  });

  it("prints a hunalign-style ladder with --format tsv", () => {
    const r = cli(["align", seed("fr.txt"), seed("en.txt"), "--format", "tsv"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").map((l) => l.split("\t"));
    expect(lines).toHaveLength(15);
    lines.forEach(([fr, en, score], k) => {
      expect([fr, en]).toEqual([String(k), String(k)]);
      expect(Number(score)).toBeGreaterThanOrEqual(0);
    });
  });

  it("reports progress on stderr with --progress, keeping stdout one JSON document", () => {
    const r = cli(["align", seed("fr.txt"), seed("en.txt"), "--format", "json", "--progress"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).beads).toHaveLength(14);
    expect(r.stderr).toMatch(/aligning paragraphs: 100%/);
  });

  it("has --help", () => {
    const r = cli(["align", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run -s cli -- align FR\.txt EN\.txt/);
  });

  const bad: Array<[string, () => string[], RegExp]> = [
    ["a missing file", () => [path.join(tmp, "nope.txt"), seed("en.txt")], /cannot read .*nope\.txt: ENOENT/],
    ["invalid UTF-8", () => [write("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9])), seed("en.txt")], /latin1\.txt is not valid UTF-8/],
    ["one file only", () => [seed("fr.txt")], /exactly two text files/],
    ["an unknown level", () => [seed("fr.txt"), seed("en.txt"), "--level", "word"], /--level must be one of paragraph, sentence/],
    ["an unknown format", () => [seed("fr.txt"), seed("en.txt"), "--format", "xml"], /--format must be one of tsv, json/],
    ["an unknown option", () => [seed("fr.txt"), seed("en.txt"), "--fast"], /Unknown option '--fast'/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line on stderr for ${what}`, () => {
      const r = cli(["align", ...args()]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }
});
