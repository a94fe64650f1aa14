/// A document's alignment: its French and English paragraphs grouped into beads (1-1, 2-1, 1-0…),
/// in reading order, every paragraph of each language in exactly one bead. Stored with the
/// document when it is not one line to one line, and repaired by hand, one small change at a
/// time: each change replaces a window of consecutive beads, so it can be reverted on its own.
import { z } from "zod";
import { alignParagraphs } from "../align";

/// One bead: positions of French and English paragraphs (from 0), and the aligner's confidence
/// in [0, 1] where it came from the aligner (a bead a person made or confirmed has none).
export interface AlignedBead {
  fr: number[];
  en: number[];
  score?: number;
}

export type Lang = "fr" | "en";
const LANGS: readonly Lang[] = ["fr", "en"];

/// The shape of `alignment` in meta.json and in the align command's output.
export const alignmentSchema = z.object({
  beads: z
    .array(
      z.object({
        fr: z.array(z.number().int().nonnegative()),
        en: z.array(z.number().int().nonnegative()),
        score: z.number().min(0).max(1).optional(),
      }),
    )
    .min(1),
});

/// One bead per paragraph: the alignment of two texts with as many paragraphs each.
export function oneToOne(count: number): AlignedBead[] {
  return Array.from({ length: count }, (_, i) => ({ fr: [i], en: [i] }));
}

/// Whether an alignment pairs the n-th French paragraph with the n-th English one, all through.
export function isOneToOne(beads: readonly AlignedBead[]): boolean {
  return beads.every((b, i) => b.fr.length === 1 && b.en.length === 1 && b.fr[0] === i && b.en[0] === i);
}

/// Why beads are not an alignment of `counts` paragraphs (each paragraph once, in order, no
/// empty bead), or null when they are.
export function alignmentProblem(beads: readonly AlignedBead[], counts: Record<Lang, number>): string | null {
  const next = { fr: 0, en: 0 };
  for (let i = 0; i < beads.length; i++) {
    const bead = beads[i];
    if (bead.fr.length + bead.en.length === 0) return `bead ${i} is empty`;
    for (const lang of LANGS) {
      for (const p of bead[lang]) {
        if (p !== next[lang]) return `bead ${i}: ${lang} paragraph ${p} where ${next[lang]} was expected`;
        next[lang]++;
      }
    }
  }
  for (const lang of LANGS) if (next[lang] !== counts[lang]) return `the beads cover ${next[lang]} ${lang} paragraphs of ${counts[lang]}`;
  return null;
}

/// The index of the bead holding a paragraph, or -1.
export function beadIndexOf(beads: readonly AlignedBead[], lang: Lang, position: number): number {
  return beads.findIndex((b) => b[lang].includes(position));
}

/// Whether the aligner doubted a bead (a score under `threshold`).
export function isDoubtful(bead: AlignedBead, threshold: number): boolean {
  return bead.score !== undefined && bead.score < threshold;
}

/// A hand repair of the alignment, as the API receives it.
export type AlignmentEdit =
  | { kind: "merge"; bead: number }
  | { kind: "split"; bead: number; fr: number; en: number }
  | { kind: "move"; lang: Lang; paragraph: number; direction: "up" | "down" }
  | { kind: "detach"; lang: Lang; paragraph: number };

export const alignmentEditSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("merge"), bead: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("split"), bead: z.number().int().nonnegative(), fr: z.number().int().nonnegative(), en: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("move"), lang: z.enum(["fr", "en"]), paragraph: z.number().int().nonnegative(), direction: z.enum(["up", "down"]) }),
  z.object({ kind: z.literal("detach"), lang: z.enum(["fr", "en"]), paragraph: z.number().int().nonnegative() }),
]);

/// Why an edit cannot apply, as a stable code (`alignment.editErrors.<code>` in the interface).
export type AlignmentEditErrorCode = "noSuchChange" | "alreadyReverted" | "noSuchBead" | "noNextBead" | "badSplit" | "noSuchParagraph" | "notAtEdge" | "alreadyAlone" | "conflict";

export class AlignmentEditError extends Error {
  constructor(readonly code: AlignmentEditErrorCode, message: string) {
    super(message);
    this.name = "AlignmentEditError";
  }
}

/// A change to an alignment: the beads from index `at` that it replaced, and what replaced them.
export interface AlignmentWindow {
  at: number;
  before: AlignedBead[];
  after: AlignedBead[];
}

const sure = (fr: number[], en: number[]): AlignedBead => ({ fr, en });

/// Applies a hand repair and returns the window it changed. Beads a person touched lose their
/// score: they are no longer the aligner's guess.
export function applyAlignmentEdit(beads: readonly AlignedBead[], edit: AlignmentEdit): AlignmentWindow {
  switch (edit.kind) {
    case "merge": {
      const a = beads[edit.bead];
      if (!a) throw new AlignmentEditError("noSuchBead", `there is no bead ${edit.bead}`);
      const b = beads[edit.bead + 1];
      if (!b) throw new AlignmentEditError("noNextBead", `bead ${edit.bead} is the last one`);
      return { at: edit.bead, before: [a, b], after: [sure([...a.fr, ...b.fr], [...a.en, ...b.en])] };
    }
    case "split": {
      const a = beads[edit.bead];
      if (!a) throw new AlignmentEditError("noSuchBead", `there is no bead ${edit.bead}`);
      const first = sure(a.fr.slice(0, edit.fr), a.en.slice(0, edit.en));
      const second = sure(a.fr.slice(edit.fr), a.en.slice(edit.en));
      const sizes = [first, second].map((b) => b.fr.length + b.en.length);
      if (edit.fr > a.fr.length || edit.en > a.en.length || sizes.includes(0)) {
        throw new AlignmentEditError("badSplit", `bead ${edit.bead} cannot be cut after ${edit.fr} French and ${edit.en} English paragraphs`);
      }
      return { at: edit.bead, before: [a], after: [first, second] };
    }
    case "move": {
      const { lang, paragraph } = edit;
      const i = beadIndexOf(beads, lang, paragraph);
      if (i < 0) throw new AlignmentEditError("noSuchParagraph", `there is no ${lang} paragraph ${paragraph}`);
      const j = edit.direction === "up" ? i - 1 : i + 1;
      const from = beads[i];
      const to = beads[j];
      const side = from[lang];
      const atEdge = edit.direction === "up" ? side[0] === paragraph : side[side.length - 1] === paragraph;
      if (!to || !atEdge) throw new AlignmentEditError("notAtEdge", `${lang} paragraph ${paragraph} is not at the ${edit.direction === "up" ? "top" : "bottom"} of a bead with a neighbour there`);
      const without = { ...sure(from.fr, from.en), [lang]: side.filter((p) => p !== paragraph) };
      const into = { ...sure(to.fr, to.en), [lang]: edit.direction === "up" ? [...to[lang], paragraph] : [paragraph, ...to[lang]] };
      const pair = edit.direction === "up" ? [into, without] : [without, into];
      return { at: Math.min(i, j), before: beads.slice(Math.min(i, j), Math.min(i, j) + 2), after: pair.filter((b) => b.fr.length + b.en.length > 0) };
    }
    case "detach": {
      const { lang, paragraph } = edit;
      const i = beadIndexOf(beads, lang, paragraph);
      if (i < 0) throw new AlignmentEditError("noSuchParagraph", `there is no ${lang} paragraph ${paragraph}`);
      const bead = beads[i];
      const other: Lang = lang === "fr" ? "en" : "fr";
      if (bead[other].length === 0 && bead[lang].length === 1) throw new AlignmentEditError("alreadyAlone", `${lang} paragraph ${paragraph} has no counterpart already`);
      const k = bead[lang].indexOf(paragraph);
      const before = bead[lang].slice(0, k);
      const after = bead[lang].slice(k + 1);
      const make = (own: number[], others: number[]) => ({ ...sure([], []), [lang]: own, [other]: others }) as AlignedBead;
      const out: AlignedBead[] = [];
      // The counterpart stays with the paragraphs before (or else after) the detached one.
      if (before.length) out.push(make(before, bead[other]), make([paragraph], []));
      else if (after.length) out.push(make([paragraph], []), make(after, bead[other]));
      else out.push(make([paragraph], []), make([], bead[other]));
      if (before.length && after.length) out.push(make(after, []));
      return { at: i, before: [bead], after: out.filter((b) => b.fr.length + b.en.length > 0) };
    }
  }
}

/// One change in an alignment's history, as the API and the reader show it.
export interface AlignmentChangeView {
  id: number;
  kind: string;
  window: AlignmentWindow;
  by: string;
  at: string;
  reverts: number | null;
  revertedBy: number | null;
}

/// The alignment with a window applied.
export function withWindow(beads: readonly AlignedBead[], w: AlignmentWindow): AlignedBead[] {
  return [...beads.slice(0, w.at), ...w.after, ...beads.slice(w.at + w.before.length)];
}

const sameBead = (a: AlignedBead, b: AlignedBead) => a.fr.join() === b.fr.join() && a.en.join() === b.en.join();

/// The window that undoes `change` in the current alignment: the beads it made must still be
/// there, unchanged (they may have moved, if beads before them were merged or split since).
/// Throws a `conflict` error when a later change touched them.
export function revertWindow(beads: readonly AlignedBead[], change: AlignmentWindow): AlignmentWindow {
  const first = change.after[0];
  const at = beads.findIndex((b) => sameBead(b, first));
  if (at < 0 || !change.after.every((b, k) => beads[at + k] && sameBead(beads[at + k], b))) {
    throw new AlignmentEditError("conflict", "these beads were changed again since; revert the later change first");
  }
  return { at, before: beads.slice(at, at + change.after.length), after: change.before };
}

/// The window between two alignments of the same paragraphs (what a re-import changed), or
/// null when they are the same.
export function diffAlignments(before: readonly AlignedBead[], after: readonly AlignedBead[]): AlignmentWindow | null {
  let start = 0;
  while (start < before.length && start < after.length && sameBead(before[start], after[start]) && before[start].score === after[start].score) start++;
  if (start === before.length && start === after.length) return null;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && sameBead(before[endB - 1], after[endA - 1]) && before[endB - 1].score === after[endA - 1].score) {
    endB--;
    endA--;
  }
  return { at: start, before: before.slice(start, endB), after: after.slice(start, endA) };
}

/// Aligns two texts with the aligner (lib/align), keeping its confidence on each bead.
export function alignTexts(fr: string[], en: string[], onProgress?: (done: number, total: number) => void): AlignedBead[] {
  if (fr.length === 0 || en.length === 0) return fr.length ? fr.map((_, i) => ({ fr: [i], en: [] })) : en.map((_, i) => ({ fr: [], en: [i] }));
  return alignParagraphs(fr, en, { onProgress }).map((b) => ({ fr: b.fr, en: b.en, score: Math.round(b.score * 1000) / 1000 }));
}
