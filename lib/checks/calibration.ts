/// Constants measured on the corpus, not guessed. `npm run -s cli -- …` never changes them:
/// bench/calibrate-length.ts recomputes them from corpus/ and says if they drift.

/// The length of a French paragraph against its English (characters, NFC):
/// log(fr/en) has mean `meanLog` and standard deviation `sigma` on paragraphs of about
/// `referenceChars` characters of English; the spread scales with 1/√length. A paragraph is
/// flagged beyond `k` spreads (never less than `minSpread`); paragraphs under `minChars` are
/// too short to judge.
export const LENGTH_RATIO = {
  meanLog: 0.15,
  sigma: 0.1,
  referenceChars: 600,
  k: 4,
  minSpread: 0.35,
  minChars: 40,
} as const;
