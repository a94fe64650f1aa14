import { cookies } from "next/headers";
import { database } from "@/server/ready";
import { SESSION_COOKIE, sessionUser } from "@/server/auth/sessions";
import { guardSignedIn } from "@/server/notifications/guard";
import { listNotifications, notificationState } from "@/server/notifications/store";

export const dynamic = "force-dynamic";

const encoder = new TextEncoder();
/// How often the stream looks for news and re-checks that its reader is still signed in.
const POLL_MS = 2000;

/// The signed-in person's live notification stream (Server-Sent Events): an `unread` event with
/// the count and the newest notifications whenever they change. It reads the database, so news
/// written by any app instance arrives; every look also re-checks the session, and the stream
/// ends as soon as its reader is signed out (logout, "sign out everywhere", a removed account).
export async function GET(request: Request) {
  const g = await guardSignedIn(request);
  if (g instanceof Response) return g;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const db = await database();
  const userId = g.user.id;
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = "";
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const look = async () => {
        const user = await sessionUser(db.kysely, token);
        if (!user || user.id !== userId) return stop();
        const state = await notificationState(db.kysely, userId);
        const key = `${state.unread}/${state.newest}`;
        if (key === last) return send(": ping\n\n");
        last = key;
        const latest = await listNotifications(db.kysely, userId, { limit: 10 });
        send(`event: unread\ndata: ${JSON.stringify({ unread: state.unread, latest })}\n\n`);
      };
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        void look()
          .catch(() => {})
          .finally(() => (running = false));
      }, POLL_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      request.signal.addEventListener("abort", stop);
      send("retry: 5000\n\n");
      void look().catch(() => {});
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
