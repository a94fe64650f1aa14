/// Grammalecte as the background job sees it: an engine that checks some paragraphs of a
/// document (one Grammalecte process for the whole batch) and returns the registry's grammar
/// flags for them, or null when Grammalecte is not installed (its rules are then off and the
/// interface says so). Grammalecte runs at a lower CPU priority (`nice`), so that requests and
/// live updates go first on a busy machine.
import "server-only";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkDocument, type Flag } from "../../lib/checks";
import { findGrammalecte, runGrammalecte } from "./grammalecte";
import { findExecutable } from "./process";
import { engineOptions } from "./store";

export interface GrammarEngine {
  /// Flags of the Grammalecte rules for the paragraphs `only` (indices into `input.fr`).
  check(input: { fr: string[]; en: string[] }, only: number[]): Promise<Flag[]>;
}

const niced = new Map<string, string>();

/// A wrapper that runs `executable` under `nice` (or `executable` itself without `nice`).
function politely(executable: string): string {
  const nice = findExecutable("nice");
  if (!nice) return executable;
  let wrapper = niced.get(executable);
  if (!wrapper) {
    wrapper = path.join(mkdtempSync(path.join(os.tmpdir(), "vv-grammalecte-")), "grammalecte");
    writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(nice)} -n 10 ${JSON.stringify(executable)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    niced.set(executable, wrapper);
  }
  return wrapper;
}

export async function grammarEngine(): Promise<GrammarEngine | null> {
  const executable = findGrammalecte();
  if (!executable) return null;
  return {
    async check(input, only) {
      const grammar = await runGrammalecte(
        only.map((i) => input.fr[i]),
        { indices: only, executable: politely(executable) },
      );
      return checkDocument(input, { grammar }, engineOptions("grammalecte", only));
    },
  };
}
