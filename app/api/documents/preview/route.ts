import { guardUser } from "@/server/auth/request";
import { importError, MAX_UPLOAD_BYTES, readImportForm } from "@/server/corpus/upload";
import { readForm } from "@/server/http/responses";

/// Reads an import form as the import would, and answers the paragraphs of both sides (and the
/// formats found) without storing anything: the page aligns them and shows the proposed beads.
export async function POST(request: Request) {
  const g = await guardUser(request, "import");
  if (g instanceof Response) return g;
  const read = await readForm(request, MAX_UPLOAD_BYTES, Math.round(MAX_UPLOAD_BYTES / 1048576), g.t);
  if (read instanceof Response) return read;
  try {
    const doc = await readImportForm(read.form);
    return Response.json({ preview: { slug: doc.slug, title: doc.meta.title, fr: doc.fr, en: doc.en, formats: doc.formats, alignment: doc.alignment ?? null } });
  } catch (e) {
    return importError(e, g.t);
  }
}
