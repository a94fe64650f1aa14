import { describe, expect, it } from "vitest";
import { ControlCharacterError } from "../../../lib/text/decode";
import { jsonDepth, JsonDepthError, MAX_JSON_DEPTH, parseJsonText } from "../../../lib/text/json";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("parseJsonText", () => {
  it("reads JSON up to the depth limit", () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH), "x")).toBeInstanceOf(Array);
    expect(parseJsonText('{"a":{"b":[1,"two"]}}', "x")).toEqual({ a: { b: [1, "two"] } });
  });
  it("refuses JSON nested past the limit before parsing it, 200,000 levels included", () => {
    expect(() => parseJsonText(nested(MAX_JSON_DEPTH + 1), "meta.json")).toThrow(JsonDepthError);
    expect(() => parseJsonText(nested(200_000), "meta.json")).toThrow("meta.json is nested more than 64 levels deep");
    expect(() => parseJsonText('{"a":'.repeat(100_000), "body")).toThrow(JsonDepthError);
  });
  it("counts only brackets outside strings", () => {
    expect(jsonDepth(`{"a":"[[[[{{{{\\"[[[["}`)).toBe(1);
    expect(parseJsonText(JSON.stringify({ text: "[".repeat(1000) }), "x")).toEqual({ text: "[".repeat(1000) });
  });
  it("refuses a control character written as an escape, naming the field", () => {
    try {
      parseJsonText('{"name":"ad\\u0000min"}', "body");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ControlCharacterError);
      expect((e as ControlCharacterError).params).toMatchObject({ field: "name", character: "U+0000", column: 3 });
    }
  });
  it("leaves other syntax errors to JSON.parse", () => {
    expect(() => parseJsonText("{", "x")).toThrow(SyntaxError);
  });
});
