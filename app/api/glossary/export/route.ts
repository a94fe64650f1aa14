import { writeGlossaryCsv } from "@/lib/formats/csv";
import { writeTbx } from "@/lib/formats/tbx";
import { guard } from "@/server/auth/request";
import { listEntries } from "@/server/glossary/store";
import { errorResponse } from "@/server/http/responses";

/// The whole glossary as a download: `?format=tbx` (TBX-Basic, the default) or `?format=csv`
/// (the Crowdin-like layout, with a byte-order mark for spreadsheets).
export async function GET(request: Request) {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  const format = new URL(request.url).searchParams.get("format") ?? "tbx";
  if (format !== "tbx" && format !== "csv") return errorResponse(400, "badRequest", g.t("errors.badRequest"));
  const entries = await listEntries(g.db.kysely);
  const [body, type] =
    format === "tbx"
      ? [writeTbx(entries, { title: "Vis-à-vis glossary" }), "application/xml; charset=utf-8"]
      : [writeGlossaryCsv(entries), "text/csv; charset=utf-8"];
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="glossary.${format}"`, "cache-control": "no-store" },
  });
}
