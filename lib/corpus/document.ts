/// A document as it arrives from files or an upload, checked before anything is stored.
import { ControlCharacterError, decodeUtf8, TextDecodeError } from "../text/decode";
import { parseJsonText } from "../text/json";
import { splitParagraphs } from "../text/paragraphs";
import { alignmentProblem, alignmentSchema, type AlignedBead } from "./alignment";
import { parseDocumentMeta, type DocumentMeta } from "./meta";

/// The largest file a document may have, in bytes (5 MB).
export const MAX_DOCUMENT_FILE_BYTES = 5 * 1024 * 1024;

/// A document ready to store: French and English paragraphs, one row each, and its metadata.
export interface DocumentSource {
  slug: string;
  meta: DocumentMeta;
  fr: string[];
  en: string[];
  /// The alignment the files give (meta.json's `alignment`, or one chosen in the preview);
  /// without it, equal counts are aligned one to one and unequal ones by the aligner.
  alignment?: AlignedBead[];
}

/// The raw files of a document: fr.txt, en.txt and meta.json as bytes.
export interface DocumentFiles {
  fr: Uint8Array;
  en: Uint8Array;
  meta: Uint8Array;
}

/// Why a document was refused, as a stable code the interface translates (`errors.document.<code>`).
export type DocumentErrorCode =
  | "invalidSlug"
  | "missingFile"
  | "unreadableFile"
  | "tooLarge"
  | "notUtf8"
  | "empty"
  | "metaNotJson"
  | "metaIncomplete"
  | "countMismatch"
  | "controlCharacter"
  | "unsupportedFormat"
  | "brokenFile"
  | "unsafeFile"
  | "badAlignment";

/// Codes added with alignment, translated under `alignment.errors`.
const ALIGNMENT_CODES: ReadonlySet<DocumentErrorCode> = new Set(["unsupportedFormat", "brokenFile", "unsafeFile", "badAlignment"]);

/// The locale key of an error code's message.
export function documentErrorKey(code: DocumentErrorCode): string {
  if (code === "controlCharacter") return "security.controlCharacter";
  return ALIGNMENT_CODES.has(code) ? `alignment.errors.${code}` : `errors.document.${code}`;
}

/// Raised when a document cannot be imported: `message` is one English line for the command
/// line, `code` and `params` let the interface say the same in the reader's language.
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = "DocumentError";
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/// Whether a slug is usable in a URL and as a folder name: lower-case letters, digits and single
/// hyphens, at most 80 characters.
export function isValidSlug(slug: string): boolean {
  return slug.length <= 80 && SLUG.test(slug);
}

/// Checks a document's files and returns it ready to store, or throws a `DocumentError` naming
/// the first problem: bad slug, file over 5 MB, invalid UTF-8, empty text, unreadable or
/// incomplete meta.json, or an alignment in meta.json that does not fit the texts.
export function parseDocumentFiles(slug: string, files: DocumentFiles): DocumentSource {
  if (!isValidSlug(slug)) {
    throw new DocumentError(
      "invalidSlug",
      { slug },
      `"${slug}" is not a valid document name: use lower-case letters, digits and hyphens`,
    );
  }
  const fr = readParagraphs(files.fr, "fr.txt");
  const en = readParagraphs(files.en, "en.txt");
  checkFileSize(files.meta.byteLength, "meta.json");
  let json: unknown;
  try {
    json = parseJsonText(decodeDocumentText(files.meta, "meta.json"), "meta.json");
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    if (e instanceof ControlCharacterError) throw new DocumentError("controlCharacter", e.params, e.message);
    const reason = (e as Error).message;
    throw new DocumentError("metaNotJson", { reason }, `meta.json is not valid JSON: ${reason}`);
  }
  const parsed = parseDocumentMeta(json);
  if (!parsed.ok) {
    const problems = parsed.problems.join("; ");
    throw new DocumentError("metaIncomplete", { problems }, `meta.json is incomplete: ${problems}`);
  }
  const { alignment, meta } = splitAlignment(parsed.meta, { fr: fr.length, en: en.length });
  return { slug, meta, fr, en, ...(alignment ? { alignment } : {}) };
}

/// Takes the alignment out of meta.json's fields (it is stored on its own) and checks it against
/// the paragraph counts.
export function splitAlignment(meta: DocumentMeta, counts: { fr: number; en: number }): { meta: DocumentMeta; alignment?: AlignedBead[] } {
  if (!("alignment" in meta) || meta.alignment === undefined) return { meta };
  const { alignment: raw, ...rest } = meta as DocumentMeta & { alignment: unknown };
  const parsed = alignmentSchema.safeParse(raw);
  const problem = parsed.success ? alignmentProblem(parsed.data.beads, counts) : parsed.error.issues[0]?.message ?? "invalid";
  if (!parsed.success || problem) {
    throw new DocumentError("badAlignment", { problem: problem ?? "" }, `meta.json's alignment does not fit the texts: ${problem}`);
  }
  return { meta: rest as DocumentMeta, alignment: parsed.data.beads };
}

/// Throws the error for a file of `size` bytes when it is over the 5 MB limit.
export function checkFileSize(size: number, name: string): void {
  if (size > MAX_DOCUMENT_FILE_BYTES) {
    const mb = (size / 1048576).toFixed(1);
    throw new DocumentError("tooLarge", { file: name, size: mb }, `${name} is ${mb} MB; the limit is 5 MB`);
  }
}

/// A document file's bytes as text: invalid UTF-8 and control characters are refused as
/// DocumentErrors that name the file (and the character's place).
export function decodeDocumentText(bytes: Uint8Array, name: string): string {
  try {
    return decodeUtf8(bytes, name);
  } catch (e) {
    if (e instanceof ControlCharacterError) throw new DocumentError("controlCharacter", e.params, e.message);
    if (e instanceof TextDecodeError) throw new DocumentError("notUtf8", { file: name, offset: e.offset }, e.message);
    throw e;
  }
}

function readParagraphs(bytes: Uint8Array, name: string): string[] {
  checkFileSize(bytes.byteLength, name);
  const paragraphs = splitParagraphs(decodeDocumentText(bytes, name));
  if (paragraphs.length === 0) {
    throw new DocumentError("empty", { file: name }, `${name} is empty: it needs at least one line of text`);
  }
  return paragraphs;
}
