/// Reading an import form (the /import page, or any HTTP client): the short name, each side as a
/// file of any format import reads or as pasted text, and optionally meta.json, titles and the
/// alignment chosen in the preview. Shared by the preview and the import routes.
import "server-only";
import { DocumentError, documentErrorKey, MAX_DOCUMENT_FILE_BYTES, splitAlignment } from "../../lib/corpus/document";
import { errorResponse } from "../http/responses";
import { alignmentSchema, type AlignedBead } from "../../lib/corpus/alignment";
import { parseDocumentMeta, type DocumentMeta } from "../../lib/corpus/meta";
import { decodeUtf8 } from "../../lib/text/decode";
import { readDocumentPair, type InputFile } from "./convert";

/// Three files of at most 5 MB each (French, English, meta.json), plus the form's own overhead.
export const MAX_UPLOAD_BYTES = 3 * MAX_DOCUMENT_FILE_BYTES + 64 * 1024;

/// Which field is missing (the route answers 400 naming it).
export class MissingFieldError extends Error {
  constructor(readonly field: string) {
    super(`${field} is missing`);
  }
}

/// One side: an uploaded file (`fr`, `en`), else pasted text (`frText`, `enText`, read as
/// plain text).
async function side(form: FormData, lang: "fr" | "en"): Promise<InputFile> {
  const file = form.get(lang);
  // A browser sends an unused file input as a nameless empty file; a named one counts, even empty.
  if (file instanceof Blob && (file.size > 0 || (file as File).name)) return { name: (file as File).name || `${lang}.txt`, bytes: new Uint8Array(await file.arrayBuffer()) };
  const pasted = form.get(`${lang}Text`);
  if (typeof pasted === "string" && pasted.trim()) return { name: `${lang} (pasted)`, bytes: new TextEncoder().encode(pasted) };
  throw new MissingFieldError(lang);
}

function text(form: FormData, field: string): string | undefined {
  const v = form.get(field);
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

/// Reads and checks the form's document. Throws MissingFieldError or DocumentError; stores nothing.
export async function readImportForm(form: FormData) {
  const slug = text(form, "slug");
  if (!slug) throw new MissingFieldError("slug");
  const fr = await side(form, "fr");
  const en = await side(form, "en");
  let meta: DocumentMeta | undefined;
  let metaAlignment: AlignedBead[] | undefined;
  const metaFile = form.get("meta");
  if (metaFile instanceof Blob && metaFile.size > 0) {
    let json: unknown;
    try {
      json = JSON.parse(decodeUtf8(new Uint8Array(await metaFile.arrayBuffer()), "meta.json"));
    } catch (e) {
      throw new DocumentError("metaNotJson", { reason: (e as Error).message }, `meta.json is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = parseDocumentMeta(json);
    if (!parsed.ok) {
      const problems = parsed.problems.join("; ");
      throw new DocumentError("metaIncomplete", { problems }, `meta.json is incomplete: ${problems}`);
    }
    meta = parsed.meta;
  }
  let alignment: AlignedBead[] | undefined;
  const chosen = text(form, "alignment");
  if (chosen) {
    let parsed;
    try {
      parsed = alignmentSchema.safeParse(JSON.parse(chosen));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) throw new DocumentError("badAlignment", { problem: "not an alignment" }, "the alignment is not valid JSON beads");
    alignment = parsed.data.beads;
  }
  const pair = await readDocumentPair(fr, en, { slug, titles: { fr: text(form, "titleFr"), en: text(form, "titleEn") }, meta, alignment });
  if (meta && !alignment) {
    // meta.json's own alignment, checked against the texts.
    const split = splitAlignment(pair.meta, { fr: pair.fr.length, en: pair.en.length });
    pair.meta = split.meta;
    metaAlignment = split.alignment;
  }
  return { ...pair, ...(alignment ?? metaAlignment ? { alignment: alignment ?? metaAlignment } : {}) };
}

/// The answer for a refused import form.
export function importError(e: unknown, t: (key: string, params?: Record<string, unknown>) => string): Response {
  if (e instanceof MissingFieldError) return errorResponse(400, "missingField", t("errors.missingField", { field: e.field }), { field: e.field });
  if (e instanceof DocumentError) {
    const status = e.code === "tooLarge" ? 413 : 400;
    return errorResponse(status, e.code, t(documentErrorKey(e.code), e.params), e.params);
  }
  throw e;
}
