/// Waking the browsers that watch a document. Events are read from the database (the one
/// source of truth); the hub only says "document N has news" to the subscribers of this process
/// and, on PostgreSQL, to every other app instance through LISTEN/NOTIFY. Presence (who is
/// looking at which paragraph) is not stored: it travels with the wake-up as an ephemeral message.
import "server-only";
import type { Db } from "../db/connection";

/// What a subscriber hears: stored news to fetch, or an ephemeral message to pass on as is.
export type Wake = { kind: "news" } | { kind: "ephemeral"; type: string; data: Record<string, unknown> };

type Listener = (wake: Wake) => void;

const CHANNEL = "vis_a_vis_events";

/// One per process (kept on globalThis, as Next.js may load this module more than once).
class Hub {
  private listeners = new Map<number, Set<Listener>>();
  private pgListening: Promise<void> | null = null;
  private notifier: ((payload: string) => Promise<void>) | null = null;
  /// The PostgreSQL schema this instance works in: NOTIFY reaches every session of the
  /// database, so messages carry it and those of another deployment (schema) are ignored.
  private scope = "public";

  private streams = new Set<() => void>();
  private stopping = false;

  /// Registers an open live stream; on SIGTERM or SIGINT every stream is closed (browsers then
  /// reconnect elsewhere with Last-Event-ID), so the server can stop instead of waiting for them.
  track(close: () => void): () => void {
    if (!this.stopping) {
      this.stopping = true;
      const closeAll = () => {
        for (const c of [...this.streams]) c();
      };
      process.once("SIGTERM", closeAll);
      process.once("SIGINT", closeAll);
    }
    this.streams.add(close);
    return () => this.streams.delete(close);
  }

  /// Listens for a document's news until the returned function is called.
  subscribe(documentId: number, listener: Listener): () => void {
    let set = this.listeners.get(documentId);
    if (!set) this.listeners.set(documentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(documentId);
    };
  }

  /// How many listeners watch a document in this process.
  count(documentId: number): number {
    return this.listeners.get(documentId)?.size ?? 0;
  }

  /// Tells every instance that a document has new stored events. Call after the commit.
  async publish(documentId: number): Promise<void> {
    await this.send({ documentId, wake: { kind: "news" } });
  }

  /// Sends an ephemeral message (presence) to every viewer of a document, in every instance.
  async broadcast(documentId: number, type: string, data: Record<string, unknown>): Promise<void> {
    await this.send({ documentId, wake: { kind: "ephemeral", type, data } });
  }

  private async send(message: { documentId: number; wake: Wake }) {
    if (this.notifier) await this.notifier(JSON.stringify({ ...message, scope: this.scope }));
    else this.deliver(message);
  }

  private deliver({ documentId, wake }: { documentId: number; wake: Wake }) {
    for (const listener of this.listeners.get(documentId) ?? []) {
      try {
        listener(wake);
      } catch {
        /* a broken subscriber must not stop the others */
      }
    }
  }

  /// On PostgreSQL: LISTEN on a connection of its own, and send through NOTIFY (which also
  /// reaches this process, so delivery is the same everywhere).
  async connect(db: Db, databaseUrl: string | undefined): Promise<void> {
    if (db.dialect !== "postgres" || !databaseUrl || this.pgListening) return this.pgListening ?? undefined;
    this.scope = db.schema ?? "public";
    this.pgListening = (async () => {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      client.on("notification", (n) => {
        if (n.channel !== CHANNEL || !n.payload) return;
        let message: { documentId: number; wake: Wake; scope?: string };
        try {
          message = JSON.parse(n.payload);
        } catch {
          return; // not ours: a throw here would end the process
        }
        if (message.scope === this.scope) this.deliver(message);
      });
      client.on("error", (e) => console.error("events: LISTEN connection failed:", e.message));
      await client.query(`LISTEN ${CHANNEL}`);
      const sender = new pg.Client({ connectionString: databaseUrl });
      await sender.connect();
      this.notifier = async (payload) => {
        await sender.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      };
    })();
    return this.pgListening;
  }
}

const KEY = Symbol.for("vis-a-vis.hub");

/// The process's hub.
export function hub(): Hub {
  const holder = globalThis as { [KEY]?: Hub };
  return (holder[KEY] ??= new Hub());
}
