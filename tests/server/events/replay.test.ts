import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/connection";
import { MAX_REPLAY, replayStart } from "../../../server/events/replay";
import { appendEvent } from "../../../server/events/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });

  async function twoDocuments() {
    db = await freshDatabase(engine);
    const now = new Date().toISOString();
    const ids: number[] = [];
    for (const slug of ["a", "b"]) {
      const { id } = await db.kysely
        .insertInto("documents")
        .values({ slug, title_fr: slug, title_en: slug, source_lang: "fr", target_lang: "en", meta: "{}", created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
    }
    return ids;
  }

  it("replays what a client missed when it is little, and tells one too far behind to reload", async () => {
    const [a, b] = await twoDocuments();
    const first = await appendEvent(db.kysely, a, "comment.created", {});
    const events = [first];
    for (let i = 0; i < 6; i++) events.push(await appendEvent(db.kysely, a, "comment.created", {}));
    await appendEvent(db.kysely, b, "comment.created", {});
    const latest = events.at(-1)!;
    // A first connection without an id starts from now.
    expect(await replayStart(db.kysely, a, null, 5)).toEqual({ cursor: latest, reload: false });
    // Five missed events are replayed; six are too many: reload, then go on from the latest.
    expect(await replayStart(db.kysely, a, events[1], 5)).toEqual({ cursor: events[1], reload: false });
    expect(await replayStart(db.kysely, a, first, 5)).toEqual({ cursor: latest, reload: true });
    expect(await replayStart(db.kysely, a, 0, 5)).toEqual({ cursor: latest, reload: true });
    // Another document's events do not count.
    expect(await replayStart(db.kysely, b, latest, 5)).toEqual({ cursor: latest, reload: false });
    expect(MAX_REPLAY).toBeLessThanOrEqual(1000);
  });

  it("tells a client whose id the database never reached to reload (a restored backup)", async () => {
    const [a, b] = await twoDocuments();
    const mine = await appendEvent(db.kysely, a, "comment.created", {});
    const theirs = await appendEvent(db.kysely, b, "comment.created", {});
    // An id above this document's latest, reached by another document's events, is not "ahead".
    expect(await replayStart(db.kysely, a, theirs)).toEqual({ cursor: mine, reload: false });
    expect(await replayStart(db.kysely, a, theirs + 1000)).toEqual({ cursor: mine, reload: true });
  });
}

describe("bounded replay on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("bounded replay on PostgreSQL", () => suite("postgres"));
