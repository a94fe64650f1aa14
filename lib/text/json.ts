/// Reading JSON the app did not write (request bodies, meta.json, corrections.json): bounded in
/// depth before it is parsed, and held to the control-character rule once it is.
import { checkText, checkValue } from "./decode";

/// How deep objects and arrays may nest in JSON the app reads. The deepest the app writes is
/// a glossary entry (about 6 levels); 64 leaves room and keeps recursion (JSON.stringify,
/// validation, rendering) far from the stack's limit.
export const MAX_JSON_DEPTH = 64;

/// Raised for JSON nested deeper than the limit (a SyntaxError, as JSON.parse's own are).
export class JsonDepthError extends SyntaxError {
  constructor(
    readonly what: string,
    readonly limit: number,
  ) {
    super(`${what} is nested more than ${limit} levels deep`);
    this.name = "JsonDepthError";
  }
}

/// The greatest nesting of objects and arrays in a JSON text, counted without parsing it (and
/// stopping as soon as it passes `stopAt`).
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > stopAt) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/// Parses JSON text: throws JsonDepthError past `maxDepth`, SyntaxError for text that is not
/// JSON, and ControlCharacterError for a refused control character in any string.
export function parseJsonText(text: string, what: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonDepthError(what, maxDepth);
  checkText(text, what); // a raw control character: say where, not just "not JSON"
  const value: unknown = JSON.parse(text);
  checkValue(value, what);
  return value;
}
