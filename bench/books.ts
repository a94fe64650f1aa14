/// Generated books for the scale and load benchmarks: French and English paragraphs of a
/// novel's length, stored straight in a database.
import { importDocument } from "../server/corpus/import";
import type { Db } from "../server/db/connection";

export const BOOK_SIZES = [1_000, 10_000, 100_000] as const;

const meta = (n: number) => ({
  title: { fr: `Livre de ${n} paragraphes`, en: `A book of ${n} paragraphs` },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
});

/// About 130 characters a paragraph, like a novel's dialogue and narration mixed.
export function book(n: number): { fr: string[]; en: string[] } {
  const fr = [`Livre de ${n} paragraphes`];
  const en = [`A book of ${n} paragraphs`];
  for (let i = 1; i < n; i++) {
    fr.push(`Le paragraphe ${i} raconte comment les modèles ont comblé l'écart de performance, dit-on, au fil des chapitres du livre.`);
    en.push(`Paragraph ${i} tells how the models closed the performance gap, it is said, over the chapters of the book.`);
  }
  return { fr, en };
}

export const bookSlug = (n: number) => `book-${n}`;

/// Imports a generated book of `n` paragraphs; returns the milliseconds the storing took.
export async function importBook(db: Db, n: number): Promise<number> {
  const { fr, en } = book(n);
  const t0 = performance.now();
  await importDocument(db.kysely, { slug: bookSlug(n), meta: meta(n), fr, en });
  return performance.now() - t0;
}

export const percentile = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
export const round = (x: number) => Math.round(x * 100) / 100;
