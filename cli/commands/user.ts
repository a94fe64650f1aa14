import { decodeUtf8 } from "../../lib/text/decode";
import { recordAudit } from "../../server/audit";
import { AccountError, createUser, listUsers } from "../../server/auth/users";
import type { Db } from "../../server/db/connection";
import { ROLES } from "../../lib/auth/roles";
import { oneOf, out, parse, UsageError } from "../args";

export const usage = `Usage: npm run -s cli -- user add NAME --role ROLE --password-stdin
       npm run -s cli -- user list [--format text|json]

add   creates an account; the password is read from standard input (first line), never from
      the command line, where other users of the machine could see it.
      ROLE is one of: ${ROLES.join(", ")}.
list  lists the accounts with their roles and open sessions.`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeUtf8(Buffer.concat(chunks), "standard input").split(/\r?\n/)[0];
}

export async function run(argv: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parse(argv, {
    role: { type: "string" },
    "password-stdin": { type: "boolean" },
    format: { type: "string" },
  });
  if (values.help) return out(usage + "\n").then(() => 0);
  const [sub, ...rest] = positionals;
  if (sub === "add") {
    if (rest.length !== 1) throw new UsageError("user add takes exactly one NAME (see --help)");
    const role = oneOf("role", values.role, ROLES, "reader");
    if (values.role === undefined) throw new UsageError("user add needs --role (see --help)");
    if (!values["password-stdin"]) throw new UsageError("user add needs --password-stdin, with the password on standard input");
    const password = await readStdinLine();
    const db = await open();
    try {
      const user = await db.kysely.transaction().execute(async (trx) => {
        const created = await createUser(trx, { name: rest[0], password, role });
        await recordAudit(trx, { action: "user.create", target: created.name, detail: { role, via: "cli" }, address: "command line" });
        return created;
      });
      await out(`created ${user.name} (${user.role})\n`);
      return 0;
    } catch (e) {
      if (e instanceof AccountError) throw new UsageError(e.message);
      throw e;
    } finally {
      await db.close();
    }
  }
  if (sub === "list") {
    const format = oneOf("format", values.format, ["text", "json"], "text");
    const db = await open();
    try {
      const users = await listUsers(db.kysely);
      await out(
        format === "json" ? JSON.stringify({ users }) + "\n" : users.map((u) => `${u.name}\t${u.role}\t${u.sessions} sessions\n`).join(""),
      );
      return 0;
    } finally {
      await db.close();
    }
  }
  throw new UsageError(sub ? `unknown user command "${sub}" (see --help)` : "user needs add or list (see --help)");
}
