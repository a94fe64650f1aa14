/// A document's quality score: the accepted (and not reverted) errors, MQM-weighted, per 1,000
/// words of the machine translation as it was imported.
import "server-only";
import type { Kysely } from "kysely";
import { isMqmCategory, isSeverity } from "../../lib/corrections/categories";
import { DEFAULT_WEIGHTS, qualityScore, type SeverityWeights } from "../../lib/corrections/quality";
import type { DocumentQuality } from "../../lib/corrections/views";
import { countWords } from "../../lib/text/paragraphs";
import { forEachYielding } from "../corpus/pages";
import type { Database } from "../db/schema";

export async function documentQuality(db: Kysely<Database>, documentId: number, weights: SeverityWeights = DEFAULT_WEIGHTS): Promise<DocumentQuality> {
  const [paragraphs, accepted] = await Promise.all([
    db.selectFrom("paragraphs").select("original").where("document_id", "=", documentId).where("lang", "=", "fr").where("removed", "=", 0).execute(),
    db
      .selectFrom("suggestions")
      .select(["category", "severity"])
      .where("document_id", "=", documentId)
      .where("status", "=", "accepted")
      .where("reverted_at", "is", null)
      .execute(),
  ]);
  let words = 0;
  await forEachYielding(paragraphs, (p) => (words += countWords(p.original)));
  const errors = accepted.flatMap((a) => (isMqmCategory(a.category) && isSeverity(a.severity) ? [{ category: a.category, severity: a.severity }] : []));
  return { ...qualityScore(errors, words, weights), words, weights };
}
