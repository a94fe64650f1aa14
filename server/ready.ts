/// The one place that opens the database, migrates it and imports the bundled corpus, shared by
/// the server (on start and on first use) and the command line.
import "server-only";
import path from "node:path";
import { DocumentError } from "../lib/corpus/document";
import { configFromEnv, openDatabase, type Db } from "./db/connection";
import { migrateToLatest } from "./db/migrations";
import { importDocument, type ImportResult } from "./corpus/import";
import { listDocumentDirs, readCorrectionsFile, readDocumentDir } from "./corpus/files";
import { hub } from "./events/hub";
import { TbxError } from "../lib/formats/tbx";
import { listTermBases, readTermBase } from "./glossary/files";
import { importEntries } from "./glossary/store";
import { CorrectionsFileError, importCorrections, type CorrectionsFile } from "./corrections/file";

/// Folders the app reads on start: CORPUS_DIR (default `corpus`) and GLOSSARY_DIR (default `glossary`).
export function contentDirs(env: NodeJS.ProcessEnv = process.env) {
  return {
    corpus: path.resolve(/*turbopackIgnore: true*/ env.CORPUS_DIR || "corpus"),
    glossary: path.resolve(/*turbopackIgnore: true*/ env.GLOSSARY_DIR || "glossary"),
  };
}

/// Imports every document folder of a corpus. A folder with bad files is reported and skipped,
/// so one broken document never keeps the others from loading.
export async function importCorpus(
  db: Db,
  corpusDir: string,
  log: (line: string) => void = () => {},
): Promise<{ results: ImportResult[]; errors: string[] }> {
  const results: ImportResult[] = [];
  const errors: string[] = [];
  for (const dir of listDocumentDirs(corpusDir)) {
    try {
      const source = readDocumentDir(dir);
      const corrections = readCorrectionsFile(dir);
      const result = await importDocument(db.kysely, source);
      results.push(result);
      if (result.status !== "unchanged") log(`corpus: ${result.slug} ${result.status}`);
      if (corrections) {
        const n = await importShippedCorrections(db, source.slug, corrections);
        if (n > 0) log(`corpus: ${source.slug}: ${n} tracked corrections imported`);
      }
    } catch (e) {
      if (!(e instanceof DocumentError || e instanceof CorrectionsFileError)) throw e;
      errors.push(`${path.basename(dir)}: ${e.message}`);
      log(`corpus: ${path.basename(dir)} skipped: ${e.message}`);
    }
  }
  return { results, errors };
}

/// Imports every term base of the glossary folder; a bad file is reported and skipped.
export async function importGlossary(db: Db, dir: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const errors: string[] = [];
  for (const file of listTermBases(dir)) {
    try {
      const r = await importEntries(db.kysely, path.basename(file), readTermBase(file));
      if (r.created || r.updated) log(`glossary: ${path.basename(file)}: ${r.created} entries created, ${r.updated} updated`);
    } catch (e) {
      if (!(e instanceof TbxError)) throw e;
      errors.push(e.message);
      log(`glossary: skipped ${e.message}`);
    }
  }
  return errors;
}

/// Replays a document's shipped corrections once: only while the document has no suggestions
/// (checked in the replay's own transaction, so instances starting together replay it once), so
/// restarting or re-importing never duplicates or loses any. Returns how many were imported.
export async function importShippedCorrections(db: Db, slug: string, file: CorrectionsFile): Promise<number> {
  const doc = await db.kysely.selectFrom("documents").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  return (await importCorrections(db, doc.id, file, { onlyIntoEmpty: true })).suggestions;
}

/// Opens, migrates and fills a database from the given environment.
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => {}): Promise<Db> {
  const db = await openDatabase(configFromEnv(env));
  try {
    await migrateToLatest(db);
    await importCorpus(db, contentDirs(env).corpus, log);
    await importGlossary(db, contentDirs(env).glossary, log);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

const KEY = Symbol.for("vis-a-vis.db");
type Holder = { [KEY]?: Promise<Db> };

/// The process's database, prepared once. Kept on globalThis because Next.js bundles the
/// instrumentation hook and the routes separately, each with its own copy of this module.
export function database(): Promise<Db> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = prepareDatabase(process.env, (line) => console.log(line)).then(async (db) => {
      // On PostgreSQL, events reach the other app instances through LISTEN/NOTIFY. Without it
      // (the server refused, say) the app still works, live updates staying within this instance,
      // and the hub keeps trying.
      await hub()
        .connect(db, process.env.DATABASE_URL)
        .catch((e: Error) => console.error("events: LISTEN failed, retrying in the background:", e.message));
      return db;
    });
    holder[KEY].catch(() => delete holder[KEY]);
  }
  return holder[KEY];
}
