/// The Grammalecte runner: `grammalecte-cli -f FILE -j`, once per batch of paragraphs (one
/// paragraph per line of a temporary file), its code-point offsets turned into UTF-16 offsets of
/// the NFC paragraphs, and only the error families the grammar rules report kept. When
/// Grammalecte is not installed, `findGrammalecte` returns undefined and `runGrammalecte` throws
/// `GrammalecteMissing`: the grammar rules are then off, and the interface says so.
import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { grammarFamily } from "../../lib/checks/rules/grammar";
import type { GrammarError } from "../../lib/checks/types";
import { nfc } from "../../lib/text/paragraphs";
import { findExecutable, runProcess } from "./process";

/// Thrown when Grammalecte is asked for but not installed.
export class GrammalecteMissing extends Error {
  constructor() {
    super("grammalecte-cli is not installed (Debian: grammalecte-cli): grammar checks are off");
  }
}

/// The path of grammalecte-cli ($GRAMMALECTE, else on the PATH), or undefined.
export function findGrammalecte(env: Record<string, string | undefined> = process.env): string | undefined {
  return findExecutable(env.GRAMMALECTE ?? "grammalecte-cli", env);
}

interface RawError {
  nStart: number;
  nEnd: number;
  sRuleId: string;
  sType: string;
  sMessage: string;
  aSuggestions?: string[];
}

/// UTF-16 offset of code point `n` in `text`.
export function codePointToUtf16(text: string, n: number): number {
  let units = 0;
  let points = 0;
  while (points < n && units < text.length) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points++;
  }
  return units;
}

/// Turns Grammalecte's JSON for a file of `paragraphs` (one per line) into grammar errors.
/// `indices` maps the file's lines to the caller's paragraph numbers (default: the same).
export function parseGrammalecteJson(json: string, paragraphs: readonly string[], indices?: readonly number[]): GrammarError[] {
  const data = JSON.parse(json) as { data?: Array<{ iParagraph: number; lGrammarErrors?: RawError[] }> };
  const out: GrammarError[] = [];
  for (const p of data.data ?? []) {
    const line = p.iParagraph - 1;
    const text = paragraphs[line];
    if (text === undefined) continue;
    for (const e of p.lGrammarErrors ?? []) {
      if (grammarFamily(e.sType) === undefined) continue;
      const start = codePointToUtf16(text, e.nStart);
      const end = codePointToUtf16(text, e.nEnd);
      if (!(start < end && end <= text.length)) continue;
      out.push({
        paragraph: indices?.[line] ?? line,
        start,
        end,
        ruleId: e.sRuleId,
        type: e.sType,
        message: e.sMessage,
        suggestions: (e.aSuggestions ?? []).slice(0, 5),
      });
    }
  }
  return out.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

/// Runs Grammalecte once over `paragraphs` (NFC-normalised here); `indices` numbers them as the
/// caller does (default 0, 1, 2…). Errors of the families the rules never report are dropped.
export async function runGrammalecte(
  paragraphs: readonly string[],
  options: { indices?: readonly number[]; timeoutMs?: number; executable?: string } = {},
): Promise<GrammarError[]> {
  const executable = options.executable ?? findGrammalecte();
  if (!executable) throw new GrammalecteMissing();
  const texts = paragraphs.map((p) => nfc(p).replace(/[\r\n\u2028\u2029]+/gu, " "));
  if (texts.length === 0) return [];
  const dir = await mkdtemp(path.join(os.tmpdir(), "grammalecte-"));
  try {
    const file = path.join(dir, "paragraphs.txt");
    await writeFile(file, texts.join("\n") + "\n", "utf8");
    const json = await runProcess(executable, ["-f", file, "-j", "-owe"], "", options.timeoutMs ?? 10 * 60_000);
    return parseGrammalecteJson(json, texts, options.indices);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
