/// A glossary change as a live event: the documents whose texts use a changed entry's terms
/// (before or after the change) get a `glossary.changed` event, so open readers fetch their terms
/// and flags again.
import "server-only";
import { buildTermIndex, matchTerms } from "../../lib/glossary/match";
import { LANGS, type TermEntry } from "../../lib/glossary/model";
import { inTurn } from "../corrections/workflow";
import type { Db } from "../db/connection";
import { appendEvent } from "../events/store";
import { hub } from "../events/hub";

/// Announces changed entries (every version that matters: the old and the new) to the documents
/// whose paragraphs contain one of their terms. Call after the change has committed. Returns the
/// documents told.
export async function announceGlossaryChange(db: Db, versions: TermEntry[]): Promise<number[]> {
  if (versions.length === 0) return [];
  // One entry per id holding the terms of all its versions: a text using any of them is concerned.
  const merged = new Map<string, TermEntry>();
  for (const v of versions) {
    const m = merged.get(v.id) ?? { id: v.id, langs: {} };
    for (const lang of LANGS) {
      const terms = v.langs[lang]?.terms ?? [];
      if (terms.length) m.langs[lang] = { notes: [], terms: [...(m.langs[lang]?.terms ?? []), ...terms.filter((t) => !m.langs[lang]?.terms.some((u) => u.text === t.text))] };
    }
    merged.set(v.id, m);
  }
  const index = buildTermIndex([...merged.values()]);
  const paragraphs = await db.kysely.selectFrom("paragraphs").select(["document_id", "lang", "text"]).where("removed", "=", 0).execute();
  const documents = new Set<number>();
  for (const p of paragraphs) {
    if (!documents.has(p.document_id) && matchTerms(index, p.text, p.lang).length > 0) documents.add(p.document_id);
  }
  if (documents.size === 0) return [];
  const entries = [...merged.keys()];
  // In turn with the correction writes, so event ids commit in order (see inTurn).
  await inTurn(db, async (trx) => {
    for (const d of documents) await appendEvent(trx, d, "glossary.changed", { entries });
  });
  await Promise.all([...documents].map((d) => hub().publish(d)));
  return [...documents];
}
