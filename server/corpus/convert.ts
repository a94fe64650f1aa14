/// Turning what people bring (plain text, Markdown, a saved web page, a Word file) into a
/// document's paragraphs, and two such files into a document ready to store. Every refusal is
/// one DocumentError naming the file; nothing is stored by these functions.
import "server-only";
import path from "node:path";
import { checkFileSize, decodeDocumentText, DocumentError, isValidSlug, type DocumentSource } from "../../lib/corpus/document";
import { alignmentProblem, type AlignedBead } from "../../lib/corpus/alignment";
import type { DocumentMeta } from "../../lib/corpus/meta";
import { webPageParagraphs } from "../../lib/formats/html";
import { markdownParagraphs } from "../../lib/formats/markdown";
import { plainTextParagraphs } from "../../lib/formats/plain";
import { docxParagraphs } from "./docx";

/// The formats import reads.
export const INPUT_FORMATS = ["text", "markdown", "html", "docx"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".docx": "docx",
};

/// The format of a file, from its name's extension, or for an unknown one from its first bytes
/// (a ZIP archive is a .docx, markup is HTML, anything else plain text). Formats import cannot
/// read (.doc, .pdf, .odt…) throw `unsupportedFormat`.
export function detectFormat(name: string, bytes: Uint8Array): InputFormat {
  const ext = path.extname(name).toLowerCase();
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  if ([".doc", ".pdf", ".odt", ".rtf", ".epub", ".pages"].includes(ext)) {
    throw new DocumentError("unsupportedFormat", { file: name }, `${name}: this format cannot be imported; use plain text, Markdown, HTML or .docx`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return "docx";
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  return "text";
}

/// A file of either side as received: its name (for its format and for messages) and bytes.
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/// The paragraphs of one file, in its detected format. Throws DocumentError for a file over
/// 5 MB, invalid UTF-8, an unsafe or broken .docx, or no text at all.
export async function readInputFile(file: InputFile): Promise<{ format: InputFormat; paragraphs: string[] }> {
  checkFileSize(file.bytes.byteLength, file.name);
  const format = detectFormat(file.name, file.bytes);
  let paragraphs: string[];
  if (format === "docx") paragraphs = await docxParagraphs(file.bytes, file.name);
  else {
    const text = decodeDocumentText(file.bytes, file.name);
    paragraphs = format === "markdown" ? markdownParagraphs(text) : format === "html" ? webPageParagraphs(text) : plainTextParagraphs(text);
  }
  if (paragraphs.length === 0) throw new DocumentError("empty", { file: file.name }, `${file.name} is empty: it needs at least one line of text`);
  return { format, paragraphs };
}

/// What a pair of files needs besides its texts: the slug, and optionally titles, metadata
/// (a parsed meta.json) and a chosen alignment.
export interface PairOptions {
  slug: string;
  titles?: { fr?: string; en?: string };
  meta?: DocumentMeta;
  alignment?: AlignedBead[];
}

/// Metadata for a document imported without meta.json: the titles given or its first lines,
/// French as a machine translation of unknown engine, English as the original.
export function defaultMeta(fr: string[], en: string[], titles: { fr?: string; en?: string } = {}): DocumentMeta {
  return {
    title: { fr: titles.fr?.trim() || fr[0], en: titles.en?.trim() || en[0] },
    languages: { source: "fr", target: "en" },
    provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "original" } },
    licence: "unspecified",
  };
}

/// Two files read into a document ready to store (the aligner runs at import when no alignment
/// is given and the counts differ).
export async function readDocumentPair(fr: InputFile, en: InputFile, options: PairOptions): Promise<DocumentSource & { formats: Record<"fr" | "en", InputFormat> }> {
  if (!isValidSlug(options.slug)) {
    throw new DocumentError("invalidSlug", { slug: options.slug }, `"${options.slug}" is not a valid document name: use lower-case letters, digits and hyphens`);
  }
  const [a, b] = [await readInputFile(fr), await readInputFile(en)];
  const meta = options.meta
    ? { ...options.meta, title: { fr: options.titles?.fr?.trim() || options.meta.title.fr, en: options.titles?.en?.trim() || options.meta.title.en } }
    : defaultMeta(a.paragraphs, b.paragraphs, options.titles);
  if (options.alignment) {
    const problem = alignmentProblem(options.alignment, { fr: a.paragraphs.length, en: b.paragraphs.length });
    if (problem) throw new DocumentError("badAlignment", { problem }, `the alignment does not fit the texts: ${problem}`);
  }
  return {
    slug: options.slug,
    meta,
    fr: a.paragraphs,
    en: b.paragraphs,
    ...(options.alignment ? { alignment: options.alignment } : {}),
    formats: { fr: a.format, en: b.format },
  };
}
