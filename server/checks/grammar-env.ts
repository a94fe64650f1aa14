/// Grammalecte as the background job sees it: an engine that checks some paragraphs of a
/// document and returns the registry's flags for them, or null when Grammalecte is not installed
/// (its rules are then off and the interface says so).
import "server-only";
import type { Flag } from "../../lib/checks";

export interface GrammarEngine {
  /// Flags of the Grammalecte rules for the paragraphs `only` (indices into `input.fr`), found
  /// by one Grammalecte process for the whole batch.
  check(input: { fr: string[]; en: string[] }, only: number[]): Promise<Flag[]>;
}

export async function grammarEngine(): Promise<GrammarEngine | null> {
  return null;
}
