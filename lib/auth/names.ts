/// User names: what may be one, and when two are the same.

/// 2 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit.
/// Spaces and markup characters are refused, so a name can be mentioned as @name.
export const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,39}$/u;

/// Whether a user name is acceptable.
export function isValidUserName(name: string): boolean {
  return USER_NAME.test(name);
}

/// The form under which names are compared: NFC and lower case, so "Émile" and "émile" are
/// one account.
export function userNameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("und");
}

/// The smallest password length accepted.
export const MIN_PASSWORD_LENGTH = 10;
/// The largest, so that hashing cannot be used to burn CPU.
export const MAX_PASSWORD_LENGTH = 256;
