/// The list of common passwords new passwords are checked against: the ranked list of leaked
/// passwords that @zxcvbn-ts/language-common maintains (about 49,000, most common first, so
/// the 10,000 most common among them), compared in `passwordKey` form (NFC, lower case).
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordKey } from "../../lib/auth/password-policy";

let common: Set<string> | null = null;

/// Whether a password (in `passwordKey` form) is on the list.
export function isCommonPassword(key: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map(passwordKey));
  return common.has(key);
}

/// How many passwords the list holds.
export function commonPasswordCount(): number {
  isCommonPassword("");
  return common!.size;
}
