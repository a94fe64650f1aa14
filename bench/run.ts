/// `npm run bench [-- MODULE…]`: runs every `bench/*.bench.ts` module (or the ones named) (each exports `run(): Promise<BenchResult[]>`),
/// prints the figures, and rewrites bench/RESULTS.md with them, the date, the machine and
/// whether each figure meets its target. Exits with status 1 if any target is missed.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

function markdown(all: ModuleResults[], date: Date): string {
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
  return out.join('\n');
}

/// The module sections of an earlier RESULTS.md that this run did not redo, marked as such.
function earlierSections(previous: string, redone: readonly string[]): string {
  const sections = previous.split(/^(?=## )/mu).slice(1);
  const kept = sections.filter((sec) => {
    const name = /^## (.+)$/mu.exec(sec)?.[1]?.trim() ?? '';
    return name !== 'Machine' && !redone.includes(name);
  });
  return kept.map((sec) => sec.replace(/^(## .+\n)/u, '$1\n(Figures of an earlier run: this run redid only ' + redone.join(', ') + '.)\n')).join('');
}

async function main(): Promise<void> {
  // `npm run bench -- checks glossary`: only those modules; the others keep their last figures.
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark module named ${only.join(', ')}`);
  const all: ModuleResults[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<BenchResult[]>; report?: string };
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
  const file = path.join(here, 'RESULTS.md');
  let text = markdown(all, new Date());
  if (only.length > 0) text += earlierSections(existsSync(file) ? readFileSync(file, 'utf8') : '', all.map((m) => m.module));
  writeFileSync(file, text);
  if (all.some((m) => m.results.some(failed))) process.exitCode = 1;
}

await main();
