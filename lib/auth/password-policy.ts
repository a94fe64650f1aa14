/// What makes a new password acceptable, after NIST SP 800-63B (§3.1.1.2, "memorized secrets"):
/// a length range and a check against values that are known, expected or guessable — a list of
/// common passwords, the user name (or the product's name), and a password that is one repeated
/// or sequential run as a whole. No composition rules (no "one digit, one symbol"), no expiry.
/// Every problem has a code the interface translates (`security.password.<reason>`).

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, userNameKey } from "./names";

/// Why a password is refused.
export type PasswordReason = "length" | "common" | "userName" | "repeated" | "sequential";

export interface PasswordProblem {
  reason: PasswordReason;
  min: number;
  max: number;
}

/// Words that say which service this is: a password built on them is as guessable as one built
/// on the user name.
const SERVICE_WORDS = ["visavis", "vis-a-vis", "vis-à-vis", "vis a vis", "vis à vis"];

/// The fewest characters a password must keep once the user name or a service word is taken out
/// of it ("alice2024" for alice is the name and a year).
const MIN_BEYOND_NAME = 8;

/// The form passwords are compared under: NFC, lower case.
export function passwordKey(password: string): string {
  return password.normalize("NFC").toLocaleLowerCase("und");
}

/// Whether the whole password is one unit of 1 to 4 characters said again and again
/// ("aaaaaaaaaa", ten spaces, "abababababab", "123123123123").
export function isRepeatedRun(password: string): boolean {
  const chars = [...password];
  for (let unit = 1; unit <= 4 && unit * 2 <= chars.length; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/// Whether the whole password is one ascending or descending run of consecutive characters
/// ("abcdefghij", "1234567890" — 0 follows 9 — "9876543210", "zyxwvutsrq").
export function isSequentialRun(password: string): boolean {
  const codes = [...passwordKey(password)].map((c) => c.codePointAt(0)!);
  if (codes.length < 3) return false;
  const step = (a: number, b: number) => {
    const digit = (n: number) => n >= 0x30 && n <= 0x39;
    if (digit(a) && digit(b)) return ((((b - a) % 10) + 15) % 10) - 5; // -4…5, so 9→0 is +1
    return b - a;
  };
  const first = step(codes[0], codes[1]);
  if (first !== 1 && first !== -1) return false;
  return codes.every((c, i) => i === 0 || step(codes[i - 1], c) === first);
}

function containsName(key: string, word: string): boolean {
  return word.length >= 2 && key.includes(word) && [...key.replaceAll(word, "")].length < MIN_BEYOND_NAME;
}

/// The first reason to refuse `password` as the password of `userName`, or null when it is
/// acceptable. `isCommon` says whether a password (in `passwordKey` form) is on the list of
/// common passwords.
export function passwordProblem(password: string, userName: string, isCommon: (key: string) => boolean): PasswordProblem | null {
  const refuse = (reason: PasswordReason): PasswordProblem => ({ reason, min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  const length = [...password.normalize("NFC")].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) return refuse("length");
  const key = passwordKey(password);
  const name = userNameKey(userName.trim());
  if (key.trim() === name || [name, ...SERVICE_WORDS].some((w) => containsName(key, w))) return refuse("userName");
  if (isRepeatedRun(key)) return refuse("repeated");
  if (isSequentialRun(key)) return refuse("sequential");
  if (isCommon(key) || isCommon(key.trim())) return refuse("common");
  return null;
}
