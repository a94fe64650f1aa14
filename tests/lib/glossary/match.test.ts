import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTbx } from '../../../lib/formats/tbx';
import { buildTermIndex, matchParagraphs, matchTerms, type TermMatch } from '../../../lib/glossary/match';
import type { Lang, TermEntry, TermStatus } from '../../../lib/glossary/model';
import { splitParagraphs } from '../../../lib/text/paragraphs';

const glossary = readTbx(readFileSync(new URL('../../../glossary/technology-policy.tbx', import.meta.url), 'utf8'));
const index = buildTermIndex(glossary);
const seed = (lang: Lang): string[] =>
  splitParagraphs(readFileSync(new URL(`../../../corpus/deepseek-containment/${lang}.txt`, import.meta.url), 'utf8'));

interface Seen {
  found: string;
  entry: string;
  term?: string;
  status?: TermStatus;
  exact?: boolean;
}

function seen(text: string, lang: Lang, matches: TermMatch[] = matchTerms(index, text, lang)): Seen[] {
  return matches.map((m) => ({ found: text.slice(m.start, m.end), entry: m.entry, term: m.term, status: m.status, exact: m.exact }));
}

/// A glossary of hand-made entries: id → { fr: [[text, status, partOfSpeech?]], en: [...] }.
function entries(spec: Record<string, Partial<Record<Lang, [string, TermStatus, string?][]>>>): TermEntry[] {
  return Object.entries(spec).map(([id, langs]) => ({
    id,
    langs: Object.fromEntries(
      Object.entries(langs).map(([lang, terms]) => [
        lang,
        { notes: [], terms: terms!.map(([text, status, partOfSpeech]) => ({ text, status, ...(partOfSpeech ? { partOfSpeech } : {}) })) },
      ]),
    ),
  }));
}

// [language, sentence, what must be found, in order]. An empty list means no match at all.
const TABLE: [Lang, string, Seen[]][] = [
  // Multiword French terms: plural, elision, varying connectors.
  ['fr', "Les contrôles d'exportation américains", [{ found: "contrôles d'exportation", entry: 'export-controls', term: "contrôles d'exportation", status: 'preferred', exact: true }]],
  ['fr', "des contrôles à l'exportation", [{ found: "contrôles à l'exportation", entry: 'export-controls', term: "contrôles à l'exportation", status: 'admitted' }]],
  ['fr', 'le contrôle des exportations', [{ found: 'contrôle des exportations', entry: 'export-controls', term: 'contrôles des exportations', status: 'admitted' }]],
  ['fr', 'Contrôles d’exportation renforcés', [{ found: 'Contrôles d’exportation', entry: 'export-controls', status: 'preferred' }]],
  ['fr', "un contrôle de l'exportation", [{ found: "contrôle de l'exportation", entry: 'export-controls', status: 'preferred' }]],
  ['fr', "CONTRÔLES D'EXPORTATION", [{ found: "CONTRÔLES D'EXPORTATION", entry: 'export-controls', status: 'preferred', exact: true }]],
  ['fr', 'ce contrôle strict', []],
  ['fr', 'les exportations de la Chine', []],
  ['fr', "les contrôles ne visent pas l'exportation", []],
  ['fr', "des contrôles, d'exportation", []],
  ['fr', "des contrôles de la de l'exportation", []],
  ['fr', 'les grands modèles de langage', [{ found: 'grands modèles de langage', entry: 'large-language-model', status: 'preferred' }]],
  ['fr', "un modèle d'IA", [{ found: "modèle d'IA", entry: 'ai-model', status: 'preferred' }]],
  ['fr', "la course à l'IA", [{ found: "course à l'IA", entry: 'ai-race', status: 'preferred' }]],
  ['fr', "des goulets d'étranglement", [{ found: "goulets d'étranglement", entry: 'bottleneck', term: "goulet d'étranglement", status: 'admitted' }]],
  ['fr', 'les décideurs politiques', [{ found: 'décideurs politiques', entry: 'policymaker', status: 'preferred' }]],
  ['fr', 'des modèles coûteux et à forte intensité de ressources', [{ found: 'à forte intensité de ressources', entry: 'resource-intensive' }]],
  ['fr', 'la mise en oeuvre', [{ found: 'mise en oeuvre', entry: 'implementation', term: 'mise en œuvre', exact: true }]],
  // Single words: plural, capitals, accents.
  ['fr', 'les puces AI avancées', [{ found: 'puces AI', entry: 'ai-chip', term: 'puce AI', status: 'deprecated' }]],
  ['fr', 'de jetons les plus chers', [{ found: 'jetons', entry: 'chip', term: 'jeton', status: 'deprecated' }]],
  ['fr', 'Puces et semi-conducteurs', [
    { found: 'Puces', entry: 'chip', term: 'puce', status: 'preferred' },
    { found: 'semi-conducteurs', entry: 'semiconductor', term: 'semi-conducteur' },
  ]],
  ['fr', 'des semiconducteurs', [{ found: 'semiconducteurs', entry: 'semiconductor', term: 'semi-conducteur' }]],
  ['fr', 'les puces avancees', [{ found: 'puces avancees', entry: 'advanced-chip', status: 'preferred', exact: false }]],
  ['fr', 'un entrainement', [{ found: 'entrainement', entry: 'training', term: 'entrainement', status: 'admitted', exact: true }]],
  ['fr', 'un entraînement', [{ found: 'entraînement', entry: 'training', term: 'entraînement', status: 'preferred', exact: true }]],
  ['fr', 'un entrâinement', [{ found: 'entrâinement', entry: 'training', term: 'entraînement', exact: false }]],
  ['fr', 'la formation des modèles', [{ found: 'formation', entry: 'training', status: 'deprecated' }]],
  ['fr', 'la puce', [{ found: 'puce', entry: 'chip' }]],
  ['fr', 'un puceron', []],
  ['fr', 'le commissaire européen', []],
  // Elision and abbreviations (case-sensitive).
  ["fr", "l'IA générative", [{ found: 'IA', entry: 'artificial-intelligence', term: 'IA', status: 'admitted' }]],
  ['fr', 'L’IA', [{ found: 'IA', entry: 'artificial-intelligence' }]],
  ['fr', "l'ia", []],
  ['fr', "jusqu'aux puces", [{ found: 'puces', entry: 'chip' }]],
  // Proper names keep their case.
  ['fr', 'Deepseek a ouvert un nouveau front', [{ found: 'Deepseek', entry: 'deepseek', term: 'Deepseek', status: 'deprecated' }]],
  ['fr', 'DeepSeek a ouvert', [{ found: 'DeepSeek', entry: 'deepseek', term: 'DeepSeek', status: 'preferred' }]],
  ['fr', 'DEEPSEEK A OUVERT', [{ found: 'DEEPSEEK', entry: 'deepseek', term: 'DeepSeek', status: 'preferred' }]],
  ['fr', 'deepseek a ouvert', []],
  ['fr', 'Openai et OpenAI', [
    { found: 'Openai', entry: 'openai', status: 'deprecated' },
    { found: 'OpenAI', entry: 'openai', status: 'preferred' },
  ]],
  ['fr', 'Brundage de miles', [{ found: 'Brundage de miles', entry: 'miles-brundage', status: 'deprecated' }]],
  ['fr', "l'Internet des objets", [{ found: 'Internet des objets', entry: 'internet-of-things', term: 'Internet des objets', status: 'preferred' }]],
  ['fr', "l'internet des objets", [{ found: 'internet des objets', entry: 'internet-of-things', term: 'internet des objets', status: 'admitted' }]],
  ['fr', 'le Sud global et le Sud mondial', [
    { found: 'Sud global', entry: 'global-south', status: 'preferred' },
    { found: 'Sud mondial', entry: 'global-south', status: 'admitted' },
  ]],
  ['fr', 'le sud mondial', []],
  ['fr', 'les États-Unis', []],
  // English.
  ['en', 'US export controls', [{ found: 'export controls', entry: 'export-controls', status: 'preferred' }]],
  ['en', 'Export controls', [{ found: 'Export controls', entry: 'export-controls' }]],
  ['en', 'semiconductors', [{ found: 'semiconductors', entry: 'semiconductor' }]],
  ['en', 'semi-conductors', [{ found: 'semi-conductors', entry: 'semiconductor', term: 'semiconductor' }]],
  ['en', 'advanced chips', [{ found: 'advanced chips', entry: 'advanced-chip', status: 'preferred' }]],
  ['en', 'cutting-edge chips', [{ found: 'cutting-edge chips', entry: 'advanced-chip', status: 'admitted' }]],
  ['en', 'chips', [{ found: 'chips', entry: 'chip', term: 'chip' }]],
  ['en', 'microchips', [{ found: 'microchips', entry: 'chip', term: 'microchip', status: 'admitted' }]],
  ['en', 'a chipset', []],
  ['en', 'the Global South', [{ found: 'Global South', entry: 'global-south' }]],
  ['en', 'DeepSeek’s success', [{ found: 'DeepSeek', entry: 'deepseek', status: 'preferred' }]],
  ['en', 'Deepseek', [{ found: 'Deepseek', entry: 'deepseek', status: 'deprecated' }]],
  ['en', 'a large-language model', [{ found: 'large-language model', entry: 'large-language-model', status: 'preferred' }]],
  ['en', 'large language models', [{ found: 'large language models', entry: 'large-language-model' }]],
  ['en', 'a policy-maker', [{ found: 'policy-maker', entry: 'policymaker', term: 'policy-maker', status: 'admitted' }]],
  ['en', 'policymakers’ ability', [{ found: 'policymakers', entry: 'policymaker', term: 'policymaker', status: 'preferred' }]],
  ['en', 'the commissioner', []],
  ['en', 'AI chips', [{ found: 'AI chips', entry: 'ai-chip', status: 'preferred' }]],
  ['en', 'AI-powered chips', [
    { found: 'AI', entry: 'artificial-intelligence' },
    { found: 'chips', entry: 'chip' },
  ]],
  ['en', 'the ai of it', []],
  ['en', 'the Internet of things', [{ found: 'Internet of things', entry: 'internet-of-things', status: 'preferred' }]],
  ['en', 'Nvidia’s H100 GPUs', [
    { found: 'Nvidia', entry: 'nvidia', status: 'admitted' },
    { found: 'H100', entry: 'nvidia-h100' },
    { found: 'GPUs', entry: 'graphics-processing-unit', term: 'GPU' },
  ]],
  ['en', 'proofs of concept', [{ found: 'proofs of concept', entry: 'proof-of-concept' }]],
  ['en', 'China’s AI race', [{ found: 'AI race', entry: 'ai-race' }]],
  ['en', 'cost effectiveness', [{ found: 'cost effectiveness', entry: 'cost-effectiveness', status: 'preferred' }]],
  ['en', 'the high-tech revolution', [{ found: 'high-tech', entry: 'high-technology', term: 'high tech', status: 'admitted' }]],
  ['en', 'the training of models', [{ found: 'training', entry: 'training', status: 'preferred' }]],
  ['en', 'an export', []],
];

describe('matchTerms: inflected, elided, capitalised and negative cases', () => {
  it('has a table of at least 40 sentences in both languages', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(TABLE.filter(([lang]) => lang === 'en').length).toBeGreaterThanOrEqual(15);
    expect(TABLE.filter(([, , want]) => want.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it.each(TABLE)('%s: %s', (lang, text, want) => {
    const got = seen(text, lang);
    expect(got.map((g) => g.found)).toEqual(want.map((w) => w.found));
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('matchTerms: offsets, overlaps and options', () => {
  it('gives UTF-16 offsets, end exclusive, sorted by start', () => {
    const text = '🙂 Les « puces » et l’IA';
    const ms = matchTerms(index, text, 'fr');
    expect(ms.map((m) => [m.start, m.end])).toEqual([
      [text.indexOf('puces'), text.indexOf('puces') + 5],
      [text.indexOf('IA'), text.indexOf('IA') + 2],
    ]);
    expect(ms[0]).toEqual({ lang: 'fr', start: 9, end: 14, entry: 'chip', term: 'puce', status: 'preferred', exact: true });
  });

  it('prefers the longest term and does not report the terms inside it', () => {
    expect(seen("des puces d'IA", 'fr').map((s) => s.entry)).toEqual(['ai-chip']);
    expect(seen('a large language model', 'en').map((s) => s.entry)).toEqual(['large-language-model']);
  });

  it('reports every term, nested ones included, with { all: true }', () => {
    const got = seen("des puces d'IA", 'fr', matchTerms(index, "des puces d'IA", 'fr', { all: true }));
    expect(got).toEqual([
      { found: "puces d'IA", entry: 'ai-chip', term: "puce d'IA", status: 'preferred', exact: true },
      { found: 'puces', entry: 'chip', term: 'puce', status: 'preferred', exact: true },
      { found: 'IA', entry: 'artificial-intelligence', term: 'IA', status: 'admitted', exact: true },
    ]);
  });

  it('does not match across sentence punctuation', () => {
    expect(seen("Les contrôles. D'exportation, enfin.", 'fr')).toEqual([]);
  });

  it('returns nothing for an empty text or an empty glossary', () => {
    expect(matchTerms(index, '', 'fr')).toEqual([]);
    expect(matchTerms(buildTermIndex([]), 'les puces', 'fr')).toEqual([]);
  });

  it('numbers matches by paragraph with matchParagraphs', () => {
    const got = matchParagraphs(index, ['Rien ici.', 'Des puces.', 'Et des jetons.'], 'fr');
    expect(got.map((m) => [m.paragraph, m.entry, m.status])).toEqual([
      [1, 'chip', 'preferred'],
      [2, 'chip', 'deprecated'],
    ]);
  });
});

describe('matchTerms with hand-made glossaries', () => {
  it('matches terms with inner punctuation only with that punctuation (R&D)', () => {
    const idx = buildTermIndex(entries({ rd: { fr: [['R&D', 'preferred']], en: [['R&D', 'preferred']] } }));
    expect(seen('la R&D et la R & D', 'fr', matchTerms(idx, 'la R&D et la R & D', 'fr')).map((s) => s.found)).toEqual(['R&D', 'R & D']);
    expect(matchTerms(idx, 'R et D, R/D', 'fr')).toEqual([]);
  });

  it('keeps the case of proper names but lets all capitals match the best spelling', () => {
    const idx = buildTermIndex(
      entries({ acme: { en: [['AcmeCorp', 'preferred', 'properNoun'], ['Acmecorp', 'deprecated', 'properNoun']] } }),
    );
    const at = (t: string) => seen(t, 'en', matchTerms(idx, t, 'en')).map((s) => s.status);
    expect(at('AcmeCorp')).toEqual(['preferred']);
    expect(at('Acmecorp')).toEqual(['deprecated']);
    expect(at('ACMECORP')).toEqual(['preferred']);
    expect(at('acmecorp')).toEqual([]);
  });

  it('lets a common noun written in lower case match at the start of a sentence and in headings', () => {
    const idx = buildTermIndex(entries({ chip: { fr: [['puce', 'preferred']] } }));
    expect(matchTerms(idx, 'Puces. PUCES. puces.', 'fr').map((m) => m.start)).toEqual([0, 7, 14]);
  });

  it('prefers the spelling with the same accents, and says when only a spelling without them matched', () => {
    const idx = buildTermIndex(entries({ eco: { fr: [['écosystème', 'preferred']] } }));
    expect(matchTerms(idx, 'un ecosysteme', 'fr')).toMatchObject([{ exact: false, term: 'écosystème' }]);
    expect(matchTerms(idx, 'un écosystème', 'fr')).toMatchObject([{ exact: true }]);
  });

  it('folds French -aux/-eaux plurals and English -ies plurals', () => {
    const idx = buildTermIndex(
      entries({
        signal: { fr: [['signal faible', 'preferred']] },
        network: { fr: [['réseau social', 'preferred']], en: [['technology', 'preferred']] },
      }),
    );
    expect(seen('des signaux faibles', 'fr', matchTerms(idx, 'des signaux faibles', 'fr')).map((s) => s.entry)).toEqual(['signal']);
    expect(seen('les réseaux sociaux', 'fr', matchTerms(idx, 'les réseaux sociaux', 'fr')).map((s) => s.entry)).toEqual(['network']);
    expect(seen('new technologies', 'en', matchTerms(idx, 'new technologies', 'en')).map((s) => s.entry)).toEqual(['network']);
  });

  it('indexes every status in both languages and ignores terms made only of connectors', () => {
    const idx = buildTermIndex(entries({ odd: { fr: [['de la', 'preferred'], ['truc', 'deprecated']], en: [['thing', 'admitted']] } }));
    expect(matchTerms(idx, 'de la truc', 'fr').map((m) => m.term)).toEqual(['truc']);
    expect(matchTerms(idx, 'the things', 'en').map((m) => m.status)).toEqual(['admitted']);
  });

  it('is not misled by many entries sharing their first word', () => {
    const many = entries(
      Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`e${i}`, { fr: [[`contrôle numéro${i}`, 'preferred']] }])),
    );
    const idx = buildTermIndex(many);
    expect(seen('le contrôle numéro417 et le contrôle numéro9', 'fr', matchTerms(idx, 'le contrôle numéro417 et le contrôle numéro9', 'fr')).map((s) => s.entry)).toEqual(['e417', 'e9']);
  });
});

describe('matchTerms over the seed document (corpus/deepseek-containment)', () => {
  const fr = seed('fr');
  const en = seed('en');

  const at = (paragraph: string, needle: string, from = 0) => {
    const start = paragraph.indexOf(needle, from);
    expect(start, `"${needle}" in the paragraph`).toBeGreaterThanOrEqual(0);
    return { start, end: start + needle.length };
  };

  it('finds known French occurrences at their exact offsets', () => {
    const expectAt = (p: number, needle: string, entry: string, status: TermStatus, term?: string) => {
      const ms = matchTerms(index, fr[p]!, 'fr');
      expect(ms, `${needle} in paragraph ${p}`).toContainEqual(
        expect.objectContaining({ ...at(fr[p]!, needle), entry, status, ...(term ? { term } : {}) }),
      );
    };
    expectAt(0, 'Deepseek', 'deepseek', 'deprecated', 'Deepseek');
    expectAt(0, 'confinement technologique', 'technological-containment', 'preferred');
    expectAt(1, "contrôles d'exportation", 'export-controls', 'preferred');
    expectAt(1, 'puces AI', 'ai-chip', 'deprecated');
    expectAt(1, 'semi-conducteurs', 'semiconductor', 'preferred');
    expectAt(1, "restrictions sur l'exportation", 'export-restriction', 'admitted');
    expectAt(2, 'Brundage de miles', 'miles-brundage', 'deprecated');
    expectAt(3, 'contrôles des exportations', 'export-controls', 'admitted');
    expectAt(3, "goulots d'étranglement", 'bottleneck', 'preferred');
    expectAt(4, "contrôles à l'exportation", 'export-controls', 'admitted');
    expectAt(5, 'jetons', 'chip', 'deprecated', 'jeton');
    expectAt(5, 'modèle de langue en grande langue', 'large-language-model', 'deprecated');
    expectAt(5, 'Xai', 'xai', 'deprecated');
    expectAt(5, 'à forte intensité de ressources', 'resource-intensive', 'preferred');
    expectAt(9, 'Internet des objets', 'internet-of-things', 'preferred');
    expectAt(10, 'mise en œuvre', 'implementation', 'preferred');
    expectAt(13, 'décideurs politiques', 'policymaker', 'preferred');
  });

  it('finds known English occurrences at their exact offsets', () => {
    const expectAt = (p: number, needle: string, entry: string, status: TermStatus) => {
      expect(matchTerms(index, en[p]!, 'en')).toContainEqual(expect.objectContaining({ ...at(en[p]!, needle), entry, status }));
    };
    expectAt(0, 'DeepSeek', 'deepseek', 'preferred');
    expectAt(1, 'export controls', 'export-controls', 'preferred');
    expectAt(1, 'AI chips', 'ai-chip', 'preferred');
    expectAt(3, 'Nvidia', 'nvidia', 'admitted');
    expectAt(3, 'cutting-edge chips', 'advanced-chip', 'admitted');
    expectAt(5, 'large language model', 'large-language-model', 'preferred');
    expectAt(5, 'resource-intensive', 'resource-intensive', 'preferred');
    expectAt(6, 'Global South', 'global-south', 'preferred');
    expectAt(10, 'mass-market penetration'.slice(5), 'market-penetration', 'preferred');
    expectAt(12, 'proof of concept', 'proof-of-concept', 'preferred');
  });

  it('finds exactly the reviewed inventory of terms, and nothing inside words', () => {
    const inventory = (lang: Lang, paragraphs: string[]) => {
      const counts: Record<string, number> = {};
      paragraphs.forEach((p) => {
        for (const m of matchTerms(index, p, lang)) {
          expect(/[\p{L}\p{N}]/u.test(p[m.start - 1] ?? ' '), 'a letter before the match').toBe(false);
          expect(/[\p{L}\p{N}]/u.test(p[m.end] ?? ' '), 'a letter after the match').toBe(false);
          const key = `${m.entry}: ${p.slice(m.start, m.end)}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      });
      return counts;
    };
    // Reviewed by eye against the text: every entry below is a real use of the term.
    expect(inventory('fr', fr)).toEqual({
      'deepseek: Deepseek': 19,
      'technological-containment: confinement technologique': 4,
      'export-controls: contrôles d\'exportation': 6,
      'export-controls: contrôles des exportations': 2,
      'export-controls: contrôles à l\'exportation': 2,
      'technological-dominance: domination technologique': 3,
      "export-restriction: restrictions sur l'exportation": 1,
      'semiconductor: semi-conducteurs': 2,
      'artificial-intelligence: intelligence artificielle': 1,
      'artificial-intelligence: IA': 25,
      'biden-administration: administration Biden': 1,
      'ai-chip: puces AI': 1,
      'ai-chip: puces d\'IA': 2,
      'semiconductor-manufacturing-equipment: équipement de fabrication': 1,
      'software: logiciels': 2,
      'talent: talents': 1,
      'chip: puces': 6,
      'chip: jetons': 1,
      'hardware: matériel': 5,
      'openai: Openai': 1,
      'performance-gap: écart de performance': 1,
      'monopoly: monopole': 2,
      "ai-model: modèles d'IA": 3,
      "ai-model: modèle d'IA": 1,
      'dario-amodei: Dario Amodei': 1,
      'miles-brundage: Brundage de miles': 1,
      'liang-wenfeng: Liang Wenfeng': 1,
      'advanced-chip: puces de pointe': 1,
      'advanced-chip: puces avancées': 1,
      'graphics-processing-unit: GPU': 3,
      'nvidia-a100: A100': 1,
      'nvidia-h100: H100': 3,
      'nvidia: NVIDIA': 1,
      'nvidia: Nvidia': 1,
      "bottleneck: goulots d'étranglement": 1,
      'training: formation': 2,
      'deployment: déploiement': 4,
      'competitive-advantage: avantage concurrentiel': 1,
      'innovation: innovation': 5,
      'innovation: innovations': 1,
      'capital-investment: investissement en capital': 1,
      'resource-intensive: à forte intensité de ressources': 1,
      'computing-power: puissance de calcul': 2,
      'grok-3: Grok 3': 1,
      'xai: Xai': 1,
      'large-language-model: modèle de langue en grande langue': 1,
      'global-south: Sud mondial': 2,
      'high-technology: haute technologie': 1,
      'strategic-competition: concurrence stratégique': 1,
      'technology-diffusion: diffusion technologique': 1,
      'technological-leadership: leadership technologique': 1,
      'internet-of-things: Internet des objets': 1,
      'electric-vehicle: véhicules électriques': 1,
      'domestic-market: marché intérieur': 1,
      'digital-ecosystem: écosystème numérique': 1,
      "ai-democratisation: démocratisation de l'IA": 1,
      'implementation: mise en œuvre': 2,
      'market-penetration: pénétration du marché': 1,
      'cost-effectiveness: rentabilité': 1,
      'proof-of-concept: preuve de concept': 1,
      'policymaker: décideurs politiques': 1,
    });
    const enCounts = inventory('en', en);
    expect(Object.keys(enCounts).filter((k) => !k.startsWith('artificial-intelligence') && !k.startsWith('deepseek')).length).toBeGreaterThan(40);
    expect(enCounts['deepseek: DeepSeek']).toBe(19);
    expect(Object.keys(enCounts).some((k) => k.startsWith('deepseek: Deepseek'))).toBe(false);
    expect(enCounts['export-controls: export controls']).toBe(10);
  });
});
