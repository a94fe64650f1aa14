/// Numbers and amounts in French and English text, read as values so that the two renderings
/// can be compared whatever their formats: "200 000" = "200,000", "3,5 %" = "3.5%",
/// "100 millions de dollars" = "$100 million", "1,5 milliard" = "1.5 billion".

/// A number found in a text.
export interface NumberMention {
  /// UTF-16 span of the whole mention (digits and scale word).
  start: number;
  end: number;
  /// As written.
  text: string;
  /// The values it may stand for (more than one when its separators are ambiguous).
  values: number[];
}

const SCALE_EN: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  bn: 1e9,
  m: 1e6,
  k: 1e3,
};
const SCALE_FR: Record<string, number> = {
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e12,
  billions: 1e12,
  "mds": 1e9,
  "md": 1e9,
};

const WORDS_EN: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};
const WORDS_FR: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100, douzaine: 12,
};

const wordsPattern = (words: Record<string, number>) =>
  new RegExp(`(?<![\\p{L}])(?:${Object.keys(words).join("|")})(?![\\p{L}])`, "giu");
const NUMBER_WORD_FR = wordsPattern(WORDS_FR);
const NUMBER_WORD_EN = wordsPattern(WORDS_EN);

const SPACE_CLASS = "[ \\u00a0\\u202f\\u2009]";
/// Digits with separators; not glued to letters (codes like A100, V3 are not numbers).
const NUMBER_FR = new RegExp(
  `(?<![\\p{L}\\p{N}\\-‐.,])\\d{1,3}(?:${SPACE_CLASS}\\d{3})+(?:,\\d+)?(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}\\-‐.,])\\d+(?:[.,]\\d+)*(?![\\p{L}\\p{N}]|[.,]\\d)`,
  "gu",
);
const NUMBER_EN = /(?<![\p{L}\p{N}\-‐.,])\d+(?:[.,]\d+)*(?:(?![\p{L}\p{N}]|[.,]\d)|(?=(?:bn|tn|m|k|st|nd|rd|th)(?![\p{L}\p{N}])))/gu;

const ROUND = (x: number) => Math.round(x * 1e6) / 1e6;

function frValues(raw: string): number[] {
  const s = raw.replace(/[ \u00a0\u202f\u2009]/gu, "");
  const out = new Set<number>();
  // French: comma decimal; a dot before exactly three digits groups thousands ("1.000"), else
  // it is an English-style decimal left by the machine ("3.5").
  if (/^\d+(?:\.\d{3})+(?:,\d+)?$/.test(s)) out.add(Number(s.replace(/\./g, "").replace(",", ".")));
  if (/^\d+(?:,\d+)?$/.test(s)) out.add(Number(s.replace(",", ".")));
  if (/^\d+\.\d+$/.test(s)) out.add(Number(s));
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) out.add(Number(s.replace(/,/g, "")));
  return [...out].filter(Number.isFinite);
}

function enValues(raw: string): number[] {
  const out = new Set<number>();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) out.add(Number(raw.replace(/,/g, "")));
  if (/^\d+(?:\.\d+)?$/.test(raw)) out.add(Number(raw));
  if (/^\d+,\d{1,2}$/.test(raw)) out.add(Number(raw.replace(",", ".")));
  return [...out].filter(Number.isFinite);
}

/// The number mentions of a text in `lang`, with scale words folded in ("100 millions" → 1e8).
export function numbersIn(text: string, lang: "fr" | "en"): NumberMention[] {
  const out: NumberMention[] = [];
  const re = lang === "fr" ? NUMBER_FR : NUMBER_EN;
  const scales = lang === "fr" ? SCALE_FR : SCALE_EN;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const values = lang === "fr" ? frValues(m[0]) : enValues(m[0]);
    if (values.length === 0) continue;
    let end = m.index + m[0].length;
    const after = /^[ \u00a0\u202f]?([\p{L}]+)\b/u.exec(text.slice(end, end + 14));
    let scaled = values;
    if (after) {
      const scale = scales[after[1]!.toLowerCase()];
      if (scale !== undefined && (after[1]!.length > 2 || after[1] === after[1]!.toLowerCase())) {
        scaled = values.map((v) => ROUND(v * scale));
        end += after[0].length;
      }
    }
    out.push({ start: m.index, end, text: text.slice(m.index, end), values: [...new Set([...scaled])] });
  }
  const words = lang === "fr" ? WORDS_FR : WORDS_EN;
  for (const m of text.matchAll(lang === "fr" ? NUMBER_WORD_FR : NUMBER_WORD_EN)) {
    const v = words[m[0].toLowerCase()];
    if (v === undefined) continue;
    // "pour cent" is a percent sign, not a hundred.
    if (lang === "fr" && v === 100 && /pour[ \u00a0]$/iu.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], values: [v] });
  }
  // The second number of a score or a range ("6-3", "2019–2020"), which the patterns above skip
  // as glued to a hyphen.
  for (const m of text.matchAll(/(?<=\d[-–‐])\d+(?![\p{L}\p{N}])/gu)) {
    if (out.some((n) => n.start === m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], values: [Number(m[0])] });
  }
  // French centuries and ordinals in Roman numerals ("XXIe siècle" is the 21st century).
  if (lang === "fr") {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])([IVXLC]+)(?:e|er|ème)(?![\p{L}\p{N}])/gu)) {
      const v = romanValue(m[1]!);
      if (v !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], values: [v] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function romanValue(s: string): number | undefined {
  const digit: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = digit[s[i]!]!;
    const next = digit[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 400 ? total : undefined;
}

/// A value written the French way: "200 000" (narrow no-break spaces), "3,5".
export function formatFrench(value: number): string {
  const [int, dec] = String(value).split(".");
  const grouped = int!.length > 4 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f") : int!;
  return dec ? `${grouped},${dec}` : grouped;
}

/// Whether two mentions may denote the same value.
export function sameValue(a: NumberMention, b: NumberMention): boolean {
  return a.values.some((x) => b.values.some((y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x))));
}
