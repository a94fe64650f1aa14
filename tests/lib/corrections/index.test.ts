import { describe, expect, it } from "vitest";
import * as corrections from "../../../lib/corrections";

describe("lib/corrections", () => {
  it("exports the whole public API from one place", () => {
    for (const name of [
      "MQM_CATEGORIES", "SEVERITIES", "isMqmCategory", "isSeverity", "categoryBranch",
      "applyChange", "invertChange", "checkSpan", "mapSpan", "mapSpanThrough", "draftToFixes",
      "qualityScore", "formatScore", "DEFAULT_WEIGHTS", "recurrencePattern", "findRecurrences",
    ]) {
      expect(corrections, name).toHaveProperty(name);
    }
  });

  it("takes a draft to accepted text and follows an open suggestion through it", () => {
    const text = "Ils semblent avoir commis l'écart : il est large.";
    const [fix] = corrections.draftToFixes(text, "Ils semblent avoir comblé l'écart : il est large.");
    const open = { start: text.indexOf("large"), end: text.indexOf("large") + 5 };
    const accepted = corrections.applyChange(text, fix);
    const mapped = corrections.mapSpan(open, fix)!;
    expect(accepted.slice(mapped.start, mapped.end)).toBe("large");
  });
});
