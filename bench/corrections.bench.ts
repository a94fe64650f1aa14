/// Corrections: accepting one suggestion among 1,000 open ones on a 2,000-word document (with
/// the mapping of the rest and the event), and 50 live viewers receiving an event.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importDocument } from "../server/corpus/import";
import { accept, suggest } from "../server/corrections/workflow";
import { openDatabase } from "../server/db/connection";
import { migrateToLatest } from "../server/db/migrations";
import { addUser, signIn } from "../tests/support/accounts";
import { startServer } from "../tests/support/server";
import { underTarget, type BenchResult } from "./types";

const percentile = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x: number) => Math.round(x * 100) / 100;

async function acceptAmongThousand(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vv-bench-"));
  const db = await openDatabase({ dataDir });
  try {
    await migrateToLatest(db);
    const words = Array.from({ length: 2000 }, (_, i) => `mot${i}`);
    const text = words.join(" ");
    const meta = {
      title: { fr: "Banc d'essai", en: "Benchmark" },
      languages: { source: "fr" as const, target: "en" as const },
      provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
      licence: "CC0",
    };
    await importDocument(db.kysely, { slug: "bench", meta, fr: ["Banc d'essai", text], en: ["Benchmark", text] });
    const doc = await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow();
    const p = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "fr").where("position", "=", 1).executeTakeFirstOrThrow();
    // 1,000 open suggestions: every other word, all in the one paragraph that will change.
    let at = 0;
    const fixes = words.flatMap((w, i) => {
      const start = at;
      at += w.length + 1;
      return i % 2 === 0 ? [{ start, end: start + w.length, deleted: w, inserted: `${w}x` }] : [];
    });
    await suggest(db, { documentId: doc.id, paragraphId: p.id, baseRevision: 1, fixes, category: "style", severity: "minor", author: { id: null, name: "bench" } });
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const open = await db.kysely.selectFrom("suggestions").select("id").where("status", "=", "open").orderBy("id").execute();
      const id = open[(i * 37) % open.length].id;
      const t0 = performance.now();
      await accept(db, { documentId: doc.id, suggestionId: id, actor: { id: null, name: "bench" } });
      times.push(performance.now() - t0);
    }
    const measured = times.slice(10); // the first ten warm the JIT and SQLite's caches
    return [
      underTarget("accept 1 of 1,000 open suggestions (median)", round(percentile(measured, 50)), "ms", 20, `SQLite; 2,000-word paragraph; ${measured.length} accepts after 10 warm-up; p95 ${round(percentile(measured, 95))} ms; includes mapping the others, history, event and fix propagation`),
    ];
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/// Opens an SSE stream and calls `onEvent(type, data)` for each event; resolves once connected.
async function sse(url: string, onEvent: (type: string, data: string) => void): Promise<AbortController> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (type && data) onEvent(type, data);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return abort;
}

async function fiftyViewers(): Promise<BenchResult[]> {
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
    return [{ name: "50 viewers receive an event (p99)", value: NaN, unit: "ms", note: "skipped: build the app first (npm run build)" }];
  }
  const server = await startServer();
  const clients: AbortController[] = [];
  try {
    await addUser(server.dataDir, "bench", "reviewer");
    const cookie = `vv_session=${await signIn(server.url, "bench")}`;
    const doc = "deepseek-containment";
    const { suggestions } = await (await fetch(`${server.url}/api/documents/${doc}/suggestions`)).json();
    const target = suggestions.find((s: { status: string }) => s.status === "open").id;
    const latencies: number[] = [];
    let sent = 0;
    const pending = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      clients.push(
        await sse(`${server.url}/api/documents/${doc}/events`, (type, data) => {
          if (type !== "comment.created") return;
          const text = JSON.parse(data).suggestion.comments.at(-1).text as string;
          const t0 = pending.get(text);
          if (t0 !== undefined) latencies.push(performance.now() - t0);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 20; i++) {
      const text = `bench ${i}`;
      pending.set(text, performance.now());
      sent++;
      await fetch(`${server.url}/api/documents/${doc}/suggestions/${target}/comments`, {
        method: "POST",
        headers: { cookie, origin: server.url, "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      await new Promise((r) => setTimeout(r, 100));
    }
    const deadline = Date.now() + 5000;
    while (latencies.length < sent * 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return [
      underTarget("50 viewers receive an event (p99)", round(percentile(latencies, 99)), "ms", 100, `production server (next start) on this machine, 50 SSE clients in another process, 20 events; ${latencies.length} of ${sent * 50} deliveries; p50 ${round(percentile(latencies, 50))} ms; measured from sending the write request`),
    ];
  } finally {
    for (const c of clients) c.abort();
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await acceptAmongThousand()), ...(await fiftyViewers())];
}
