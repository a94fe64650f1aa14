/// Grammalecte as the background job sees it: an engine that checks some paragraphs of a
/// document (one Grammalecte process for the whole batch) and returns the registry's grammar
/// flags for them, or null when Grammalecte is not installed (its rules are then off and the
/// interface says so).
import "server-only";
import { checkDocument, type Flag } from "../../lib/checks";
import { findGrammalecte, runGrammalecte } from "./grammalecte";
import { engineOptions } from "./store";

export interface GrammarEngine {
  /// Flags of the Grammalecte rules for the paragraphs `only` (indices into `input.fr`).
  check(input: { fr: string[]; en: string[] }, only: number[]): Promise<Flag[]>;
}

export async function grammarEngine(): Promise<GrammarEngine | null> {
  const executable = findGrammalecte();
  if (!executable) return null;
  return {
    async check(input, only) {
      const grammar = await runGrammalecte(
        only.map((i) => input.fr[i]),
        { indices: only, executable },
      );
      return checkDocument(input, { grammar }, engineOptions("grammalecte", only));
    },
  };
}
