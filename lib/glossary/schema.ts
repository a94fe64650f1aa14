/// Checking a term entry that comes from outside (a form, an API call): every field the model
/// has, with sizes a person could type. Unknown fields are dropped.
import { z } from "zod";
import type { TermEntry } from "./model";

const text = (max: number) => z.string().trim().max(max);
const optional = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v.normalize("NFC") : undefined));

const term = z.object({
  text: text(200).min(1).transform((v) => v.normalize("NFC")),
  status: z.enum(["preferred", "admitted", "deprecated"]),
  partOfSpeech: optional(40),
  gender: optional(40),
  termType: optional(40),
  note: optional(2000),
});

const section = z.object({
  definition: optional(4000),
  notes: z.array(text(2000).min(1)).max(20).default([]),
  terms: z.array(term).min(1).max(50),
});

/// A term entry's schema; ids are kebab-case slugs.
export const termEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and hyphens").max(80),
  subjectField: optional(200),
  note: optional(4000),
  langs: z
    .object({ fr: section.optional(), en: section.optional() })
    .refine((l) => l.fr || l.en, "an entry needs French or English terms"),
});

/// Drops absent optional fields so that entries compare equal however they were built.
export function cleanEntry(entry: z.infer<typeof termEntrySchema>): TermEntry {
  const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const langs: TermEntry["langs"] = {};
  for (const lang of ["fr", "en"] as const) {
    const s = entry.langs[lang];
    if (s) langs[lang] = strip({ definition: s.definition, notes: s.notes, terms: s.terms.map((t) => strip(t)) });
  }
  return strip({ id: entry.id, subjectField: entry.subjectField, note: entry.note, langs });
}
