import { describe, expect, it } from "vitest";
import { auditDetails } from "../../../lib/audit/details";

const slugs = new Map([[1, "deepseek-containment"]]);

describe("auditDetails", () => {
  it("links an accepted suggestion to its card in its document", () => {
    expect(auditDetails({ action: "suggestion.accept", target: "#42", detail: { document: 1 } }, slugs)).toEqual([
      { key: "document", params: { slug: "deepseek-containment" }, href: "/documents/deepseek-containment#s-42" },
    ]);
  });

  it("gives a rejection's reason and says when the document is gone", () => {
    expect(auditDetails({ action: "suggestion.reject", target: "#7", detail: { document: 9, reason: "not an error" } }, slugs)).toEqual([
      { key: "documentGone", params: { id: 9 } },
      { key: "reason", params: { reason: "not an error" } },
    ]);
  });

  it("reads a role change, an import's status and a term base import's counts", () => {
    expect(auditDetails({ action: "user.role", target: "ana", detail: { from: "corrector", to: "reviewer" } }, slugs)).toEqual([
      { key: "roleChange", params: { from: "corrector", to: "reviewer" } },
    ]);
    expect(auditDetails({ action: "document.import", target: "novel", detail: { status: "updated" } }, slugs)).toEqual([
      { key: "document", params: { slug: "novel" }, href: "/documents/novel" },
      { key: "importStatus.updated", params: {} },
    ]);
    expect(auditDetails({ action: "glossary.import", target: "t.tbx", detail: { file: "t.tbx", created: 2, updated: 0, unchanged: 5, kept: 1 } }, slugs)).toEqual([
      { key: "glossaryImport.created", params: { count: 2 } },
      { key: "glossaryImport.updated", params: { count: 0 } },
      { key: "glossaryImport.unchanged", params: { count: 5 } },
      { key: "glossaryImport.kept", params: { count: 1 } },
    ]);
  });

  it("gives a refused import's error code and parameters, and links glossary entries", () => {
    expect(auditDetails({ action: "document.import.refused", target: "x", detail: { code: "invalidUtf8", params: { file: "fr.txt", offset: 12 } } }, slugs)).toEqual([
      { key: "refusedBecause", params: { code: "invalidUtf8", file: "fr.txt", offset: 12 } },
    ]);
    expect(auditDetails({ action: "glossary.edit", target: "e-12", detail: { deprecated: ["jeton"] } }, slugs)).toEqual([
      { key: "entry", params: { id: "e-12" }, href: "/glossary/e-12" },
      { key: "field", params: { name: "deprecated", value: '["jeton"]' } },
    ]);
  });

  it("never hides a detail it does not know, and shows nothing for an entry without details", () => {
    expect(auditDetails({ action: "settings.change", target: null, detail: { publicReading: false } }, slugs)).toEqual([
      { key: "field", params: { name: "publicReading", value: "false" } },
    ]);
    expect(auditDetails({ action: "login", target: "ana", detail: null }, slugs)).toEqual([]);
  });
});
