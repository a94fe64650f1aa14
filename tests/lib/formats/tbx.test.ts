import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTbx, writeTbx, TbxError } from '../../../lib/formats/tbx';
import type { Lang, Term, TermEntry, TermStatus } from '../../../lib/glossary/model';

const GLOSSARY_URL = new URL('../../../glossary/technology-policy.tbx', import.meta.url);
const glossaryXml = readFileSync(GLOSSARY_URL, 'utf8');
const glossary = readTbx(glossaryXml);

/// The entry with French term `fr` and English term `en` (each in any status).
function entryWith(fr: string, en: string): TermEntry {
  const found = glossary.filter(
    (e) => e.langs.fr?.terms.some((t) => t.text === fr) && e.langs.en?.terms.some((t) => t.text === en),
  );
  expect(found, `an entry with fr "${fr}" and en "${en}"`).toHaveLength(1);
  return found[0]!;
}

function termOf(entry: TermEntry, lang: Lang, text: string): Term {
  const term = entry.langs[lang]?.terms.find((t) => t.text === text);
  expect(term, `term "${text}" (${lang}) in entry ${entry.id}`).toBeDefined();
  return term!;
}

function expectStatus(entry: TermEntry, lang: Lang, text: string, status: TermStatus): Term {
  const term = termOf(entry, lang, text);
  expect(term.status, `status of "${text}" in ${entry.id}`).toBe(status);
  return term;
}

function tbxError(fn: () => unknown): TbxError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TbxError);
    return err as TbxError;
  }
  throw new Error('expected a TbxError, but nothing was thrown');
}

function doc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">\n<text>\n<body>\n${body}\n</body>\n</text>\n</martif>\n`;
}

const frTig = (term: string) =>
  `<langSet xml:lang="fr"><tig><term>${term}</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>`;

describe('the shipped glossary (glossary/technology-policy.tbx)', () => {
  it('is UTF-8 NFC TBX-Basic without a DOCTYPE', () => {
    expect(glossaryXml.normalize('NFC')).toBe(glossaryXml);
    expect(glossaryXml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<martif type="TBX-Basic" xml:lang="en">/);
    expect(glossaryXml).not.toMatch(/<!DOCTYPE/i);
  });

  it('has at least 35 entries with unique kebab-case ids and a subject field', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(35);
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of glossary) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.subjectField, e.id).toBeTruthy();
    }
  });

  it('gives every entry a French and an English section with a definition and terms', () => {
    for (const e of glossary) {
      for (const lang of ['fr', 'en'] as const) {
        const section = e.langs[lang];
        expect(section, `${e.id} ${lang}`).toBeDefined();
        expect(section!.definition?.length ?? 0, `${e.id} ${lang} definition`).toBeGreaterThan(20);
        expect(section!.terms.length, `${e.id} ${lang} terms`).toBeGreaterThanOrEqual(1);
        expect(section!.terms.some((t) => t.status !== 'deprecated'), `${e.id} ${lang} usable term`).toBe(true);
        for (const t of section!.terms) {
          expect(t.partOfSpeech, `${e.id} "${t.text}" partOfSpeech`).toBeTruthy();
          expect(['preferred', 'admitted', 'deprecated']).toContain(t.status);
          if (t.status === 'deprecated') expect(t.note, `${e.id} "${t.text}" says why it is deprecated`).toBeTruthy();
          if (lang === 'fr' && t.partOfSpeech === 'noun') {
            expect(['masculine', 'feminine'], `${e.id} "${t.text}" gender`).toContain(t.gender);
          }
        }
      }
    }
  });

  it('holds the core concepts of the text', () => {
    expectStatus(entryWith('confinement technologique', 'technological containment'), 'fr', 'confinement technologique', 'preferred');
    const exportControls = entryWith("contrôles d'exportation", 'export controls');
    expect(exportControls.id).toBe('export-controls');
    expectStatus(exportControls, 'fr', "contrôles d'exportation", 'preferred');
    expectStatus(exportControls, 'fr', 'contrôles des exportations', 'admitted');
    expectStatus(exportControls, 'fr', "contrôles à l'exportation", 'admitted');
    expectStatus(entryWith('semi-conducteur', 'semiconductor'), 'fr', 'semi-conducteur', 'preferred');
    expectStatus(entryWith('puissance de calcul', 'computing power'), 'en', 'computing power', 'preferred');
    entryWith('équipement de fabrication de semi-conducteurs', 'semiconductor manufacturing equipment');
    entryWith('équipement de fabrication', 'manufacturing equipment');
    entryWith('diffusion technologique', 'technology diffusion');
    const bottleneck = entryWith("goulot d'étranglement", 'bottleneck');
    expect(termOf(bottleneck, 'fr', "goulot d'étranglement").gender).toBe('masculine');
  });

  it('records the translation errors of the text as deprecated terms', () => {
    const chip = entryWith('puce', 'chip');
    expectStatus(chip, 'fr', 'puce', 'preferred');
    expect(expectStatus(chip, 'fr', 'jeton', 'deprecated').note).toMatch(/jetons/);

    const training = entryWith('entraînement', 'training');
    expectStatus(training, 'fr', 'entraînement', 'preferred');
    expectStatus(training, 'fr', 'formation', 'deprecated');

    const llm = entryWith('grand modèle de langage', 'large language model');
    expectStatus(llm, 'fr', 'grand modèle de langage', 'preferred');
    expectStatus(llm, 'fr', 'modèle de langue en grande langue', 'deprecated');

    const race = entryWith("course à l'IA", 'AI race');
    expectStatus(race, 'fr', "course à l'IA", 'preferred');
    expect(expectStatus(race, 'fr', "race de l'IA", 'deprecated').note).toMatch(/anglicisme/i);
  });

  it('decides Sud global against Sud mondial and says why', () => {
    const south = entryWith('Sud global', 'Global South');
    expectStatus(south, 'fr', 'Sud global', 'preferred');
    const mondial = expectStatus(south, 'fr', 'Sud mondial', 'admitted');
    expect(mondial.note).toBeTruthy();
    expect(south.note).toMatch(/Sud mondial/);
  });

  it('records abbreviations as further terms', () => {
    const ai = entryWith('intelligence artificielle', 'artificial intelligence');
    expect(termOf(ai, 'fr', 'IA').termType).toBe('abbreviation');
    expect(termOf(ai, 'en', 'AI').termType).toBe('abbreviation');
    const gpu = entryWith('processeur graphique', 'graphics processing unit');
    expect(termOf(gpu, 'fr', 'GPU').termType).toBe('abbreviation');
    expect(termOf(gpu, 'en', 'GPU').termType).toBe('abbreviation');
  });

  it('fixes the spelling of proper names', () => {
    const names: [string, string?, TermStatus?][] = [
      ['DeepSeek', 'Deepseek', 'deprecated'],
      ['OpenAI', 'Openai', 'deprecated'],
      ['NVIDIA', 'Nvidia', 'admitted'],
      ['xAI', 'Xai', 'deprecated'],
      ['Grok 3'],
      ['Miles Brundage'],
      ['Dario Amodei'],
      ['Liang Wenfeng'],
    ];
    for (const [name, variant, status] of names) {
      const e = entryWith(name, name);
      for (const lang of ['fr', 'en'] as const) {
        const t = expectStatus(e, lang, name, 'preferred');
        expect(t.partOfSpeech, name).toBe('properNoun');
      }
      if (variant) expectStatus(e, 'fr', variant, status!);
    }
  });

  it('includes further terms of the text', () => {
    for (const [fr, en] of [
      ['écosystème numérique', 'digital ecosystem'],
      ['marché intérieur', 'domestic market'],
      ['rentabilité', 'cost-effectiveness'],
      ['investissement en capital', 'capital investment'],
      ["modèle d'IA", 'AI model'],
      ['déploiement', 'deployment'],
      ['leadership technologique', 'technological leadership'],
      ['pénétration du marché', 'market penetration'],
      ["démocratisation de l'IA", 'AI democratisation'],
      ['concurrence stratégique', 'strategic competition'],
      ['logiciel', 'software'],
      ['matériel', 'hardware'],
      ['décideur politique', 'policymaker'],
      ['preuve de concept', 'proof of concept'],
      ['innovation', 'innovation'],
    ]) {
      entryWith(fr!, en!);
    }
  });

  it('round-trips: reading what was written gives the same entries and the same file', () => {
    const written = writeTbx(glossary, { title: 'Technology policy: DeepSeek and US export controls (French–English)' });
    expect(readTbx(written)).toStrictEqual(glossary);
    expect(written).toBe(glossaryXml);
  });
});

describe('writeTbx', () => {
  const tricky: TermEntry[] = [
    {
      id: 'r&d "q" <x>',
      subjectField: 'R&D <economics>',
      note: 'Entry note with "quotes" & ampersand > and <tags>.',
      langs: {
        fr: {
          definition: 'Définition « française » : à é è ê ë î ï ô œ ç ù — & <b>gras</b> "cité".',
          notes: ['Première note & <autre>', 'Deuxième\nnote sur deux lignes'],
          terms: [
            { text: 'recherche & développement', status: 'preferred', partOfSpeech: 'noun', gender: 'feminine', termType: 'fullForm', note: '« a < b > c » "q"' },
            { text: 'R&D', status: 'admitted', partOfSpeech: 'noun', gender: 'feminine', termType: 'abbreviation' },
            { text: 'recherche et developpement', status: 'deprecated', partOfSpeech: 'noun', note: 'Sans accent : fautif.' },
          ],
        },
        en: {
          notes: [],
          terms: [{ text: 'research & development <R&D>', status: 'preferred' }],
        },
      },
    },
    { id: 'bare', langs: {} },
    { id: 'en-only', langs: { en: { definition: 'Only English.', notes: ['n'], terms: [] } } },
  ];

  it('escapes markup characters and round-trips every field', () => {
    const xml = writeTbx(tricky, { title: 'Tom & "Jerry" <test>' });
    expect(xml).toContain('<termEntry id="r&amp;d &quot;q&quot; &lt;x&gt;">');
    expect(xml).toContain('<term>recherche &amp; développement</term>');
    expect(xml).toContain('<term>research &amp; development &lt;R&amp;D&gt;</term>');
    expect(xml).toContain('<title>Tom &amp; "Jerry" &lt;test&gt;</title>');
    expect(xml).not.toMatch(/<b>/);
    expect(readTbx(xml)).toStrictEqual(tricky);
  });

  it('pretty-prints with two-space indentation in a stable order', () => {
    const xml = writeTbx(tricky);
    expect(xml).toBe(writeTbx(readTbx(xml)));
    const lines = xml.split('\n');
    expect(lines).toContain('      <termEntry id="bare">');
    expect(lines).toContain('          <tig>');
    for (const line of lines) expect(line).toMatch(/^(  )*(<|$)|^[^ ]/);
    const fr = xml.indexOf('<langSet xml:lang="fr">');
    const en = xml.indexOf('<langSet xml:lang="en">');
    expect(fr).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(fr);
    const order = ['partOfSpeech', 'administrativeStatus', 'grammaticalGender', 'termType'].map((t) =>
      xml.indexOf(`<termNote type="${t}">`),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('refuses to write what it could not read back', () => {
    expect(tbxError(() => writeTbx([{ id: '', langs: {} }])).message).toMatch(/id/);
    expect(tbxError(() => writeTbx([{ id: 'a', langs: {} }, { id: 'a', langs: {} }])).message).toMatch(/"a"/);
    expect(
      tbxError(() => writeTbx([{ id: 'a', langs: { fr: { notes: [], terms: [{ text: 'x\u0001', status: 'preferred' }] } } }])).message,
    ).toMatch(/U\+0001/);
  });
});

describe('readTbx', () => {
  it('reads ntig/termGrp and TBX v3 conceptEntry/langSec/termSec', () => {
    const v2 = doc(`<termEntry id="e1">
  <descripGrp><descrip type="subjectField">economics</descrip></descripGrp>
  <langSet xml:lang="fr-FR">
    <descripGrp><descrip type="definition">  Déf.  </descrip></descripGrp>
    <ntig>
      <termGrp>
        <term>monopole</term>
        <termNote type="partOfSpeech">noun</termNote>
        <termNote type="grammaticalGender">masculine</termNote>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      </termGrp>
    </ntig>
  </langSet>
</termEntry>`);
    expect(readTbx(v2)).toStrictEqual([
      {
        id: 'e1',
        subjectField: 'economics',
        langs: { fr: { definition: 'Déf.', notes: [], terms: [{ text: 'monopole', status: 'preferred', partOfSpeech: 'noun', gender: 'masculine' }] } },
      },
    ]);

    const v3 = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <termSec>
          <term>monopoly</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
        </termSec>
        <termSec><term>monopolium</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>Latin.</note></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    expect(readTbx(v3)).toStrictEqual([
      {
        id: 'c1',
        langs: {
          en: {
            notes: [],
            terms: [
              { text: 'monopoly', status: 'admitted', partOfSpeech: 'noun' },
              { text: 'monopolium', status: 'deprecated', note: 'Latin.' },
            ],
          },
        },
      },
    ]);
  });

  it('normalises values to NFC', () => {
    const decomposed = 'de\u0301ploiement';
    const [entry] = readTbx(doc(`<termEntry id="d">${frTig(decomposed)}</termEntry>`));
    expect(entry!.langs.fr!.terms[0]!.text).toBe('déploiement');
  });

  it('refuses control characters written as character references, naming the field', () => {
    for (const [ref, code] of [['&#x80;', 'U+0080'], ['&#x9b;', 'U+009B'], ['&#127;', 'U+007F']]) {
      const err = tbxError(() => readTbx(doc(`<termEntry id="c">${frTig(`puce${ref}`)}</termEntry>`)));
      expect(err.message, ref).toMatch(new RegExp(`entry 0\\.langs\\.fr\\.terms\\.0\\.text: control character ${code.replace('+', '\\+')}`));
    }
    expect(readTbx(doc(`<termEntry id="c">${frTig('puce&#x9;IA')}</termEntry>`))[0]!.langs.fr!.terms[0]!.text).toBe('puce\tIA');
  });

  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    const xxe = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="a">${frTig('&e;')}</termEntry>
</body></text></martif>`;
    const err = tbxError(() => readTbx(xxe));
    expect(err.message).toMatch(/DOCTYPE/);
    expect(err.message).toMatch(/Line 2/);
    expect(err.message).not.toMatch(/root:/);
  });

  it('refuses a billion-laughs entity bomb quickly', () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE martif [\n${levels.join('\n')}\n]>\n<martif><text><body><termEntry id="a">${frTig('&lol9;')}</termEntry></body></text></martif>`;
    const started = Date.now();
    expect(tbxError(() => readTbx(bomb)).message).toMatch(/DOCTYPE/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses malformed XML with the line of the problem', () => {
    const unclosed = doc(`<termEntry id="a">\n<langSet xml:lang="fr">\n<tig><term>puce</tig>\n</langSet>\n</termEntry>`);
    const err = tbxError(() => readTbx(unclosed));
    expect(err.message).toMatch(/malformed XML/);
    expect(err.message).toMatch(/^Line \d+: /);
    expect(err.line).toBe(7);
    expect(tbxError(() => readTbx('<martif><text><body>')).message).toMatch(/malformed XML.*unclosed tag/);
    expect(tbxError(() => readTbx('')).message).toMatch(/malformed XML/);
    expect(tbxError(() => readTbx(doc('<termEntry id="a">&nbsp;</termEntry>'))).message).toMatch(/undefined entity/);
  });

  it('refuses a root other than martif or tbx', () => {
    const err = tbxError(() => readTbx('<?xml version="1.0"?>\n<html><text><body/></text></html>'));
    expect(err.message).toMatch(/root element is <html>/);
    expect(err.message).toMatch(/<martif>/);
    expect(err.line).toBe(2);
  });

  it('refuses a language other than French or English and names it', () => {
    const err = tbxError(() =>
      readTbx(doc(`<termEntry id="a"><langSet xml:lang="de"><tig><term>Chip</term></tig></langSet></termEntry>`)),
    );
    expect(err.message).toMatch(/"de"/);
    expect(err.message).toMatch(/"a"/);
    expect(err.message).toMatch(/^Line 5: /);
  });

  it('refuses an entry without an id', () => {
    expect(tbxError(() => readTbx(doc(`<termEntry>${frTig('puce')}</termEntry>`))).message).toMatch(/^Line 5: .*no id/);
    expect(tbxError(() => readTbx(doc(`<termEntry id="  ">${frTig('puce')}</termEntry>`))).message).toMatch(/no id/);
  });

  it('refuses duplicate ids', () => {
    const dup = doc(`<termEntry id="chip">${frTig('puce')}</termEntry>\n<termEntry id="chip">${frTig('jeton')}</termEntry>`);
    const err = tbxError(() => readTbx(dup));
    expect(err.message).toMatch(/duplicate entry id "chip"/);
    expect(err.message).toMatch(/line 5/);
    expect(err.line).toBe(6);
  });

  it('refuses input over 10 MB, counting UTF-8 bytes', () => {
    const big = doc(`<!--${' '.repeat(10 * 1024 * 1024)}-->`);
    expect(tbxError(() => readTbx(big)).message).toMatch(/10 MB/);
    // 5.5 million "é" are under 10 million UTF-16 units but 11 million UTF-8 bytes.
    const wide = doc(`<!--${'é'.repeat(5_500_000)}-->`);
    expect(wide.length).toBeLessThan(10 * 1024 * 1024);
    expect(tbxError(() => readTbx(wide)).message).toMatch(/10 MB/);
  });

  it('refuses other bad shapes clearly', () => {
    expect(
      tbxError(() =>
        readTbx(doc(`<termEntry id="a"><langSet xml:lang="fr"><tig><term>x</term><termNote type="administrativeStatus">bestTerm</termNote></tig></langSet></termEntry>`)),
      ).message,
    ).toMatch(/administrativeStatus "bestTerm"/);
    expect(tbxError(() => readTbx(doc(`<termEntry id="a">${frTig('')}</termEntry>`))).message).toMatch(/empty <term>/);
    expect(tbxError(() => readTbx(doc(`<termEntry id="a">${frTig('x')}${frTig('y')}</termEntry>`))).message).toMatch(/second <langSet> for "fr"/);
    expect(tbxError(() => readTbx('<martif><body/></martif>')).message).toMatch(/no <text>/);
    expect(tbxError(() => readTbx(`<martif>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</martif>`)).message).toMatch(/nested/);
  });
});
