import { describe, expect, it } from "vitest";
import { findControlCharacter, findControlCharacterIn, replaceControlCharacters } from "../../../lib/text/controls";

describe("the control-character rule", () => {
  it("allows tab everywhere, and line breaks where lines are", () => {
    expect(findControlCharacter("a\tb\nc\r\nd")).toBeNull();
    expect(findControlCharacter("a\tb", { lines: false })).toBeNull();
    expect(findControlCharacter("a\nb", { lines: false })).toMatchObject({ character: "U+000A", index: 1 });
    expect(findControlCharacter("a\rb", { lines: false })).toMatchObject({ character: "U+000D" });
  });
  it("refuses NUL, every other C0 control, DEL and every C1 control", () => {
    const refused = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f];
    for (const code of refused) {
      const at = findControlCharacter(`ok${String.fromCharCode(code)}`);
      expect(at?.character, code.toString(16)).toBe(`U+${code.toString(16).toUpperCase().padStart(4, "0")}`);
      expect(at?.index).toBe(2);
    }
    // The first printable characters on either side of each range are fine.
    expect(findControlCharacter(" ~\u00a0é€😀")).toBeNull();
  });
  it("refuses an unpaired surrogate, and allows a pair", () => {
    expect(findControlCharacter("a\ud800b")).toMatchObject({ character: "U+D800", index: 1 });
    expect(findControlCharacter("a\udc00")).toMatchObject({ character: "U+DC00", index: 1 });
    expect(findControlCharacter("a\ud83d\ude00")).toBeNull();
  });
  it("says the line and the column in characters", () => {
    expect(findControlCharacter("line one\nligne 😀 deux\u0000")).toMatchObject({ line: 2, column: 13 });
    expect(findControlCharacter("a\r\nb\rc\u0001")).toMatchObject({ line: 3, column: 2 });
  });
  it("names the field of a JSON value, keys included", () => {
    expect(findControlCharacterIn({ fixes: [{ inserted: "ok" }, { inserted: "x\u0000" }] })).toMatchObject({ path: "fixes.1.inserted", character: "U+0000", column: 2 });
    expect(findControlCharacterIn({ ["bad\u0085key"]: 1 })).toMatchObject({ path: "bad\u0085key", character: "U+0085" });
    expect(findControlCharacterIn({ note: "two\nlines", n: 3, ok: true, none: null })).toBeNull();
  });
  it("replaces refused characters for text recorded as is (user agents, forwarded addresses)", () => {
    expect(replaceControlCharacters("Mozilla\u0085/5.0\u0000")).toBe("Mozilla\ufffd/5.0\ufffd");
  });
});
