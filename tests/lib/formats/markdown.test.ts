import { describe, expect, it } from "vitest";
import { markdownParagraphs } from "../../../lib/formats/markdown";

const readme = `---
# Le contrôle des exportations

Les États-Unis ont **restreint** l'exportation des [puces](https://example.org/puces)
les plus avancées, *puis* ont élargi la liste.

## Ce que DeepSeek a fait

- Un modèle \`V3\` entraîné pour 5,6 M$ ;
- une *distillation* assumée.

> « Nous avons comblé l'écart », dit l'article.

<div class="ad"><script>alert("x")</script>Publicité</div>

![Un graphique des coûts](cout.png)
`;

describe("Markdown", () => {
  it("keeps headings as paragraphs of their own and drops inline markup, keeping its text", () => {
    expect(markdownParagraphs(readme)).toEqual([
      "Le contrôle des exportations",
      "Les États-Unis ont restreint l'exportation des puces les plus avancées, puis ont élargi la liste.",
      "Ce que DeepSeek a fait",
      "Un modèle V3 entraîné pour 5,6 M$ ;",
      "une distillation assumée.",
      "« Nous avons comblé l'écart », dit l'article.",
      "Un graphique des coûts",
    ]);
  });

  it("never lets raw HTML through", () => {
    expect(markdownParagraphs("Texte <script>alert(1)</script> fin.\n\n<p onclick=x>bloc</p>\n").join(" ")).not.toMatch(/script|onclick|<|>/);
  });

  it("turns each line of a code block into a paragraph", () => {
    expect(markdownParagraphs("```\nligne un\n\nligne deux\n```\n")).toEqual(["ligne un", "ligne deux"]);
  });
});
