/// Password hashing with Node's scrypt (N=2^15, r=8, p=1: about 32 MiB and tens of
/// milliseconds per hash), stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later.
import "server-only";
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/// Hashes a password with a fresh random salt.
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/// Whether a password matches a stored hash (compared in constant time). A malformed hash
/// never matches.
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every(Number.isSafeInteger) || N > 2 ** 20) return false;
  const expected = Buffer.from(parts[5], "base64");
  const key = await scrypt(password, Buffer.from(parts[4], "base64"), { N, r, p });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/// A hash of nothing anyone can type, verified against when an account does not exist so that
/// a failed login takes as long whether or not the name is known.
export const UNUSABLE_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
