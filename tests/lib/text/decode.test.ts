import { describe, expect, it } from "vitest";
import { decodeUtf8, exceedsUtf8Bytes, firstInvalidByte, TextDecodeError } from "../../../lib/text/decode";

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

describe("firstInvalidByte", () => {
  it("is -1 for valid text, including 4-byte characters", () => {
    expect(firstInvalidByte(utf8("ok 😀 é"))).toBe(-1);
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
