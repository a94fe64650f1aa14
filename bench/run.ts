/// `npm run bench`: runs every `bench/*.bench.ts` module (each exports `run(): Promise<BenchResult[]>`),
/// prints the figures, and rewrites bench/RESULTS.md with them, the date, the machine and
/// whether each figure meets its target. Exits with status 1 if any target is missed.
/// `npm run bench -- NAME…` runs only the named modules (a module that exports `explicit = true`,
/// such as the long `load` run, runs only when named) and keeps the other modules' sections of
/// RESULTS.md as they were.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));

interface ModuleResults {
  module: string;
  results: BenchResult[];
  /// Markdown the module adds under its table (its `report` export, read after `run()`).
  report?: string;
}

function verdict(r: BenchResult): string {
  if (!Number.isFinite(r.value)) return r.target === undefined ? 'no figure' : 'FAIL (no figure)';
  return r.ok === undefined ? '' : r.ok ? 'pass' : 'FAIL';
}

/// A result that misses its target, or has a target but no figure.
function failed(r: BenchResult): boolean {
  return r.ok === false || (r.target !== undefined && !Number.isFinite(r.value));
}

function target(r: BenchResult): string {
  return r.target === undefined ? '' : `< ${r.target} ${r.unit}`;
}

function printTable(all: ModuleResults[]): void {
  const rows = all.flatMap(({ module, results }) =>
    results.map((r) => [module, r.name, `${r.value} ${r.unit}`, target(r), verdict(r)]),
  );
  const head = ['module', 'benchmark', 'value', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(fmt(row));
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} (${cpus.length} cores)`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node: ${process.version}`,
    `- Load average when the run ended (1, 5, 15 min): ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`,
  ];
}

/// The sections of an earlier RESULTS.md, by module name.
function earlierSections(): Map<string, string> {
  const sections = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(path.join(here, 'RESULTS.md'), 'utf8');
  } catch {
    return sections;
  }
  const parts = text.split(/^## /m).slice(1);
  for (const part of parts) {
    const name = part.slice(0, part.indexOf('\n')).trim();
    const body = part.replace(/^\(.*: figures from an earlier run, kept as they were\.\)$/m, '').trimEnd();
    if (name !== 'Machine') sections.set(name, '## ' + body + '\n');
  }
  return sections;
}

function markdown(all: ModuleResults[], date: Date, kept: Map<string, string> = new Map()): string {
  const results = all.flatMap((m) => m.results);
  const misses = results.filter(failed).length;
  const missing = results.filter((r) => !Number.isFinite(r.value)).length;
  const out: string[] = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${date.toISOString()}. ${misses === 0 ? 'All targets met.' : `${misses} target(s) missed.`}${missing > 0 ? ` ${missing} figure(s) could not be measured.` : ''}`,
    '',
    '## Machine',
    '',
    ...machine(),
    '',
  ];
  for (const { module, results, report } of all) {
    out.push(`## ${module}`, '', '| Benchmark | Value | Target | Result |', '|---|---:|---|---|');
    for (const r of results) out.push(`| ${r.name} | ${r.value} ${r.unit} | ${target(r)} | ${verdict(r)} |`);
    const notes = results.filter((r) => r.note);
    if (notes.length > 0) {
      out.push('', 'Notes:', '');
      for (const r of notes) out.push(`- ${r.name}: ${r.note}`);
    }
    if (report) out.push('', report);
    out.push('');
  }
  for (const [name, section] of kept) {
    if (!all.some((m) => m.module === name)) out.push(section.replace(/\n$/, ''), '', `(${name}: figures from an earlier run, kept as they were.)`, '');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => named.length === 0 || named.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  const all: ModuleResults[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<BenchResult[]>; report?: string; explicit?: boolean };
    if (mod.explicit && named.length === 0) continue;
    if (typeof mod.run !== 'function') {
      console.error(`${file} does not export run(); skipped.`);
      continue;
    }
    const module = file.replace(/\.bench\.ts$/, '');
    console.error(`running ${module}…`);
    try {
      const results = await mod.run();
      all.push({ module, results, ...(mod.report ? { report: mod.report } : {}) });
    } catch (err) {
      // One broken benchmark must not hide the others' figures.
      const reason = err instanceof Error ? err.message : String(err);
      console.error(`${module} failed: ${reason}`);
      all.push({ module, results: [{ name: 'run', value: Number.NaN, unit: '', target: 0, note: `threw: ${reason}` }] });
    }
  }
  printTable(all);
  const ran = new Set(all.map((m) => m.module));
  const kept = new Map([...earlierSections()].filter(([name]) => !ran.has(name)));
  writeFileSync(path.join(here, 'RESULTS.md'), markdown(all, new Date(), kept));
  if (all.some((m) => m.results.some(failed))) process.exitCode = 1;
}

await main();
