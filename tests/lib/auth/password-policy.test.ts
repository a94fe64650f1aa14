import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../../lib/auth/names";
import { isRepeatedRun, isSequentialRun, passwordProblem } from "../../../lib/auth/password-policy";

const COMMON = new Set(["qwertyuiop", "password123", "1q2w3e4r5t"]);
const reason = (password: string, name = "alice") => passwordProblem(password, name, (k) => COMMON.has(k))?.reason ?? null;

describe("password rules (NIST SP 800-63B)", () => {
  it("accepts a long passphrase, whatever its characters", () => {
    expect(reason("correct horse battery")).toBeNull();
    expect(reason("Thé à la menthe, s'il vous plaît")).toBeNull();
    expect(reason("x".repeat(MIN_PASSWORD_LENGTH - 1) + "y")).toBeNull();
  });
  it("refuses a password shorter or longer than the limits, counting characters, not UTF-16 units", () => {
    expect(reason("short")).toBe("length");
    expect(reason("a".repeat(MAX_PASSWORD_LENGTH) + "b")).toBe("length");
    // Nine emoji are 18 UTF-16 units but nine characters.
    expect(reason("🐈🐕🐟🐦🐍🐢🐝🐜🦋")).toBe("length");
  });
  it("refuses the user name, in any case, alone or with a few characters added", () => {
    expect(reason("alicealice", "alice")).toBe("userName");
    expect(reason("Bernadette", "bernadette")).toBe("userName");
    expect(reason("ALICE-2024!", "alice")).toBe("userName");
    expect(reason("visavis2026", "bob")).toBe("userName");
    // The name inside a long passphrase is fine.
    expect(reason("alice likes long walks", "alice")).toBeNull();
  });
  it("refuses one character or small group repeated, ten spaces included", () => {
    for (const p of ["aaaaaaaaaa", " ".repeat(10), "ababababab", "123123123123", "ZZZZZZZZZZZZ", "éééééééééé"]) expect(reason(p), JSON.stringify(p)).toBe("repeated");
    expect(isRepeatedRun("abcdeabcde")).toBe(false);
  });
  it("refuses one ascending or descending run, digits wrapping from 9 to 0", () => {
    for (const p of ["1234567890", "0123456789", "9876543210", "abcdefghij", "ZYXWVUTSRQ", "3456789012"]) expect(reason(p), p).toBe("sequential");
    expect(isSequentialRun("1234567899")).toBe(false);
    expect(isSequentialRun("abcdefghik")).toBe(false);
  });
  it("refuses passwords on the list of common ones, in any case", () => {
    expect(reason("qwertyuiop")).toBe("common");
    expect(reason("Password123")).toBe("common");
    expect(reason("1Q2W3E4R5T")).toBe("common");
  });
  it("says the limits with every reason, for the message", () => {
    expect(passwordProblem("aaaaaaaaaa", "bob", () => false)).toEqual({ reason: "repeated", min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  });
});
