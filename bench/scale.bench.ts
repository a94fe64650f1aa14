/// Books, not articles (issue 11): at 1,000 / 10,000 / 100,000 paragraphs, the time to store an
/// import, the reader's first HTML (a baseline until the reader is virtualized), and 100
/// concurrent small requests while the whole book is exported (they must not wait for it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../server/db/connection";
import { migrateToLatest } from "../server/db/migrations";
import { startServer } from "../tests/support/server";
import { BOOK_SIZES, bookSlug, importBook, percentile, round } from "./books";
import { underTarget, type BenchResult } from "./types";

const fmt = (n: number) => n.toLocaleString("en");

async function storingImports(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const n of BOOK_SIZES) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vv-bench-import-"));
    const db = await openDatabase({ dataDir });
    try {
      await migrateToLatest(db);
      const ms = round(await importBook(db, n));
      const name = `store an import of ${fmt(n)} paragraphs`;
      const note = "SQLite, one transaction, French and English (2 × n rows), ~130 characters a paragraph; storing only (alignment and checks are not part of it)";
      out.push(n === 100_000 ? underTarget(name, ms, "ms", 10_000, note) : { name, value: ms, unit: "ms", note });
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return out;
}

/// Times one GET to its last byte; returns [ms, bytes].
async function timed(url: string, signal?: AbortSignal): Promise<[number, number]> {
  const t0 = performance.now();
  const res = await fetch(url, { signal });
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return [performance.now() - t0, body.length];
}

async function withServer(): Promise<BenchResult[]> {
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
    return [{ name: "server figures", value: NaN, unit: "", note: "skipped: build the app first (npm run build)" }];
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vv-bench-books-"));
  const db = await openDatabase({ dataDir });
  try {
    await migrateToLatest(db);
    for (const n of BOOK_SIZES) await importBook(db, n);
  } finally {
    await db.close();
  }
  const server = await startServer({ DATA_DIR: dataDir });
  const out: BenchResult[] = [];
  try {
    // 100 concurrent small requests (a one-row page each) while a whole book is exported as JSON,
    // and the same 100 with nothing else running, to tell the export's share from the machine's.
    const small = `${server.url}/api/documents/${bookSlug(1_000)}/paragraphs?from=7&limit=1`;
    // A request that fails (a reset connection on a loaded machine) is counted, not fatal.
    let failures = 0;
    const hundred = () => Promise.all(Array.from({ length: 100 }, () => timed(small).then(([ms]) => ms, () => (failures++, NaN)))).then((xs) => xs.filter(Number.isFinite));
    await timed(small);
    await timed(`${server.url}/api/documents/${bookSlug(1_000)}/export?format=json`);
    const idle = await hundred();
    out.push({ name: "p99 of 100 concurrent small requests, nothing else running", value: round(percentile(idle, 99)), unit: "ms", note: `the same requests as below without an export: what this machine gives at best; p50 ${round(percentile(idle, 50))} ms; ${failures} failed` });
    for (const n of BOOK_SIZES) {
      const name = `p99 of 100 concurrent small requests during the export of ${fmt(n)} paragraphs`;
      try {
        failures = 0;
        const exporting = timed(`${server.url}/api/documents/${bookSlug(n)}/export?format=json`);
        await new Promise((r) => setTimeout(r, 30));
        const latencies = await hundred();
        const [exportMs, bytes] = await exporting;
        const note = `production server (next start), SQLite; JSON export of ${round(bytes / 1e6)} MB streamed in ${round(exportMs)} ms; small request: GET …/paragraphs?limit=1; p50 ${round(percentile(latencies, 50))} ms, max ${round(Math.max(...latencies))} ms; ${failures} failed`;
        out.push(underTarget(name, round(percentile(latencies, 99)), "ms", 200, note));
      } catch (e) {
        out.push({ name, value: NaN, unit: "ms", target: 200, note: `failed: ${(e as Error).message}` });
      }
    }
    // The reader's first HTML as it is today: the whole document in one page.
    for (const n of BOOK_SIZES) {
      const url = `${server.url}/documents/${bookSlug(n)}`;
      const runs = n >= 100_000 ? 1 : 3;
      const times: number[] = [];
      let bytes = 0;
      try {
        if (n < 100_000) await timed(url);
        for (let i = 0; i < runs; i++) {
          const [ms, size] = await timed(url, AbortSignal.timeout(240_000));
          times.push(ms);
          bytes = size;
        }
      } catch (e) {
        out.push({ name: `reader's first HTML, ${fmt(n)} paragraphs (baseline)`, value: NaN, unit: "ms", note: `no answer: ${(e as Error).message}` });
        continue;
      }
      const note = `baseline before the virtualized reader (target after it: < 300 ms and < 300 KB at every size); ${runs === 1 ? "one run" : `median of ${runs} from a warm server`}; ${fmt(Math.round(bytes / 1024))} KB of HTML`;
      out.push({ name: `reader's first HTML, ${fmt(n)} paragraphs (baseline)`, value: round(percentile(times, 50)), unit: "ms", note });
      out.push({ name: `reader's first HTML size, ${fmt(n)} paragraphs (baseline)`, value: Math.round(bytes / 1024), unit: "KB" });
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  return [...(await storingImports()), ...(await withServer())];
}
