/// The control-character rule on both databases: what the inputs refuse (a 400 naming the
/// character) can never reach SQLite (which would store it) or PostgreSQL (which answers
/// "invalid byte sequence for encoding UTF8: 0x00").
import { afterEach, describe, expect, it } from "vitest";
import { DocumentError, parseDocumentFiles } from "../../../lib/corpus/document";
import { ControlCharacterError } from "../../../lib/text/decode";
import { login } from "../../../server/auth/login";
import { createSession, sessionUser } from "../../../server/auth/sessions";
import { createUser } from "../../../server/auth/users";
import { importDocument } from "../../../server/corpus/import";
import type { Db } from "../../../server/db/connection";
import { documentIdBySlug, getDocument } from "../../../server/documents";
import { getEntry } from "../../../server/glossary/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const utf8 = (s: string) => new TextEncoder().encode(s);
const meta = JSON.stringify({
  title: { fr: "Titre", en: "Title" },
  provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human" } },
  licence: "CC0",
});

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());

  it("refuses a query carrying NUL or another control character, and stores nothing", async () => {
    db = await freshDatabase(engine);
    for (const value of ["a\u0000b", "\u001b[31mred", "c1\u0085"]) {
      await expect(
        db.kysely.insertInto("settings").values({ key: "probe", value }).execute(),
        JSON.stringify(value),
      ).rejects.toBeInstanceOf(ControlCharacterError);
    }
    await expect(db.kysely.selectFrom("settings").selectAll().where("key", "in", ["x", "y\u0000"]).execute()).rejects.toBeInstanceOf(ControlCharacterError);
    expect(await db.kysely.selectFrom("settings").selectAll().where("key", "=", "probe").execute()).toEqual([]);
    // Tabs and line breaks are text like any other.
    await db.kysely.insertInto("settings").values({ key: "probe", value: "a\tb\r\nc" }).execute();
    expect((await db.kysely.selectFrom("settings").select("value").where("key", "=", "probe").executeTakeFirstOrThrow()).value).toBe("a\tb\r\nc");
  });

  it("refuses a sign-in name with NUL before the database sees it", async () => {
    db = await freshDatabase(engine);
    await expect(login(db.kysely, { name: "ada\u0000", password: "whatever it is", address: "10.0.0.1", userAgent: null })).rejects.toBeInstanceOf(ControlCharacterError);
    expect(await db.kysely.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });

  it("looks up no document or glossary entry by a key with NUL: there is none", async () => {
    db = await freshDatabase(engine);
    expect(await documentIdBySlug(db.kysely, "essai\u0000")).toBeNull();
    expect(await getDocument(db.kysely, "\u0000")).toBeNull();
    expect(await getEntry(db.kysely, "export-controls\u0000")).toBeNull();
  });

  it("refuses a document whose files hold NUL or an escape sequence, and stores nothing", async () => {
    db = await freshDatabase(engine);
    const files = (fr: string, en = "Title\nOne.\n", m = meta) => ({ fr: utf8(fr), en: utf8(en), meta: utf8(m) });
    const refused = (f: ReturnType<typeof files>) => {
      try {
        parseDocumentFiles("essai", f);
        return null;
      } catch (e) {
        return e instanceof DocumentError ? { code: e.code, ...e.params } : String(e);
      }
    };
    expect(refused(files("Titre\nUn\u0000.\n"))).toMatchObject({ code: "controlCharacter", what: "fr.txt", character: "U+0000", line: 2, column: 3 });
    expect(refused(files("Titre\nUn.\n", "Title\n\u001b]0;pwned\u0007\n"))).toMatchObject({ code: "controlCharacter", what: "en.txt", character: "U+001B", line: 2, column: 1 });
    expect(refused(files("Titre\nUn.\n", "Title\nOne.\n", meta.replace("CC0", "CC\\u00000")))).toMatchObject({ code: "controlCharacter", field: "licence", character: "U+0000" });
    expect(await db.kysely.selectFrom("documents").selectAll().execute()).toEqual([]);
    // The same document without them is stored.
    await importDocument(db.kysely, parseDocumentFiles("essai", files("Titre\nUn.\n")));
    expect(await documentIdBySlug(db.kysely, "essai")).not.toBeNull();
  });

  it("records a User-Agent with C1 bytes with them replaced", async () => {
    db = await freshDatabase(engine);
    const user = await createUser(db.kysely, { name: "ada", password: "a long enough password", role: "reader" });
    const { token } = await createSession(db.kysely, user.id, { address: "10.0.0.1", userAgent: "Agent\u0085/1" });
    expect(await sessionUser(db.kysely, token)).toMatchObject({ name: "ada" });
    expect((await db.kysely.selectFrom("sessions").select("user_agent").executeTakeFirstOrThrow()).user_agent).toBe("Agent\ufffd/1");
  });
}

describe("control characters on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("control characters on PostgreSQL", () => suite("postgres"));
