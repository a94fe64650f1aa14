/// What the glossary's write routes share: the size of an entry, comparing entries, and reading
/// an uploaded term base (TBX or CSV) into checked entries before anything is stored.
import "server-only";
import { CsvError, readGlossaryCsv } from "../../lib/formats/csv";
import { MAX_TBX_BYTES, readTbx, TbxError } from "../../lib/formats/tbx";
import type { TermEntry } from "../../lib/glossary/model";
import { cleanEntry, termEntrySchema } from "../../lib/glossary/schema";
import { decodeUtf8, TextDecodeError } from "../../lib/text/decode";

/// The largest entry a form sends: 256 KiB (fifty terms a language, each with a note, is far less).
export const MAX_ENTRY_BYTES = 256 * 1024;

/// The largest term base an upload may hold: 10 MB, as `readTbx` and `readGlossaryCsv` accept.
export const MAX_TERM_BASE_BYTES = MAX_TBX_BYTES;

/// The same entry with absent optional fields dropped and keys in one order, for comparing
/// entries however they were built (a TBX file, a form).
export function canonicalJson(entry: TermEntry): string {
  const parsed = termEntrySchema.safeParse(entry);
  return JSON.stringify(parsed.success ? cleanEntry(parsed.data) : entry);
}

/// Terms whose status became deprecated between two versions of an entry, as `lang:text`.
export function newlyDeprecated(before: TermEntry, after: TermEntry): string[] {
  const out: string[] = [];
  for (const lang of ["fr", "en"] as const) {
    const old = new Map((before.langs[lang]?.terms ?? []).map((t) => [t.text, t.status]));
    for (const t of after.langs[lang]?.terms ?? []) if (t.status === "deprecated" && old.get(t.text) !== "deprecated") out.push(`${lang}:${t.text}`);
  }
  return out;
}

/// Why an uploaded term base was refused. The message is in English; `params` (the file's
/// `name`, and the file reader's own message as `reason`) let a route say it in the reader's
/// language.
export class TermBaseError extends Error {
  constructor(
    readonly code: "unsupportedType" | "tooLarge" | "unreadable" | "empty" | "invalidEntry",
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "TermBaseError";
  }
}

/// The kind of term base a file name says, or null.
export function termBaseKind(name: string): "tbx" | "csv" | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "tbx" || ext === "xml") return "tbx";
  if (ext === "csv" || ext === "tsv") return "csv";
  return null;
}

/// Reads an uploaded term base: UTF-8, at most 10 MB, TBX or glossary CSV by its name, every
/// entry valid as the edit form would require (kebab-case id, sizes a person could type). The
/// entries come back as the file's reader made them, ready for `importEntries`.
export function readTermBaseUpload(name: string, bytes: Uint8Array): TermEntry[] {
  const kind = termBaseKind(name);
  if (!kind) throw new TermBaseError("unsupportedType", `${name}: only .tbx and .csv files can be imported.`, { name });
  if (bytes.byteLength > MAX_TERM_BASE_BYTES) {
    const size = (bytes.byteLength / 1048576).toFixed(1);
    throw new TermBaseError("tooLarge", `${name} is ${size} MB; the limit is 10 MB.`, { name, size });
  }
  let entries: TermEntry[];
  try {
    const text = decodeUtf8(bytes, "the file");
    entries = kind === "tbx" ? readTbx(text) : readGlossaryCsv(text);
  } catch (e) {
    if (e instanceof TbxError || e instanceof CsvError || e instanceof TextDecodeError) {
      throw new TermBaseError("unreadable", `${name}: ${e.message}`, { name, reason: e.message });
    }
    throw e;
  }
  if (entries.length === 0) throw new TermBaseError("empty", `${name} holds no French or English entries.`, { name });
  for (const entry of entries) {
    const parsed = termEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.map(String).join(".") || "entry";
      throw new TermBaseError("invalidEntry", `${name}: entry “${String(entry.id)}”: ${field}: ${issue.message}`, {
        name,
        id: String(entry.id),
        field,
        reason: issue.message,
      });
    }
  }
  return entries;
}
