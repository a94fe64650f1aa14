/// Live streams keep their reader's permission up to date. A stream is authorized when it opens;
/// after that, the session it was opened with may end (sign-out, "sign out everywhere", expiry),
/// the account's role may change, and an admin may turn public reading off. Each open stream
/// is checked again every `ACCESS_RECHECK.intervalMs` (10 s) and at once whenever any instance
/// announces such a change, and is ended when its reader may no longer read it (or holds a
/// different role than it was opened with: the browser reconnects, and the route's guard then
/// decides afresh with the current permission; Last-Event-ID makes the new stream carry on).
///
/// Announcements travel like presence messages, through the event hub (and so through
/// PostgreSQL's LISTEN/NOTIFY to every instance), on the channel of document 0, which no
/// document has.
import "server-only";
import type { Kysely } from "kysely";
import { can, type Role } from "../../lib/auth/roles";
import type { Database } from "../db/schema";
import { readSettings } from "../settings";
import { sessionUser } from "../auth/sessions";
import { hub } from "./hub";

/// How often every open stream is checked again, even when no change was announced.
export const ACCESS_RECHECK = { intervalMs: 10_000 };

/// The hub channel announcements travel on (no document has id 0).
const ACCESS_CHANNEL = 0;

/// Who opened a stream: the session token its request carried (if any) and the user it
/// belonged to then (null: a visitor, reading because public reading was on).
export interface StreamReader {
  token: string | undefined;
  user: { id: number; role: Role } | null;
}

interface Watch {
  db: Kysely<Database>;
  reader: StreamReader;
  revoke: () => void;
}

const KEY = Symbol.for("vis-a-vis.stream-access");

class StreamAccess {
  private watches = new Set<Watch>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private sweeping: Promise<void> | null = null;
  private again = false;

  /// Starts checking a stream's reader; `revoke` is called (once) when they may no longer read.
  /// Returns the function that stops the checks (call it when the stream closes).
  watch(db: Kysely<Database>, reader: StreamReader, revoke: () => void): () => void {
    const w: Watch = { db, reader, revoke };
    this.watches.add(w);
    if (!this.timer) {
      this.timer = setInterval(() => void this.sweep(), ACCESS_RECHECK.intervalMs);
      this.timer.unref?.();
      this.unsubscribe = hub().subscribe(ACCESS_CHANNEL, () => void this.sweep());
    }
    return () => this.forget(w);
  }

  private forget(w: Watch) {
    this.watches.delete(w);
    if (this.watches.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.unsubscribe?.();
      this.unsubscribe = null;
    }
  }

  /// Checks every watched stream once (a sweep asked for during another runs right after it).
  sweep(): Promise<void> {
    if (this.sweeping) {
      this.again = true;
      return this.sweeping;
    }
    this.sweeping = (async () => {
      do {
        this.again = false;
        await this.checkAll();
      } while (this.again);
    })().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async checkAll() {
    // One look-up per session and one settings read per database, however many streams.
    const users = new Map<string, Promise<Awaited<ReturnType<typeof sessionUser>>>>();
    const publicReading = new Map<Kysely<Database>, Promise<boolean>>();
    await Promise.all(
      [...this.watches].map(async (w) => {
        const { token, user } = w.reader;
        let allowed: boolean;
        try {
          if (user) {
            if (!token) allowed = false;
            else {
              if (!users.has(token)) users.set(token, sessionUser(w.db, token));
              const now = await users.get(token)!;
              allowed = !!now && now.id === user.id && now.role === user.role && can(now.role, "read");
            }
          } else {
            if (!publicReading.has(w.db)) publicReading.set(w.db, readSettings(w.db).then((s) => s.publicReading));
            allowed = await publicReading.get(w.db)!;
          }
        } catch {
          allowed = true; // the database did not answer: check again at the next sweep
        }
        if (!allowed && this.watches.has(w)) {
          this.forget(w);
          w.revoke();
        }
      }),
    );
  }
}

function access(): StreamAccess {
  const holder = globalThis as { [KEY]?: StreamAccess };
  return (holder[KEY] ??= new StreamAccess());
}

/// Checks an open stream's reader until the returned function is called; `revoke` ends the
/// stream when they may no longer read.
export function watchStreamAccess(db: Kysely<Database>, reader: StreamReader, revoke: () => void): () => void {
  return access().watch(db, reader, revoke);
}

/// Tells every instance that sessions, roles or public reading changed, so that open streams are
/// checked at once. Call after the change has committed; never throws.
export async function announceAccessChange(): Promise<void> {
  await hub().broadcast(ACCESS_CHANNEL, "access", {});
}

/// Checks every open stream of this instance now (for tests, and after an announcement).
export function recheckStreamAccess(): Promise<void> {
  return access().sweep();
}
