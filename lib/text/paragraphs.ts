/// Paragraphs as Vis-à-vis counts them: one per non-empty line, NFC-normalised.
///
/// Every offset the product stores or prints (suggestions, term matches, flags) is a UTF-16
/// code-unit index into a paragraph as returned here, so every reader of text must go through
/// `splitParagraphs`.

/// Unicode NFC, the one normal form in which text is stored and offsets are counted.
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/// Splits text into paragraphs: one per line (LF, CRLF or CR), lines that are empty or only
/// white space are skipped, surrounding white space is trimmed and the result is NFC.
/// Paragraph indices count these non-empty lines from 0; the title is paragraph 0.
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const p = nfc(line.trim());
    if (p !== "") out.push(p);
  }
  return out;
}

/// Writes paragraphs back as a file's text: one per line, with a final newline.
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.length === 0 ? "" : paragraphs.join("\n") + "\n";
}

/// Counts words as MQM scoring does: runs of letters or digits, hyphenated compounds counting
/// once ("semi-conducteur" is one word) and elisions twice ("l'écart" is two).
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
