import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTbx } from '../../../lib/formats/tbx';
import { checkGlossaryConsistency, recommendedTerm, type GlossaryFlag } from '../../../lib/glossary/consistency';
import { buildTermIndex } from '../../../lib/glossary/match';
import type { Lang, TermEntry } from '../../../lib/glossary/model';
import { splitParagraphs } from '../../../lib/text/paragraphs';

const glossary = readTbx(readFileSync(new URL('../../../glossary/technology-policy.tbx', import.meta.url), 'utf8'));
const index = buildTermIndex(glossary);
const seed = (lang: Lang): string[] =>
  splitParagraphs(readFileSync(new URL(`../../../corpus/deepseek-containment/${lang}.txt`, import.meta.url), 'utf8'));
const fr = seed('fr');
const en = seed('en');

/// The flags, each as [lang, rule, flagged text, replacement].
function brief(flags: GlossaryFlag[], frText: string, enText = ''): [Lang, string, string, string | undefined][] {
  return flags.map((f) => [f.lang, f.rule.replace('glossary/', ''), (f.lang === 'fr' ? frText : enText).slice(f.start, f.end), f.replacement]);
}

describe('checkGlossaryConsistency: deprecated terms', () => {
  it('flags a deprecated proper name at the start of the title, with the preferred spelling', () => {
    const flags = checkGlossaryConsistency(index, fr[0]!, en[0]!, { paragraph: 0 });
    expect(flags).toEqual([
      {
        paragraph: 0,
        lang: 'fr',
        start: 0,
        end: 8,
        rule: 'glossary/deprecated-term',
        category: 'terminology',
        severity: 'major',
        message: 'Deprecated term “Deepseek” (deepseek): use “DeepSeek”.',
        params: { term: 'Deepseek', found: 'Deepseek', entry: 'deepseek', replacement: 'DeepSeek' },
        replacement: 'DeepSeek',
        entry: 'deepseek',
      },
    ]);
  });

  it('suggests replacements in the number of the words replaced (seed paragraph 5)', () => {
    const flags = checkGlossaryConsistency(index, fr[5]!, en[5]!, { paragraph: 5 }).filter((f) => f.rule === 'glossary/deprecated-term');
    expect(brief(flags, fr[5]!)).toEqual([
      ['fr', 'deprecated-term', 'Deepseek', 'DeepSeek'],
      ['fr', 'deprecated-term', 'Deepseek', 'DeepSeek'],
      ['fr', 'deprecated-term', 'jetons', 'puces'],
      ['fr', 'deprecated-term', 'Xai', 'xAI'],
      ['fr', 'deprecated-term', 'formation', 'entraînement'],
      ['fr', 'deprecated-term', 'modèle de langue en grande langue', 'grand modèle de langage'],
    ]);
    expect(flags.every((f) => f.severity === 'major' && f.category === 'terminology' && f.paragraph === 5)).toBe(true);
  });

  it('keeps a sentence-initial capital and suggests an abbreviation for an abbreviation', () => {
    const text = 'Jetons et puces AI. L’AI progresse.';
    expect(brief(checkGlossaryConsistency(index, text, undefined), text)).toEqual([
      ['fr', 'deprecated-term', 'Jetons', 'Puces'],
      ['fr', 'deprecated-term', 'puces AI', "puces d'IA"],
      ['fr', 'deprecated-term', 'AI', 'IA'],
    ]);
  });

  it('names the term and entry in the message and gives the values as params', () => {
    const [flag] = checkGlossaryConsistency(index, 'de jetons', undefined);
    expect(flag!.message).toBe('Deprecated term “jeton” (chip): use “puces”.');
    expect(flag!.params).toEqual({ term: 'jeton', found: 'jetons', entry: 'chip', replacement: 'puces' });
  });

  it('has no replacement when the entry recommends nothing in that language', () => {
    const only: TermEntry[] = [{ id: 'gadget', langs: { fr: { notes: [], terms: [{ text: 'bidule', status: 'deprecated' }] } } }];
    const [flag] = checkGlossaryConsistency(buildTermIndex(only), 'un bidule', undefined);
    expect(flag).toMatchObject({ rule: 'glossary/deprecated-term', start: 3, end: 9, entry: 'gadget' });
    expect(flag).not.toHaveProperty('replacement');
    expect(flag!.message).toBe('Deprecated term “bidule” (gadget); the glossary has no French term to use instead.');
  });
});

describe('checkGlossaryConsistency: admitted variants', () => {
  it('flags an admitted variant as minor, suggesting the preferred term in the same number', () => {
    const text = 'le contrôle des exportations et des contrôles à l’exportation';
    const flags = checkGlossaryConsistency(index, text, undefined);
    expect(brief(flags, text)).toEqual([
      ['fr', 'admitted-variant', 'contrôle des exportations', "contrôle d'exportation"],
      ['fr', 'admitted-variant', 'contrôles à l’exportation', "contrôles d'exportation"],
    ]);
    expect(flags[0]).toMatchObject({
      severity: 'minor',
      message: '“contrôles des exportations” is an admitted variant (export-controls); the preferred term is “contrôles d\'exportation”.',
      params: { term: 'contrôles des exportations', preferred: "contrôles d'exportation", entry: 'export-controls' },
    });
  });

  it('does not flag abbreviations or short forms as variants of a full form', () => {
    const text = "L'IA, les GPU et les LLM ; l'équipement de fabrication.";
    expect(checkGlossaryConsistency(index, text, undefined)).toEqual([]);
  });

  it('flags English admitted variants too (seed paragraph 3)', () => {
    const flags = checkGlossaryConsistency(index, fr[3]!, en[3]!, { paragraph: 3 }).filter(
      (f) => f.lang === 'en' && f.rule === 'glossary/admitted-variant',
    );
    expect(brief(flags, fr[3]!, en[3]!)).toEqual([
      ['en', 'admitted-variant', 'cutting-edge chips', 'advanced chips'],
      ['en', 'admitted-variant', 'Nvidia', 'NVIDIA'],
      ['en', 'admitted-variant', 'competitive edge', 'competitive advantage'],
    ]);
  });
});

describe('checkGlossaryConsistency: missing equivalents', () => {
  it('flags a French term whose entry has no term in the English paragraph, and the reverse', () => {
    const frText = "Les contrôles d'exportation sont stricts.";
    const enText = 'The rules on semiconductors are strict.';
    const flags = checkGlossaryConsistency(index, frText, enText, { paragraph: { fr: 4, en: 7 } });
    expect(flags).toEqual([
      expect.objectContaining({
        paragraph: 4,
        lang: 'fr',
        start: 4,
        end: 27,
        rule: 'glossary/missing-equivalent',
        severity: 'minor',
        entry: 'export-controls',
        message: '“contrôles d\'exportation” (export-controls) has no English equivalent in the aligned paragraph; expected “export controls”.',
        params: { term: "contrôles d'exportation", found: "contrôles d'exportation", entry: 'export-controls', otherLang: 'en', expected: 'export controls' },
      }),
      expect.objectContaining({ paragraph: 7, lang: 'en', rule: 'glossary/missing-equivalent', entry: 'semiconductor', params: expect.objectContaining({ expected: 'semi-conducteur' }) }),
    ]);
    expect(flags[0]).not.toHaveProperty('replacement');
  });

  it('accepts any term of the entry, in any status, as the equivalent', () => {
    expect(checkGlossaryConsistency(index, 'des jetons', 'microchips', {}).map((f) => [f.lang, f.rule])).toEqual([
      ['fr', 'glossary/deprecated-term'],
      ['en', 'glossary/admitted-variant'],
    ]);
  });

  it('counts a term found inside a longer term on the other side', () => {
    // "AI" sits inside "AI adoption": the French "IA" has its equivalent; "AI adoption" has none.
    const flags = checkGlossaryConsistency(index, "l'IA progresse", 'AI adoption progresses');
    expect(flags.map((f) => [f.lang, f.rule, f.entry])).toEqual([['en', 'glossary/missing-equivalent', 'ai-adoption']]);
  });

  it('counts an English term found inside a longer French term, the other direction', () => {
    // "IA" sits inside "adoption de l'IA": the English "AI" has its equivalent; the French
    // "adoption de l'IA" has none.
    const flags = checkGlossaryConsistency(index, "l'adoption de l'IA progresse", 'AI progresses');
    expect(flags.map((f) => [f.lang, f.rule, f.entry])).toEqual([['fr', 'glossary/missing-equivalent', 'ai-adoption']]);
  });

  it('reports a missing entry once per paragraph side, on its first occurrence', () => {
    const flags = checkGlossaryConsistency(index, 'Des puces, des puces, encore des puces.', 'Nothing here.');
    expect(flags.map((f) => [f.rule, f.start])).toEqual([['glossary/missing-equivalent', 4]]);
  });

  it('does not look for equivalents when there is no aligned English paragraph', () => {
    expect(checkGlossaryConsistency(index, "Les contrôles d'exportation.", undefined)).toEqual([]);
  });

  it('finds no missing equivalent in a faithfully rendered seed paragraph (paragraph 9)', () => {
    expect(checkGlossaryConsistency(index, fr[9]!, en[9]!).filter((f) => f.rule === 'glossary/missing-equivalent')).toEqual([]);
  });

  it('takes an English paraphrase that keeps the content words for the equivalent (seed paragraph 1)', () => {
    // "restrictions on the export of advanced semiconductors" carries "export restrictions".
    const flags = checkGlossaryConsistency(index, fr[1]!, en[1]!, { paragraph: 1 });
    expect(brief(flags, fr[1]!, en[1]!)).toEqual([
      ['fr', 'admitted-variant', "restrictions sur l'exportation", "restrictions à l'exportation"],
      ['fr', 'deprecated-term', 'puces AI', "puces d'IA"],
    ]);
  });

  it('flags a French term whose English equivalent is really missing', () => {
    const text = "Les restrictions sur l'exportation de puces.";
    const flags = checkGlossaryConsistency(index, text, 'Limits on selling chips abroad.');
    expect(brief(flags, text).filter(([, rule]) => rule === 'missing-equivalent')).toEqual([
      ['fr', 'missing-equivalent', "restrictions sur l'exportation", undefined],
    ]);
  });
});

describe('checkGlossaryConsistency over the whole seed document', () => {
  it('gives well-formed flags sorted French first, then by offset', () => {
    const perParagraph = fr.map((p, i) => checkGlossaryConsistency(index, p, en[i], { paragraph: i }));
    for (const flags of perParagraph) {
      const order = flags.map((f) => [f.lang === 'fr' ? 0 : 1, f.start] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(order).toEqual(sorted);
    }
    const all = perParagraph.flat();
    expect(all.length).toBeGreaterThan(30);
    for (const f of all) {
      const text = (f.lang === 'fr' ? fr : en)[f.paragraph!]!;
      expect(f.start).toBeLessThan(f.end);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.category).toBe('terminology');
      expect(f.message).toContain(f.entry);
      expect(f.message).toContain(f.params['term']!);
      if (f.replacement !== undefined) expect(f.message).toContain(f.params['preferred'] ?? f.params['replacement']!);
    }
    const deprecated = all.filter((f) => f.rule === 'glossary/deprecated-term');
    expect(deprecated.filter((f) => f.entry === 'deepseek')).toHaveLength(19);
    expect(deprecated.every((f) => f.lang === 'fr')).toBe(true);
  });
});

describe('recommendedTerm', () => {
  const entry = (id: string) => glossary.find((e) => e.id === id)!;
  it('prefers a preferred term of the same type, then an admitted one of the same type', () => {
    const ai = entry('artificial-intelligence');
    const deprecatedAI = ai.langs.fr!.terms.find((t) => t.text === 'AI')!;
    expect(recommendedTerm(ai, 'fr', deprecatedAI)?.text).toBe('IA');
    const llm = entry('large-language-model');
    const bad = llm.langs.fr!.terms.find((t) => t.status === 'deprecated')!;
    expect(recommendedTerm(llm, 'fr', bad)?.text).toBe('grand modèle de langage');
  });
});
