/// What changed between two versions of a glossary entry, field by field, for its history; and
/// the one rule an edit must keep: a language that had a preferred term keeps one.

import { LANGS, type Lang, type Term, type TermEntry } from "./model";

/// One field of an entry whose text differs between two versions ("" when absent). `lang` is
/// the section it belongs to; none for the entry-wide fields.
export interface EntryChange {
  field: "subjectField" | "note" | "definition" | "notes" | "terms";
  lang?: Lang;
  before: string;
  after: string;
}

/// How a term reads in a history line: its text, status and grammar, then its note.
export type TermWording = (term: Term) => string;

const plainTerm: TermWording = (t) =>
  [`${t.text} (${[t.status, t.partOfSpeech, t.gender, t.termType].filter(Boolean).join(", ")})`, t.note].filter(Boolean).join(": ");

/// The fields that differ between `before` and `after` (either may be null: created, removed),
/// each as the text a reader compares word by word. Terms of a language are one field, a line
/// per term, so a renamed term or a changed status reads as a change of words in place.
export function entryChanges(before: TermEntry | null, after: TermEntry | null, wording: TermWording = plainTerm): EntryChange[] {
  const fields = (e: TermEntry | null): Map<string, EntryChange> => {
    const out = new Map<string, EntryChange>();
    const put = (field: EntryChange["field"], lang: Lang | undefined, text: string | undefined) => {
      if (text) out.set(`${lang ?? ""}.${field}`, { field, ...(lang ? { lang } : {}), before: "", after: text });
    };
    if (!e) return out;
    put("subjectField", undefined, e.subjectField);
    put("note", undefined, e.note);
    for (const lang of LANGS) {
      const section = e.langs[lang];
      if (!section) continue;
      put("definition", lang, section.definition);
      put("notes", lang, section.notes.join("\n"));
      put("terms", lang, section.terms.map(wording).join("\n"));
    }
    return out;
  };
  const old = fields(before);
  const now = fields(after);
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  const order = (k: string) => {
    const [lang, field] = k.split(".");
    return (lang ? 1 + LANGS.indexOf(lang as Lang) : 0) * 10 + ["subjectField", "note", "terms", "definition", "notes"].indexOf(field);
  };
  return keys
    .sort((a, b) => order(a) - order(b))
    .flatMap((k) => {
      const b = old.get(k)?.after ?? "";
      const a = now.get(k)?.after ?? "";
      if (a === b) return [];
      const { field, lang } = (now.get(k) ?? old.get(k))!;
      return [{ field, ...(lang ? { lang } : {}), before: b, after: a }];
    });
}

/// The languages that had a preferred term in `before` and have none in `after`: an edit that
/// leaves them so needs the terminologist's explicit confirmation.
export function languagesLosingPreferred(before: TermEntry, after: TermEntry): Lang[] {
  const hasPreferred = (e: TermEntry, lang: Lang) => (e.langs[lang]?.terms ?? []).some((t) => t.status === "preferred");
  return LANGS.filter((lang) => hasPreferred(before, lang) && !hasPreferred(after, lang));
}
