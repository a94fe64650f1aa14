/// Turning bytes from a file or an upload into text, refusing anything that is not UTF-8 or
/// holds a control character the text rule refuses (lib/text/controls.ts).
import { findControlCharacter, findControlCharacterIn, type ControlCharacterAt } from "./controls";

/// Raised when bytes are not text we can read; the message is meant for the user as it is.
export class TextDecodeError extends Error {
  constructor(
    message: string,
    /// Offset of the first byte that is not UTF-8.
    readonly offset: number,
  ) {
    super(message);
    this.name = "TextDecodeError";
  }
}

/// Raised when text holds a control character the rule refuses (lib/text/controls.ts): says
/// which character, and where — line and column in a file, the field in a JSON value.
export class ControlCharacterError extends TextDecodeError {
  constructor(
    readonly what: string,
    readonly at: ControlCharacterAt & { path?: string },
    offset = -1,
  ) {
    super(
      at.path === undefined
        ? `${what}: control character ${at.character} at line ${at.line}, column ${at.column} is not allowed (only tab and line breaks are)`
        : `${what}: “${at.path}”: control character ${at.character} at position ${at.column}${at.line > 1 ? ` of line ${at.line}` : ""} is not allowed (only tab and line breaks are)`,
      offset,
    );
    this.name = "ControlCharacterError";
  }

  /// What the interface needs to say the same in the reader's language (`security.controlCharacter`).
  get params(): { what: string; character: string; field: string; line: number; column: number } {
    return { what: this.what, character: this.at.character, field: this.at.path ?? this.what, line: this.at.line, column: this.at.column };
  }
}

/// Throws ControlCharacterError for the first refused control character of a text (`lines`:
/// line breaks allowed) or of any string inside a JSON-like value.
export function checkText(text: string, what: string, options: { lines?: boolean } = {}): void {
  const at = findControlCharacter(text, options);
  if (at) throw new ControlCharacterError(what, at);
}

/// Throws ControlCharacterError for the first refused control character in any string of a
/// JSON-like value (keys included), naming its field.
export function checkValue(value: unknown, what: string): void {
  const at = findControlCharacterIn(value);
  if (at) throw new ControlCharacterError(what, at);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/// Decodes UTF-8 bytes strictly: a byte order mark is dropped, any invalid sequence is an error
/// naming the first bad byte's offset (counted from 0), and a control character other than
/// tab and line breaks is a ControlCharacterError naming its line, column and byte offset.
export function decodeUtf8(bytes: Uint8Array, what = "file"): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new TextDecodeError(`${what} is not valid UTF-8 (first bad byte at offset ${offset})`, offset);
  }
  const at = findControlCharacter(text);
  if (at) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    throw new ControlCharacterError(what, at, bom + new TextEncoder().encode(text.slice(0, at.index)).length);
  }
  return text;
}

/// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1.
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number, min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/// True if `s` takes more than `limit` bytes in UTF-8 (lone surrogates count as U+FFFD, 3 bytes).
export function exceedsUtf8Bytes(s: string, limit: number): boolean {
  if (s.length > limit) return true; // every UTF-16 unit is at least one byte
  if (s.length * 3 <= limit) return false; // and at most three
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}
