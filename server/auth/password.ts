/// Password hashing with Node's scrypt (N=2^15, r=8, p=1: about 32 MiB and tens of
/// milliseconds per hash), stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later.
import "server-only";
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/// Hashes run on Node's thread pool (4 threads), which gzip, file reads and DNS share: at most
/// `running` hashes at once, at most `waiting` more in line; past that a hash is refused at once
/// with HashingBusyError (routes answer 429 with Retry-After), so a burst of sign-ins cannot
/// stall the rest of the server or pile up without end.
export const HASHING = { running: 2, waiting: 16 };

/// Raised when too many passwords are being hashed already.
export class HashingBusyError extends Error {
  constructor() {
    super("too many passwords are being checked at once");
    this.name = "HashingBusyError";
  }
}

/// One count per process (kept on globalThis: Next.js may load this module more than once).
const KEY = Symbol.for("vis-a-vis.hashing");
const state = ((globalThis as { [KEY]?: { running: number; line: (() => void)[] } })[KEY] ??= { running: 0, line: [] });

/// Hashes running and waiting right now (for tests and monitoring).
export function hashingLoad(): { running: number; waiting: number } {
  return { running: state.running, waiting: state.line.length };
}

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (state.running >= HASHING.running) {
    if (state.line.length >= HASHING.waiting) throw new HashingBusyError();
    await new Promise<void>((resolve) => state.line.push(resolve));
  } else state.running++;
  try {
    return await work();
  } finally {
    // The slot passes to the next in line, or is freed.
    const next = state.line.shift();
    if (next) next();
    else state.running--;
  }
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return bounded(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
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
