/// Constants measured on the corpus, not guessed: `lengthRatioCalibration` computes them from
/// aligned paragraphs, and tests/lib/checks/calibration.test.ts fails when the constants below no
/// longer match what it gives on corpus/.

/// How long a French paragraph is against its English (characters, NFC). On the corpus,
/// log(fr/en) has mean `meanLog`; its deviations shrink with length like 1/√length, with standard
/// deviation `sigma` at `referenceChars` characters of English. A paragraph is flagged beyond `k`
/// such deviations: under a normal law, fewer than one paragraph in a million as faithful as the
/// corpus would be; machine translations of other texts vary more, hence the margin. Paragraphs
/// whose two sides are both under `minChars` are too short to judge.
export const LENGTH_RATIO = {
  meanLog: 0.14,
  sigma: 0.036,
  referenceChars: 600,
  k: 5,
  minChars: 40,
} as const;

/// Mean of log(fr/en) and its standard deviation at `referenceChars`, over aligned pairs.
export function lengthRatioCalibration(
  pairs: ReadonlyArray<readonly [string, string]>,
  referenceChars: number = LENGTH_RATIO.referenceChars,
): { meanLog: number; sigma: number; pairs: number } {
  const usable = pairs.filter(([fr, en]) => fr.length >= LENGTH_RATIO.minChars && en.length >= LENGTH_RATIO.minChars);
  const logs = usable.map(([fr, en]) => Math.log(fr.length / en.length));
  const meanLog = logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length);
  const scaled = usable.map(([, en], i) => (logs[i]! - meanLog) * Math.sqrt(en.length / referenceChars));
  const sigma = Math.sqrt(scaled.reduce((a, b) => a + b * b, 0) / Math.max(1, scaled.length - 1));
  return { meanLog, sigma, pairs: usable.length };
}
