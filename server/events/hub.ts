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
  private sender: import("pg").Pool | null = null;
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

  /// Never throws: a change that has committed must not fail because the notification did. When
  /// NOTIFY is not available the message still reaches this process's viewers.
  private async send(message: { documentId: number; wake: Wake }) {
    if (this.notifier) {
      try {
        await this.notifier(JSON.stringify({ ...message, scope: this.scope }));
        return;
      } catch (e) {
        console.error("events: NOTIFY failed, delivering in this instance only:", (e as Error).message);
      }
    }
    this.deliver(message);
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
  /// reaches this process, so delivery is the same everywhere). A lost LISTEN connection is
  /// reopened after a second; meanwhile messages are delivered in this instance only.
  async connect(db: Db, databaseUrl: string | undefined): Promise<void> {
    if (db.dialect !== "postgres" || !databaseUrl) return;
    this.scope = db.schema ?? "public";
    this.pgListening ??= this.listen(databaseUrl).catch((e) => {
      this.pgListening = null;
      setTimeout(() => void this.connect(db, databaseUrl).catch(() => {}), 5000).unref();
      throw e;
    });
    return this.pgListening;
  }

  private async listen(databaseUrl: string): Promise<void> {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: databaseUrl });
    let restarting = false;
    const restart = (why: string) => {
      if (restarting) return;
      restarting = true;
      console.error(`events: LISTEN connection lost (${why}); reconnecting`);
      this.notifier = null;
      client.removeAllListeners("notification");
      void client.end().catch(() => {});
      const retry = () => {
        this.pgListening = this.listen(databaseUrl).catch(() => {
          this.pgListening = null;
          setTimeout(retry, 1000).unref();
        });
      };
      setTimeout(retry, 1000).unref();
    };
    client.on("error", (e) => restart(e.message));
    client.on("end", () => restart("closed"));
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
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // A pool replaces a broken connection by itself; its errors must not end the process.
    if (!this.sender) {
      this.sender = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      this.sender.on("error", (e) => console.error("events: NOTIFY connection failed:", e.message));
    }
    const sender = this.sender;
    this.notifier = async (payload) => {
      await sender.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
    };
  }
}

const KEY = Symbol.for("vis-a-vis.hub");

/// The process's hub.
export function hub(): Hub {
  const holder = globalThis as { [KEY]?: Hub };
  return (holder[KEY] ??= new Hub());
}
