/// Reading documents from folders laid out as corpus/<slug>/{fr.txt,en.txt,meta.json}.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { checkFileSize, DocumentError, MAX_DOCUMENT_FILE_BYTES, parseDocumentFiles, type DocumentSource } from "../../lib/corpus/document";
import { decodeUtf8 } from "../../lib/text/decode";
import { parseJsonText } from "../../lib/text/json";
import { CorrectionsFileError, parseCorrectionsFile, type CorrectionsFile } from "../corrections/file";

const FILES = ["fr.txt", "en.txt", "meta.json"] as const;

/// Reads and checks the document in `dir`; its slug is the folder's name. Throws `DocumentError`
/// for a missing, unreadable or oversized file (checked before reading it) and for bad content.
export function readDocumentDir(dir: string, slug = path.basename(path.resolve(/*turbopackIgnore: true*/ dir))): DocumentSource {
  const bytes = {} as Record<(typeof FILES)[number], Uint8Array>;
  for (const name of FILES) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name);
    let size: number;
    try {
      const stat = fs.statSync(/*turbopackIgnore: true*/ file);
      if (!stat.isFile()) throw new Error("not a file");
      size = stat.size;
    } catch {
      throw new DocumentError("missingFile", { file: name }, `${name} is missing in ${dir}`);
    }
    checkFileSize(size, name);
    try {
      bytes[name] = fs.readFileSync(/*turbopackIgnore: true*/ file);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new DocumentError("unreadableFile", { file: name, reason }, `cannot read ${file}: ${reason}`);
    }
  }
  return parseDocumentFiles(slug, { fr: bytes["fr.txt"], en: bytes["en.txt"], meta: bytes["meta.json"] });
}

/// The corrections shipped in a document folder (corrections.json), checked, or null when the
/// folder has none. Throws CorrectionsFileError for an unreadable, oversized or invalid file.
export function readCorrectionsFile(dir: string): CorrectionsFile | null {
  const file = path.join(/*turbopackIgnore: true*/ dir, "corrections.json");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return null;
  const size = fs.statSync(/*turbopackIgnore: true*/ file).size;
  if (size > MAX_DOCUMENT_FILE_BYTES) throw new CorrectionsFileError(`corrections.json is ${(size / 1048576).toFixed(1)} MB; the limit is 5 MB`);
  let json: unknown;
  try {
    json = parseJsonText(decodeUtf8(fs.readFileSync(/*turbopackIgnore: true*/ file), "corrections.json"), "corrections.json");
  } catch (e) {
    throw new CorrectionsFileError(`corrections.json cannot be read: ${(e as Error).message}`);
  }
  return parseCorrectionsFile(json);
}

/// The document folders of a corpus: sub-folders holding an fr.txt, sorted by name.
export function listDocumentDirs(corpusDir: string): string[] {
  if (!fs.existsSync(corpusDir)) return [];
  return fs
    .readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(corpusDir, d.name, "fr.txt")))
    .map((d) => path.join(corpusDir, d.name))
    .sort();
}
