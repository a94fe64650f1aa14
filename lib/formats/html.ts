/// HTML to paragraphs. A saved web page goes through Mozilla's Readability first, so that only
/// the article's text is kept (not its menus, sidebars or footers); then every block (heading,
/// paragraph, list item, quote, table row, caption) becomes a paragraph. Only text comes out:
/// scripts, styles and markup never survive.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { nfc } from "../text/paragraphs";

/// Elements whose content is never text of the document.
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "CANVAS", "HEAD", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "FORM"]);
/// Elements that start a paragraph of their own.
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);
/// Page furniture left out when Readability finds no article.
const FURNITURE = new Set(["NAV", "HEADER", "FOOTER", "ASIDE"]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/// The paragraphs of an HTML fragment or page, block by block, without Readability.
export function htmlBlocks(html: string): string[] {
  return fragmentBlocks(html).map((b) => b.text);
}

function fragmentBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockTexts(document.body as unknown as DomNode, false);
}

/// The paragraphs of a saved web page: its title first (unless the article starts with it),
/// then the article's blocks. A page where Readability finds no article gives its body's blocks
/// minus navigation, headers, footers and sidebars.
export function webPageParagraphs(html: string): string[] {
  const { document } = parseHTML(html);
  const pageTitle = clean(document.title ?? "");
  // The article's own heading, read before Readability rearranges the page: a title such as
  // "Containment, explained | The Weekly" is that heading plus the site's name.
  const heading = clean((document.querySelector("h1") as { textContent: string | null } | null)?.textContent ?? "");
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 0, keepClasses: false }).parse();
  } catch {
    article = null;
  }
  let blocks: Block[];
  let title = pageTitle;
  if (article?.content) {
    blocks = fragmentBlocks(article.content);
    title = clean(article.title ?? "") || pageTitle;
  } else {
    const { document: fresh } = parseHTML(html);
    blocks = blockTexts((fresh.body ?? fresh.documentElement) as unknown as DomNode, true);
  }
  if (heading && title.includes(heading)) title = heading;
  const paragraphs = blocks.map((b) => b.text);
  // A page whose article opens with its own heading has its title already.
  if (title && !blocks[0]?.heading && paragraphs[0] !== title) paragraphs.unshift(title);
  return paragraphs;
}

function clean(text: string): string {
  return nfc(text.replace(/\s+/gu, " ").trim());
}

interface Block {
  text: string;
  heading: boolean;
}

const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);

/// Walks the tree, cutting text into paragraphs at block boundaries.
function blockTexts(root: DomNode, skipFurniture: boolean): Block[] {
  const out: Block[] = [];
  let buffer = "";
  let heading = false;
  const flush = () => {
    const p = clean(buffer);
    if (p) out.push({ text: p, heading });
    buffer = "";
    heading = false;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || (skipFurniture && FURNITURE.has(name))) return;
    if (name === "BR") {
      buffer += " ";
      return;
    }
    if (name === "IMG") return;
    const block = BLOCKS.has(name);
    if (block) flush();
    if (name === "TR") {
      const cells: string[] = [];
      for (const cell of Array.from(node.childNodes)) {
        const text = blockTexts(cell, skipFurniture).map((b) => b.text).join(" ");
        if (text) cells.push(text);
      }
      buffer = cells.join(" | ");
      flush();
      return;
    }
    if (HEADINGS.has(name)) heading = true;
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
