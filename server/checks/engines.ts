/// Which checking engines this machine has: the interface says which rules are off without them.
import "server-only";
import { findGrammalecte } from "./grammalecte";
import { findSpeller } from "./speller";

/// Whether Hunspell with a French dictionary (`speller`) and Grammalecte (`grammalecte`) are
/// installed; the rules whose `engine` is missing raise nothing.
export function availableEngines(env: Record<string, string | undefined> = process.env): { speller: boolean; grammalecte: boolean } {
  return { speller: findSpeller(env) !== undefined, grammalecte: findGrammalecte(env) !== undefined };
}
