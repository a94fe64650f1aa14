/// The one rule for control characters in text that comes in (request bodies, form fields,
/// uploaded and shipped files, command-line arguments): NUL, the other C0 controls, DEL and the
/// C1 controls (U+0080–U+009F) are refused, and so is an unpaired surrogate; only tab and, where
/// the text may have lines, line feed and carriage return are allowed. They would be stored
/// as they are on SQLite (and come back in exports: terminal escape sequences included), and
/// PostgreSQL refuses NUL outright, so text is checked before it reaches either.

/// Where a refused character is.
export interface ControlCharacterAt {
  /// The character as `U+0000`.
  character: string;
  /// Index of the character in the string (UTF-16 units, from 0).
  index: number;
  /// 1-based line and column (in characters) of the character.
  line: number;
  column: number;
}

const FORBIDDEN_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/// The first character of `text` the rule refuses, or null. `lines` allows line feed and
/// carriage return (text with several lines); tab is always allowed.
export function findControlCharacter(text: string, { lines = true }: { lines?: boolean } = {}): ControlCharacterAt | null {
  const m = (lines ? FORBIDDEN_IN_LINES : FORBIDDEN_IN_LINE).exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return {
    character: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
    index: m.index,
    line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1,
    column: [...before.slice(lineStart)].length + 1,
  };
}

/// A refused character inside a JSON-like value: `path` names the field ("fixes.0.inserted").
export interface ControlCharacterInValue extends ControlCharacterAt {
  path: string;
}

/// The first refused character in any string (keys included) of a JSON-like value, or null.
/// Line breaks are allowed in every string (notes and comments have lines; fields that must be
/// one line, such as names, have rules of their own).
export function findControlCharacterIn(value: unknown, path: (string | number)[] = []): ControlCharacterInValue | null {
  const name = () => path.map(String).join(".") || "value";
  if (typeof value === "string") {
    const at = findControlCharacter(value);
    return at && { ...at, path: name() };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacterIn(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const inKey = findControlCharacter(k);
      if (inKey) return { ...inKey, path: [...path, k].map(String).join(".") };
      const found = findControlCharacterIn(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/// One line of English saying which character was refused and where.
export function describeControlCharacter(what: string, at: ControlCharacterAt): string {
  return `${what}: control character ${at.character} at line ${at.line}, column ${at.column} is not allowed (only tab and line breaks are)`;
}

/// `text` with every character the rule refuses replaced by U+FFFD, for text the app records
/// but did not ask for and cannot refuse (a User-Agent, a forwarded address: HTTP header bytes
/// 0x80–0x9F read as C1 controls).
export function replaceControlCharacters(text: string, { lines = false }: { lines?: boolean } = {}): string {
  return text.replace(new RegExp((lines ? FORBIDDEN_IN_LINES : FORBIDDEN_IN_LINE).source, "g"), "\ufffd");
}
