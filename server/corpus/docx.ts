/// Word documents (.docx) to paragraphs, through mammoth, after making sure the file is a sound
/// ZIP archive that cannot blow up when inflated: every entry's sizes are read from the central
/// directory and checked (total, ratio), and every entry is then inflated with a hard cap on its
/// output, so a file that lies about its sizes is refused too.
import "server-only";
import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { DocumentError } from "../../lib/corpus/document";
import { htmlBlocks } from "../../lib/formats/html";

/// The most a .docx may hold once inflated (all entries together).
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;
/// The largest inflated/compressed ratio of one entry (Word's XML compresses about 10:1).
export const MAX_DOCX_RATIO = 200;
const MAX_ENTRIES = 5000;

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

const broken = (file: string, reason: string) => new DocumentError("brokenFile", { file, reason }, `${file} is not a readable .docx file (${reason})`);
const unsafe = (file: string, reason: string) => new DocumentError("unsafeFile", { file, reason }, `${file} is refused: ${reason}`);

/// Reads the ZIP central directory and checks every declared size. Throws DocumentError.
export function zipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken(file, "no ZIP directory");
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw unsafe(file, "ZIP64 archives are not accepted");
  if (count > MAX_ENTRIES) throw unsafe(file, `${count} entries`);
  if (offset + size > end) throw broken(file, "ZIP directory out of bounds");
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw broken(file, "damaged ZIP directory");
    const flags = view.getUint16(at + 8, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      inflated: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))),
    };
    if (flags & 1) throw unsafe(file, "encrypted entries");
    if (entry.inflated === 0xffffffff || entry.compressed === 0xffffffff) throw unsafe(file, "ZIP64 entries are not accepted");
    if (entry.method !== 0 && entry.method !== 8) throw broken(file, `unknown compression method ${entry.method}`);
    if (entry.inflated > MAX_DOCX_RATIO * Math.max(entry.compressed, 1024)) throw unsafe(file, `${entry.name} inflates ${Math.round(entry.inflated / Math.max(entry.compressed, 1))} times (a ZIP bomb?)`);
    total += entry.inflated;
    if (total > MAX_DOCX_INFLATED_BYTES) throw unsafe(file, `it inflates to more than ${MAX_DOCX_INFLATED_BYTES / 1048576} MB (a ZIP bomb?)`);
    entries.push(entry);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/// Inflates every entry with its output capped at the declared size: a lying size is refused.
function checkInflation(bytes: Uint8Array, entries: ZipEntry[], file: string) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw broken(file, `damaged entry ${e.name}`);
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.compressed > bytes.length) throw broken(file, `truncated entry ${e.name}`);
    const data = bytes.subarray(start, start + e.compressed);
    let inflated: number;
    if (e.method === 0) inflated = data.length;
    else {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(e.inflated, 1) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw unsafe(file, `${e.name} inflates beyond its declared size (a ZIP bomb?)`);
        throw broken(file, `damaged entry ${e.name}`);
      }
    }
    if (inflated !== e.inflated) throw unsafe(file, `${e.name} does not inflate to its declared size`);
  }
}

/// The paragraphs of a .docx file (headings, paragraphs, list items, table rows), or a
/// DocumentError for a file that is not a sound Word document.
export async function docxParagraphs(bytes: Uint8Array, file: string): Promise<string[]> {
  const entries = zipEntries(bytes, file);
  if (!entries.some((e) => e.name === "word/document.xml")) throw broken(file, "no word/document.xml");
  checkInflation(bytes, entries, file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    throw broken(file, (e as Error).message.split("\n")[0].slice(0, 200));
  }
  return htmlBlocks(html);
}
