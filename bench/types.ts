/// What a benchmark module reports: `bench/*.bench.ts` export `run(): Promise<BenchResult[]>`,
/// and `bench/run.ts` prints the results and writes them to bench/RESULTS.md.

/// One measured figure.
export interface BenchResult {
  /// What was measured, in a few words ("match 1 MB of French").
  name: string;
  /// The figure.
  value: number;
  /// Its unit ("ms", "MB", "ms/MB", "×").
  unit: string;
  /// The upper bound the figure must stay under, in the same unit (lower is better).
  target?: number;
  /// Whether the figure meets `target` (absent when there is no target).
  ok?: boolean;
  /// How it was measured, when that needs saying.
  note?: string;
}

/// A result checked against an upper bound.
export function underTarget(name: string, value: number, unit: string, target: number, note?: string): BenchResult {
  return { name, value, unit, target, ok: value < target, ...(note ? { note } : {}) };
}
