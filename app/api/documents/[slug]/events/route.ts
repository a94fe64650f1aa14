import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { watchStreamAccess } from "@/server/events/access";
import { replayStart } from "@/server/events/replay";
import { eventsSince } from "@/server/events/store";
import { hub } from "@/server/events/hub";
import { documentRoute } from "@/server/http/document-route";

export const dynamic = "force-dynamic";

const encoder = new TextEncoder();
const frame = (event: string, data: unknown, id?: number) =>
  encoder.encode(`${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/// Server-Sent Events for one document. A browser that reconnects sends Last-Event-ID and gets
/// the stored events after it, in order (or, when too far behind, a "reload" event: see
/// server/events/replay.ts); a first connection passes `?after=<id>` (the id the page
/// was rendered at) or starts from now. Presence messages are passed on as they come, unstored.
/// The reader's permission is checked again while the stream is open (server/events/access.ts):
/// the stream ends once they may no longer read.
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return documentRoute(request, params, "read", async ({ db, documentId, user }) => {
    const token = (await cookies()).get(SESSION_COOKIE)?.value;
    // An empty header or parameter counts as absent (Number("") would be 0: the whole history).
    const header = request.headers.get("last-event-id") || null;
    const after = new URL(request.url).searchParams.get("after") || null;
    const seen = Number(header ?? after ?? NaN);
    // A client too far behind is told to reload rather than sent the whole history.
    const replay = await replayStart(db.kysely, documentId, Number.isSafeInteger(seen) && seen >= 0 && seen <= 2 ** 31 - 1 ? seen : null);
    let cursor = replay.cursor;
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        let chain = Promise.resolve();
        const send = (chunk: Uint8Array) => {
          if (!closed) controller.enqueue(chunk);
        };
        // Flushes run one after another, so events leave in id order exactly once.
        const flush = () =>
          (chain = chain.then(async () => {
            for (;;) {
              const batch = await eventsSince(db.kysely, documentId, cursor);
              for (const e of batch) {
                send(frame(e.type, { ...e.data, at: e.at }, e.id));
                cursor = e.id;
              }
              if (batch.length < 500 || closed) break;
            }
          }).catch(() => {}));
        const unsubscribe = hub().subscribe(documentId, (wake) => {
          if (wake.kind === "news") void flush();
          else send(frame(wake.type, wake.data));
        });
        const ping = setInterval(() => send(encoder.encode(": ping\n\n")), 15_000);
        const untrack = hub().track(() => stop());
        const unwatch = watchStreamAccess(db.kysely, { token, user: user && { id: user.id, role: user.role } }, () => stop());
        stop = () => {
          if (closed) return;
          closed = true;
          clearInterval(ping);
          unsubscribe();
          untrack();
          unwatch();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        };
        request.signal.addEventListener("abort", stop);
        send(encoder.encode("retry: 2000\n\n"));
        if (replay.reload) send(frame("reload", { lastEventId: cursor }, cursor));
        void flush();
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    });
  });
}
