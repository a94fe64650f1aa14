/// Accounts for tests that run against a server: made straight in the server's database, then
/// signed in over HTTP like a browser, which gives the session cookie.
import { createUser } from "../../server/auth/users";
import { openDatabase } from "../../server/db/connection";
import type { Role } from "../../lib/auth/roles";

export const TEST_PASSWORD = "a long enough test password";

/// Creates an account in the SQLite database under `dataDir` (the server's own).
export async function addUser(dataDir: string, name: string, role: Role, password = TEST_PASSWORD): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await createUser(db.kysely, { name, password, role });
  } finally {
    await db.close();
  }
}

/// Signs in through POST /api/auth/login and returns the session token.
export async function signIn(url: string, name: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${name} answered ${res.status}: ${await res.text()}`);
  const token = /vv_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new Error("sign-in set no session cookie");
  return token;
}

/// Creates an account with a role and signs it in; returns the `Cookie` header value.
export async function sessionCookieFor(server: { url: string; dataDir: string }, name: string, role: Role): Promise<string> {
  await addUser(server.dataDir, name, role);
  return `vv_session=${await signIn(server.url, name)}`;
}
