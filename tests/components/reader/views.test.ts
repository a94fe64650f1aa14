/// The reader's views: which one a reader gets, and the English switch over the layouts.
import { describe, expect, it } from "vitest";
import { readingView, showsEnglish, withEnglish } from "../../../components/reader/views";

describe("reading views", () => {
  it("remembers the chosen view, and defaults to clean for readers and suggestions for correctors", () => {
    expect(readingView("original", false)).toBe("original");
    expect(readingView("clean", true)).toBe("clean");
    expect(readingView(undefined, false)).toBe("clean");
    expect(readingView(undefined, true)).toBe("suggestions");
    expect(readingView("bogus", false)).toBe("clean");
  });

  it("hides the English as 'French only' and brings back the layout one had", () => {
    expect(showsEnglish("fr")).toBe(false);
    expect(withEnglish("side", false, null)).toBe("fr");
    expect(withEnglish("interleaved", false, null)).toBe("fr");
    expect(withEnglish("fr", true, "interleaved")).toBe("interleaved");
    expect(withEnglish("fr", true, null)).toBe("side");
    expect(withEnglish("en", true, null)).toBe("en");
  });
});
