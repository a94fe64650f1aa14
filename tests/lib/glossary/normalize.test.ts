import { describe, expect, it } from 'vitest';
import { buildTermIndex, matchTerms } from '../../../lib/glossary/match';
import type { TermEntry } from '../../../lib/glossary/model';
import { isConnector, plural, singular, stripAccents, wordKeys } from '../../../lib/glossary/normalize';
import { scanWords, tokenize } from '../../../lib/glossary/tokenize';

describe('tokenize', () => {
  const words = (text: string, lang: 'fr' | 'en') => tokenize(text, lang).map((t) => [t.text, t.gap, t.start, t.end]);

  it('splits French elisions off as tokens of their own, for every elided word', () => {
    expect(words("l'IA, d’exportation, qu'il, jusqu'à, lorsqu’on, aujourd'hui", 'fr')).toEqual([
      ["l'", 'break', 0, 2],
      ['IA', 'elision', 2, 4],
      ['d’', 'break', 6, 8],
      ['exportation', 'elision', 8, 19],
      ["qu'", 'break', 21, 24],
      ['il', 'elision', 24, 26],
      ["jusqu'", 'break', 28, 34],
      ['à', 'elision', 34, 35],
      ['lorsqu’', 'break', 37, 44],
      ['on', 'elision', 44, 46],
      ["aujourd'hui", 'break', 48, 59],
    ]);
  });

  it("drops the English possessive 's and keeps other apostrophes inside the word", () => {
    expect(words("China’s chips don't", 'en')).toEqual([
      ['China', 'break', 0, 5],
      ['chips', 'break', 8, 13],
      ["don't", 'space', 14, 19],
    ]);
  });

  it('records hyphens, spaces (no-break ones too) and punctuation between words', () => {
    const got = tokenize('semi-conducteurs\u00a0;\u202favancés R&D', 'fr');
    expect(got.map((t) => [t.text, t.gap, t.sep])).toEqual([
      ['semi', 'break', ''],
      ['conducteurs', 'hyphen', ''],
      ['avancés', 'break', ';'],
      ['R', 'space', ''],
      ['D', 'break', '&'],
    ]);
  });

  it('counts offsets in UTF-16 code units, letters outside the BMP included', () => {
    const text = '🙂 𝐀bc puce';
    expect(tokenize(text, 'fr').map((t) => [t.text, t.start, t.end])).toEqual([
      ['𝐀bc', 3, 7],
      ['puce', 8, 12],
    ]);
  });

  it('gives the same tokens as parallel arrays with scanWords', () => {
    const text = "Les contrôles d'exportation, semi-conducteurs.";
    const scan = scanWords(text, 'fr');
    const tokens = tokenize(text, 'fr');
    expect(scan.count).toBe(tokens.length);
    tokens.forEach((t, i) => {
      expect([scan.starts[i], scan.ends[i]]).toEqual([t.start, t.end]);
    });
  });
});

describe('normalize', () => {
  it('folds French plurals: -s, -x, -aux → -al, -eaux → -eau, keeping case', () => {
    expect(['contrôles', 'jeux', 'signaux', 'réseaux', 'CONTRÔLES', 'GPUs', 'IA', 'un'].map((w) => singular(w, 'fr'))).toEqual([
      'contrôle',
      'jeu',
      'signal',
      'réseau',
      'CONTRÔLE',
      'GPU',
      'IA',
      'un',
    ]);
  });

  it('folds English plurals: -ies, -sses/-xes/-ches/-shes, -s, but not -ss/-us/-is', () => {
    expect(['policies', 'processes', 'taxes', 'approaches', 'chips', 'process', 'status', 'analysis', 'LLMs'].map((w) => singular(w, 'en'))).toEqual([
      'policy',
      'process',
      'tax',
      'approach',
      'chip',
      'process',
      'status',
      'analysis',
      'LLM',
    ]);
  });

  it('folds -aux to -al only in words of five letters or more: taux and faux are not taal or faal', () => {
    expect(['canaux', 'signaux', 'taux', 'faux', 'TAUX'].map((w) => singular(w, 'fr'))).toEqual(['canal', 'signal', 'tau', 'fau', 'TAU']);
  });

  it('makes French plurals in -x after -eu and -au, as jeu → jeux, and folds them back', () => {
    expect(['jeu', 'enjeu', 'tuyau', 'JEU'].map((w) => plural(w, 'fr'))).toEqual(['jeux', 'enjeux', 'tuyaux', 'JEUX']);
    for (const w of ['jeu', 'enjeu', 'réseau', 'signal', 'puce']) expect(singular(plural(w, 'fr'), 'fr'), w).toBe(w);
  });

  it('makes plurals by the inverse rules', () => {
    expect(['puce', 'signal', 'réseau', 'prix', 'PUCE'].map((w) => plural(w, 'fr'))).toEqual(['puces', 'signaux', 'réseaux', 'prix', 'PUCES']);
    expect(['policy', 'tax', 'chip', 'day'].map((w) => plural(w, 'en'))).toEqual(['policies', 'taxes', 'chips', 'days']);
  });

  it('removes accents and spells out ligatures in the loose key', () => {
    expect(stripAccents('entraînement écosystème')).toBe('entrainement ecosysteme');
    expect(wordKeys('Œuvres', 'fr')).toMatchObject({ folded: 'Œuvre', lower: 'oeuvre', loose: 'oeuvre', plural: true, hasUpper: true, allCaps: false });
    expect(wordKeys('DEEPSEEK', 'en').allCaps).toBe(true);
  });

  it('knows the connectors of each language, whatever their case or apostrophe', () => {
    expect(['de', 'D’', 'Des', 'à', 'aux', 'pour'].every((w) => isConnector(w, 'fr'))).toBe(true);
    expect(['sur', 'et', 'of'].some((w) => isConnector(w, 'fr'))).toBe(false);
    expect(['of', 'The', 'for'].every((w) => isConnector(w, 'en'))).toBe(true);
  });
});

describe('the term index at size', () => {
  /// A number written in letters ("ab", "qc"), so that words can take a plural -s.
  const letters = (i: number): string => {
    let out = '';
    do {
      out = String.fromCharCode(97 + (i % 26)) + out;
      i = Math.floor(i / 26);
    } while (i > 0);
    return out;
  };

  it('keeps finding terms once its tables have grown (thousands of entries and words)', () => {
    const entries: TermEntry[] = Array.from({ length: 6000 }, (_, i) => ({
      id: `e${i}`,
      langs: {
        fr: { notes: [], terms: [{ text: `terme${letters(i)} de mesure${letters(i % 997)}`, status: 'preferred' }] },
        en: { notes: [], terms: [{ text: `term${letters(i)}`, status: 'preferred' }] },
      },
    }));
    const index = buildTermIndex(entries);
    const a = letters(5999);
    const b = letters(5999 % 997);
    const c = letters(42);
    const text = `Les terme${a}s des mesure${b}s et le terme${c} de mesure${c}, terme${letters(7)} seul.`;
    expect(matchTerms(index, text, 'fr').map((m) => [text.slice(m.start, m.end), m.entry])).toEqual([
      [`terme${a}s des mesure${b}s`, 'e5999'],
      [`terme${c} de mesure${c}`, 'e42'],
    ]);
    const en = `term${letters(1)} term${letters(5997)} term${letters(3000)}s`;
    expect(matchTerms(index, en, 'en').map((m) => m.entry)).toEqual(['e1', 'e5997', 'e3000']);
  });
});
