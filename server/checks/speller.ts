/// The French speller: Hunspell (a compiled checker, ready in well under a second) with Debian's
/// hunspell-fr dictionary, asked once per batch of paragraphs about every word they hold, then
/// about the halves of the unknown words (for run-together words). Without Hunspell or the
/// dictionary, `prepareSpeller` says so and the spelling rules raise nothing.
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { spellingQueries, splitQueries } from "../../lib/checks/rules/spelling";
import type { Speller } from "../../lib/checks/types";
import { findExecutable, runProcess } from "./process";

/// Where the dictionary is looked for: $HUNSPELL_DICT (a path without .dic/.aff), else Debian's.
const DICTIONARIES = ["/usr/share/hunspell/fr_FR", "/usr/share/hunspell/fr", "/usr/share/myspell/dicts/fr_FR"];

/// Hunspell and its French dictionary, if both are installed.
export interface SpellerEngine {
  hunspell: string;
  dictionary: string;
}

/// Finds Hunspell and the French dictionary; undefined when either is missing.
export function findSpeller(env: Record<string, string | undefined> = process.env): SpellerEngine | undefined {
  const hunspell = findExecutable(env.HUNSPELL ?? "hunspell", env);
  const dictionary = [env.HUNSPELL_DICT, ...DICTIONARIES].find((d) => d && existsSync(`${d}.dic`) && existsSync(`${d}.aff`));
  return hunspell && dictionary ? { hunspell, dictionary: path.resolve(dictionary) } : undefined;
}

/// The words of `words` Hunspell does not know (one call, one word per line).
export async function unknownWords(engine: SpellerEngine, words: readonly string[], timeoutMs = 60_000): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const output = await runProcess(engine.hunspell, ["-d", engine.dictionary, "-i", "utf-8", "-l"], words.join("\n") + "\n", timeoutMs);
  return new Set(output.split("\n").filter(Boolean));
}

/// Thrown when the speller is asked for but not installed.
export class SpellerMissing extends Error {
  constructor() {
    super("hunspell with a French dictionary (Debian: hunspell, hunspell-fr) is not installed: spelling checks are off");
  }
}

/// A speller for `paragraphs`: it knows the answer for every word they hold and for the halves
/// of their unknown words. Two Hunspell runs, whatever the number of paragraphs.
export async function prepareSpeller(paragraphs: readonly string[], engine = findSpeller()): Promise<Speller> {
  if (!engine) throw new SpellerMissing();
  const words = spellingQueries(paragraphs);
  const unknown = await unknownWords(engine, words);
  const halves = splitQueries([...unknown].filter((w) => w === w.toLowerCase())).filter((w) => !unknown.has(w));
  const unknownHalves = await unknownWords(engine, halves);
  for (const w of unknownHalves) unknown.add(w);
  const asked = new Set([...words, ...halves]);
  return {
    isKnown(word) {
      if (unknown.has(word)) return false;
      return asked.has(word) ? true : undefined;
    },
  };
}
