/// Term bases as files: glossary/*.tbx, read and checked before anything is stored.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { MAX_TBX_BYTES, readTbx, TbxError } from "../../lib/formats/tbx";
import type { TermEntry } from "../../lib/glossary/model";
import { decodeUtf8 } from "../../lib/text/decode";

/// The TBX files of a glossary folder, sorted by name.
export function listTermBases(dir: string): string[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.toLowerCase().endsWith(".tbx"))
    .sort()
    .map((f) => path.join(/*turbopackIgnore: true*/ dir, f));
}

/// Reads one TBX file; throws TbxError (size, UTF-8, XML or TBX problems) with the file's name.
export function readTermBase(file: string): TermEntry[] {
  const name = path.basename(file);
  const size = fs.statSync(/*turbopackIgnore: true*/ file).size;
  if (size > MAX_TBX_BYTES) throw new TbxError(`${name} is ${(size / 1048576).toFixed(1)} MB; the limit is 10 MB`);
  try {
    return readTbx(decodeUtf8(fs.readFileSync(/*turbopackIgnore: true*/ file), name));
  } catch (e) {
    throw new TbxError(`${name}: ${(e as Error).message}`);
  }
}
