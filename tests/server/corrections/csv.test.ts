import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { correctionsCsv } from "../../../server/corrections/file";
import type { SuggestionView } from "../../../lib/corrections/views";

const suggestion = (over: Partial<SuggestionView>): SuggestionView =>
  ({
    id: 1, paragraph: 2, createdStart: 0, createdEnd: 3, deleted: "old", inserted: "new", category: "mistranslation", severity: "minor",
    note: "", author: "corinne", status: "open", createdAt: "2026-01-01T00:00:00.000Z", decidedBy: null, decidedAt: null, reason: null,
    sameFixAs: null, revertedAt: null, ...over,
  }) as SuggestionView;

describe("the corrections report as CSV", () => {
  it("goes through the one CSV guard: no cell a spreadsheet of any locale would run", () => {
    const csv = correctionsCsv([suggestion({ note: "ok;=1+2;x", inserted: "-ing", deleted: "+1", author: "@bob", reason: "a\t=cmd" })]);
    for (const delimiter of [",", ";", "\t"]) {
      const cells = (parse(csv, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat();
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), JSON.stringify(delimiter)).toEqual([]);
    }
    const [header, row] = parse(csv) as string[][];
    expect(row[header.indexOf("note")]).toBe("ok;'=1+2;x");
    expect(row[header.indexOf("fix")]).toBe("'-ing");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
