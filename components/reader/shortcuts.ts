/// Every keyboard shortcut of the document page, for the "?" panel: a key added anywhere in the
/// reader, the review or the editor is listed here too, with its locale key under
/// `shortcuts.action`.
export interface Shortcut {
  keys: string[];
  action: string;
}

export const SHORTCUTS: ReadonlyArray<{ section: "reader" | "review" | "editor"; shortcuts: Shortcut[] }> = [
  {
    section: "reader",
    shortcuts: [
      { keys: ["j", "↓"], action: "nextParagraph" },
      { keys: ["k", "↑"], action: "previousParagraph" },
      { keys: ["d"], action: "nextDoubtfulBead" },
      { keys: ["?"], action: "help" },
      { keys: ["Esc"], action: "closeCard" },
    ],
  },
  {
    section: "review",
    shortcuts: [
      { keys: ["e"], action: "correct" },
      { keys: ["h"], action: "history" },
      { keys: ["n"], action: "nextSuggestion" },
      { keys: ["p"], action: "previousSuggestion" },
      { keys: ["]"], action: "nextTodo" },
      { keys: ["["], action: "previousTodo" },
      { keys: ["a"], action: "accept" },
      { keys: ["r"], action: "reject" },
      { keys: ["c"], action: "comment" },
    ],
  },
  {
    section: "editor",
    shortcuts: [
      { keys: ["Ctrl+Enter", "⌘+Enter"], action: "send" },
      { keys: ["Esc"], action: "cancel" },
      { keys: ["Ctrl+Z"], action: "undo" },
      { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], action: "redo" },
    ],
  },
];
