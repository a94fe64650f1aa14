/// The schema of `corpus/<slug>/meta.json`: titles in both languages, provenance and licence.
import { z } from "zod";

const provenance = z.object({
  kind: z.enum(["machine-translation", "human", "post-edited", "original"]),
  engine: z.string().min(1).nullable().optional(),
  by: z.string().min(1).optional(),
  note: z.string().optional(),
});

/// What meta.json must hold; unknown fields are kept, so a newer file survives an older app.
export const documentMetaSchema = z
  .object({
    title: z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }),
    languages: z
      .object({ source: z.enum(["fr", "en"]), target: z.enum(["fr", "en"]) })
      .default({ source: "fr", target: "en" }),
    provenance: z.object({ fr: provenance, en: provenance }),
    licence: z.string().trim().min(1),
    field: z.string().optional(),
  })
  .passthrough();

/// A document's metadata once validated.
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/// Checks parsed JSON against the schema; returns the metadata or one readable line per problem
/// ("title.en: required").
export function parseDocumentMeta(json: unknown): { ok: true; meta: DocumentMeta } | { ok: false; problems: string[] } {
  const result = documentMetaSchema.safeParse(json);
  if (result.success) return { ok: true, meta: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = issue.path.join(".") || "(top level)";
      const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
      return `${where}: ${missing ? "required" : issue.message}`;
    }),
  };
}
