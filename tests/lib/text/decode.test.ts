import { describe, expect, it } from "vitest";
import { ControlCharacterError, decodeUtf8, exceedsUtf8Bytes, firstInvalidByte, TextDecodeError } from "../../../lib/text/decode";

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeUtf8", () => {
  it("decodes French text", () => {
    expect(decodeUtf8(utf8("Les États-Unis ont « élargi »"))).toBe("Les États-Unis ont « élargi »");
  });

  it("drops a byte order mark", () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("a");
  });

  it("refuses Latin-1 and names the offset of the first bad byte", () => {
    // "café" in Latin-1: é is the single byte 0xE9.
    const latin1 = bytes(0x63, 0x61, 0x66, 0xe9);
    expect(() => decodeUtf8(latin1, "fr.txt")).toThrow(TextDecodeError);
    expect(() => decodeUtf8(latin1, "fr.txt")).toThrow("fr.txt is not valid UTF-8 (first bad byte at offset 3)");
  });

  it("refuses truncated sequences, overlong forms and encoded surrogates", () => {
    for (const bad of [bytes(0x61, 0xc3), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0xf5, 0x80, 0x80, 0x80)]) {
      expect(() => decodeUtf8(bad)).toThrow(TextDecodeError);
    }
  });
});

describe("decodeUtf8 and control characters", () => {
  it("refuses NUL, escape sequences and C1 controls, naming line, column and byte offset", () => {
    const check = (b: Uint8Array, expected: { character: string; line: number; column: number; offset: number }) => {
      try {
        decodeUtf8(b, "fr.txt");
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ControlCharacterError);
        const c = e as ControlCharacterError;
        expect({ ...c.params, offset: c.offset }).toMatchObject(expected);
        expect(c.message).toBe(`fr.txt: control character ${expected.character} at line ${expected.line}, column ${expected.column} is not allowed (only tab and line breaks are)`);
      }
    };
    check(utf8("Titre\nun\u0000deux"), { character: "U+0000", line: 2, column: 3, offset: 8 });
    check(utf8("é\u001b[31m"), { character: "U+001B", line: 1, column: 2, offset: 2 });
    // After a byte order mark, the offset still counts from the file's first byte.
    check(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc2, 0x85), { character: "U+0085", line: 1, column: 2, offset: 4 });
  });
  it("keeps tabs and every kind of line break", () => {
    expect(decodeUtf8(utf8("a\tb\r\nc\rd\n"))).toBe("a\tb\r\nc\rd\n");
  });
});

describe("firstInvalidByte", () => {
  it("is -1 for valid text, including 4-byte characters", () => {
    expect(firstInvalidByte(utf8("ok 😀 é"))).toBe(-1);
  });

  it("points at the first byte of an overlong form, an encoded surrogate or a sequence past U+10FFFF", () => {
    // "ab" then the bad sequence: its offset is 2, wherever the decoder notices the problem.
    const at2 = (...bad: number[]) => firstInvalidByte(bytes(0x61, 0x62, ...bad, 0x63));
    expect(at2(0xc0, 0xaf)).toBe(2); // overlong "/" in two bytes
    expect(at2(0xe0, 0x80, 0xaf)).toBe(2); // overlong "/" in three bytes
    expect(at2(0xf0, 0x80, 0x80, 0xaf)).toBe(2); // overlong "/" in four bytes
    expect(at2(0xed, 0xa0, 0x80)).toBe(2); // U+D800, a surrogate
    expect(at2(0xed, 0xbf, 0xbf)).toBe(2); // U+DFFF
    expect(at2(0xf4, 0x90, 0x80, 0x80)).toBe(2); // U+110000
    expect(at2(0xf5, 0x80, 0x80, 0x80)).toBe(2);
    expect(() => decodeUtf8(bytes(0x61, 0x62, 0xf4, 0x90, 0x80, 0x80), "x")).toThrow("x is not valid UTF-8 (first bad byte at offset 2)");
    // The largest valid values on each side are accepted.
    expect(firstInvalidByte(bytes(0xf4, 0x8f, 0xbf, 0xbf, 0xee, 0x80, 0x80, 0xdf, 0xbf))).toBe(-1);
  });

  it("points at the start of the broken sequence", () => {
    expect(firstInvalidByte(bytes(0x61, 0x62, 0xc3, 0x28))).toBe(2);
    expect(firstInvalidByte(bytes(0xe2, 0x82))).toBe(0);
  });
});

describe("exceedsUtf8Bytes", () => {
  it("counts UTF-8 bytes, not UTF-16 units", () => {
    expect(exceedsUtf8Bytes("é", 1)).toBe(true); // 2 bytes
    expect(exceedsUtf8Bytes("é", 2)).toBe(false);
    expect(exceedsUtf8Bytes("😀", 3)).toBe(true); // 4 bytes, 2 UTF-16 units
    expect(exceedsUtf8Bytes("😀", 4)).toBe(false);
    expect(exceedsUtf8Bytes("abc", 2)).toBe(true);
  });
});
