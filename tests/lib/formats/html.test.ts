import { describe, expect, it } from "vitest";
import { htmlBlocks, webPageParagraphs } from "../../../lib/formats/html";

/// A saved news page: site menu, header, article with headings and a list, sidebar, footer,
/// scripts and event handlers in the markup.
const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Containment, explained | The Weekly</title>
<script>window.dataLayer = []; document.write("tracking");</script><style>body { color: red }</style></head>
<body onload="steal()">
<header class="site-header"><a href="/">The Weekly</a><nav><ul><li><a href="/news">News</a></li><li><a href="/about">About us</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>
<article>
<h1>Containment, explained</h1>
<p class="byline">By A. Writer</p>
<p>The United States restricted exports of the most advanced chips to China in 2022, and widened the list a year later. <img src="x" onerror="alert(1)">The rules were meant to slow China's progress in artificial intelligence.</p>
<h2>What DeepSeek did</h2>
<p>DeepSeek trained a model that rivals the best American ones, for a fraction of the cost.<script>alert("inside")</script> It says it used 2,048 chips.</p>
<ul><li>A training run of 5.6 million dollars;</li><li>a model that others can download.</li></ul>
<blockquote><p>“We closed the performance gap,” the company wrote.</p></blockquote>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten recipes for autumn</a></li><li><a href="/b">Markets today</a></li></ul></aside>
</main>
<footer><p>© 2025 The Weekly. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body></html>`;

describe("saved web pages", () => {
  const paragraphs = webPageParagraphs(page);

  it("keeps the article's text, headings as paragraphs of their own", () => {
    expect(paragraphs[0]).toBe("Containment, explained");
    expect(paragraphs).toContain("What DeepSeek did");
    expect(paragraphs).toContain(
      "The United States restricted exports of the most advanced chips to China in 2022, and widened the list a year later. The rules were meant to slow China's progress in artificial intelligence.",
    );
    expect(paragraphs).toContain("DeepSeek trained a model that rivals the best American ones, for a fraction of the cost. It says it used 2,048 chips.");
    expect(paragraphs).toContain("A training run of 5.6 million dollars;");
    expect(paragraphs).toContain("“We closed the performance gap,” the company wrote.");
  });

  it("leaves out the menus, sidebars and footer", () => {
    const all = paragraphs.join("\n");
    for (const furniture of ["Subscribe", "About us", "Ten recipes", "Most read", "All rights reserved", "Privacy"]) expect(all).not.toContain(furniture);
  });

  it("never lets a script, a style or an event handler survive", () => {
    const all = paragraphs.join("\n");
    for (const hostile of ["alert", "dataLayer", "tracking", "steal", "color: red", "<", "onerror"]) expect(all).not.toContain(hostile);
  });

  it("gives the page's title first when the article has no heading", () => {
    const bare = `<html><head><title>Un titre</title></head><body><div><p>Un seul paragraphe de texte, assez long pour être lu comme un article par Readability.</p></div></body></html>`;
    expect(webPageParagraphs(bare)[0]).toBe("Un titre");
  });
});

describe("HTML blocks", () => {
  it("cuts text at block boundaries, reads table rows and treats line breaks as spaces", () => {
    expect(htmlBlocks("<p>un<br>deux</p><div>trois<p>quatre</p>cinq</div><table><tr><th>a</th><td>b</td></tr></table>")).toEqual(["un deux", "trois", "quatre", "cinq", "a | b"]);
  });
});
