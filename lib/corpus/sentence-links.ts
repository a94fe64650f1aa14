/// Which sentences of a bead answer to which: the bead's French and English paragraphs cut into
/// sentences (lib/text/sentences) and paired by the sentence aligner (lib/align). The reader
/// highlights a sentence's partners from this.
import { alignSentences } from "../align";

/// A sentence of one side of a bead: the paragraph it is in (index within the bead's side), its
/// span in that paragraph (UTF-16, end exclusive), and its group: the sentences of the other side
/// with the same group are its counterparts.
export interface LinkedSentence {
  paragraph: number;
  start: number;
  end: number;
  group: number;
}

/// The sentences of a bead, grouped by the aligner. A sentence with no counterpart has a group
/// of its own.
export function sentenceLinks(fr: string[], en: string[]): { fr: LinkedSentence[]; en: LinkedSentence[] } {
  if (fr.length === 0 || en.length === 0) return { fr: [], en: [] };
  const bead = { fr: fr.map((_, i) => i), en: en.map((_, i) => i), score: 1 };
  const { sentences, beads } = alignSentences(fr, en, [bead]);
  const flat = (lang: "fr" | "en") => sentences[lang].flatMap((spans, paragraph) => spans.map((s) => ({ paragraph, start: s.start, end: s.end, group: -1 })));
  const out = { fr: flat("fr"), en: flat("en") };
  (beads[0] ?? []).forEach((b, group) => {
    for (const i of b.fr) if (out.fr[i]) out.fr[i].group = group;
    for (const i of b.en) if (out.en[i]) out.en[i].group = group;
  });
  let spare = (beads[0] ?? []).length;
  for (const s of [...out.fr, ...out.en]) if (s.group < 0) s.group = spare++;
  return out;
}
