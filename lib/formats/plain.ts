/// Plain text as people really have it: either one paragraph per line, or paragraphs separated
/// by blank lines with their lines wrapped. Which one a text uses is detected, not asked.
import { nfc } from "../text/paragraphs";

/// How a plain text marks its paragraphs.
export type PlainTextLayout = "lines" | "blocks";

const LINE_BREAK = /\r\n|\n|\r/;
/// Characters a paragraph (or a heading's last word) usually ends with.
const ENDS_SENTENCE = /[.!?:;…»"”'’)\]]$/u;

/// Detects the layout: a text is in blocks when blank lines separate runs of several lines and
/// most of those lines stop mid-sentence (hard-wrapped prose); otherwise each line is a paragraph.
export function detectPlainLayout(text: string): PlainTextLayout {
  const blocks = splitBlocks(text);
  let wrapped = 0;
  let inner = 0;
  for (const block of blocks) {
    for (let i = 0; i < block.length - 1; i++) {
      inner++;
      if (!ENDS_SENTENCE.test(block[i])) wrapped++;
    }
  }
  return blocks.length > 1 && inner > 0 && wrapped * 2 > inner ? "blocks" : "lines";
}

/// The paragraphs of a plain text, NFC, trimmed, with white space runs inside a wrapped
/// paragraph joined by single spaces.
export function plainTextParagraphs(text: string, layout: PlainTextLayout = detectPlainLayout(text)): string[] {
  if (layout === "lines") return splitBlocks(text).flat();
  return splitBlocks(text).map((block) => block.join(" "));
}

/// Runs of non-blank lines, each line trimmed and NFC.
function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = nfc(raw.replace(/\s+/gu, " ").trim());
    if (line === "") {
      if (block.length) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length) blocks.push(block);
  return blocks;
}
