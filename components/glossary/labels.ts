/// The words the glossary pages show for a term's status, part of speech, gender and type, in
/// the interface language (a value the glossary does not know is shown as written).
import type { TFunction } from "i18next";

/// TBX-Basic values the forms offer.
export const PARTS_OF_SPEECH = ["noun", "verb", "adjective", "adverb", "properNoun", "other"] as const;
export const GENDERS = ["masculine", "feminine", "neuter", "other"] as const;
export const TERM_TYPES = ["fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"] as const;

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

const PREFIX = {
  status: "glossary.statuses",
  pos: "glossary.partsOfSpeech",
  gender: "glossary.genders",
  termType: "glossary.termTypes",
  action: "glossary.actions",
} as const;

/// The label of a field value when the interface knows the value, else the value as written.
export function valueLabel(t: Translate, kind: keyof typeof PREFIX, value: string | undefined): string {
  if (!value) return "";
  return String((t as (key: string, options?: Record<string, unknown>) => string)(`${PREFIX[kind]}.${value}`, { defaultValue: value }));
}
