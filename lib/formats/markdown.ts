/// Markdown to paragraphs through mdast (micromark's syntax tree): headings, paragraphs, list
/// items, quotes, table rows and code blocks each become paragraphs of their own; inline markup
/// is dropped, keeping its text.
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, Parents } from "mdast";
import { nfc } from "../text/paragraphs";

/// The paragraphs of a Markdown text, in reading order.
export function markdownParagraphs(markdown: string): string[] {
  const out: string[] = [];
  const push = (text: string) => {
    const p = nfc(text.replace(/\s+/gu, " ").trim());
    if (p) out.push(p);
  };
  const visit = (node: Nodes) => {
    switch (node.type) {
      case "heading":
      case "paragraph":
        push(inlineText(node));
        return;
      case "code":
        for (const line of node.value.split(/\r\n|\n|\r/)) push(line);
        return;
      case "tableRow":
        push(node.children.map((cell) => inlineText(cell)).filter(Boolean).join(" | "));
        return;
      case "html":
      case "thematicBreak":
      case "definition":
        return;
      default:
        if ("children" in node) for (const child of (node as Parents).children) visit(child as Nodes);
    }
  };
  visit(fromMarkdown(markdown));
  return out;
}

/// The text of inline content: text and code as written, images by their description, hard
/// breaks as spaces, raw HTML left out.
function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "image":
      return node.alt ?? "";
    case "break":
      return " ";
    case "html":
      return "";
    default:
      return "children" in node ? (node as Parents).children.map((c) => inlineText(c as Nodes)).join("") : "";
  }
}
