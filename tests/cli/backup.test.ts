import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-backup-"));
const dataDir = path.join(tmp, "data");

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/// Every document, suggestion (with its status), comment and history entry, as stored.
function contents() {
  const db = new SQLite(path.join(dataDir, "vis-a-vis.sqlite"), { readonly: true });
  try {
    return {
      documents: db.prepare("select id, slug from documents order by id").all(),
      paragraphs: db.prepare("select id, text, revision from paragraphs order by id").all(),
      suggestions: db.prepare("select id, paragraph_id, deleted, inserted, status, author_name from suggestions order by id").all(),
      comments: db.prepare("select id, suggestion_id, text from comments order by id").all(),
      history: db.prepare("select id, paragraph_id, revision, kind, suggestion_id from revisions order by id").all(),
    };
  } finally {
    db.close();
  }
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("cli backup and restore (SQLite)", () => {
  it("restores a backup with every document, suggestion, comment and history entry", () => {
    expect(cli(["list"]).status).toBe(0); // creates the database with the seed and its corrections
    const before = contents();
    expect(before.suggestions.length).toBeGreaterThan(100);
    expect(before.history.length).toBeGreaterThan(50);
    const file = path.join(tmp, "backup.sqlite");
    const backup = cli(["backup", file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backed up to .*backup\.sqlite \(\d+ bytes\)\n$/);

    // Things happen after the backup: a document is added, comments and suggestions vanish.
    const dir = path.join(tmp, "autre");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "fr.txt"), "Autre\nUn paragraphe.\n");
    fs.writeFileSync(path.join(dir, "en.txt"), "Other\nA paragraph.\n");
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ title: { fr: "Autre", en: "Other" }, provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human" } }, licence: "CC0" }));
    expect(cli(["import", dir]).status).toBe(0);
    const live = new SQLite(path.join(dataDir, "vis-a-vis.sqlite"));
    live.prepare("delete from comments").run();
    live.prepare("update suggestions set status = 'rejected'").run();
    live.close();
    expect(contents()).not.toEqual(before);

    const restore = cli(["restore", file]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toBe(`restored ${file} (1 documents)\n`);
    expect(contents()).toEqual(before);
    expect(cli(["list"]).stdout).toMatch(/^deepseek-containment\t14\t/);
  }, 120_000);

  it("refuses to overwrite a file, to restore what is not a backup, and says to use pg_dump on PostgreSQL", () => {
    const existing = path.join(tmp, "exists.sqlite");
    fs.writeFileSync(existing, "not a database at all, just some text");
    const over = cli(["backup", existing]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/exists already/);
    const bad = cli(["restore", existing]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/is not a SQLite database/);
    expect(cli(["restore", path.join(tmp, "missing.sqlite")]).stderr).toMatch(/no such file/);
    const pg = cli(["backup", path.join(tmp, "pg.dump")], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(pg.status).toBe(2);
    expect(pg.stderr).toMatch(/pg_dump --format=custom/);
    expect(cli(["restore", existing], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }).stderr).toMatch(/pg_restore/);
    expect(fs.readFileSync(existing, "utf8")).toBe("not a database at all, just some text");
  }, 120_000);
});
