/// The shapes of automatic checks: a flag (a likely machine-translation error at a place in a
/// French paragraph), the registry's description of a rule, and what a check run reads.

import type { TermIndex } from "../glossary/term-index";

/// How serious a flagged error would be (MQM severities).
export type FlagSeverity = "minor" | "major" | "critical";

/// A likely error at a place in a French paragraph.
export interface Flag {
  /// Index of the French paragraph (counting from 0).
  paragraph: number;
  /// UTF-16 offset of the flagged text in the NFC paragraph.
  start: number;
  /// UTF-16 offset just past it (exclusive).
  end: number;
  /// Id of the rule that raised the flag (see `ruleRegistry`).
  rule: string;
  /// MQM category id, as in lib/corrections/categories.ts.
  category: string;
  /// The rule's severity.
  severity: FlagSeverity;
  /// The message: a full i18next key (`checks.messages.…`) and the values it interpolates.
  message: { key: string; params: Record<string, string | number> };
  /// Text to put in place of `start`..`end`, where the rule knows one.
  replacement?: string;
  /// What each side says, for the reader ("English has 2019; French has 2018").
  evidence?: { en?: string; fr?: string };
  /// The glossary entry a terminology flag is about.
  entry?: string;
}

/// A rule as the registry describes it.
export interface RuleInfo {
  /// Stable id, "family/name" ("typography/space-before-punctuation").
  id: string;
  /// MQM category of its flags.
  category: string;
  /// Default severity of its flags.
  severity: FlagSeverity;
  /// Whether the rule runs unless switched off (rules measured under 50 % precision are off).
  defaultOn: boolean;
  /// The engine the rule needs, when it needs one: without it the rule raises nothing.
  engine?: "grammalecte" | "speller";
  /// Whether the rule needs the aligned English paragraph.
  needsEnglish?: boolean;
  /// Whether the rule needs a glossary.
  needsGlossary?: boolean;
}

/// The text to check: French paragraphs, their English rendering, and how they align.
export interface CheckInput {
  fr: string[];
  en?: string[];
  /// Paragraph beads (indices into `fr` and `en`); default one to one.
  pairs?: Array<{ fr: number[]; en: number[] }>;
}

/// A spelling dictionary, answering synchronously. The server prepares one for a batch of
/// paragraphs (server/checks/speller.ts) from the words `spellingQueries` lists.
export interface Speller {
  /// Whether `word` (a single word, no spaces; may hold hyphens) is a French word. `undefined`
  /// when the speller was not asked about it (then the word is not flagged).
  isKnown(word: string): boolean | undefined;
}

/// One error Grammalecte reported, offsets already in UTF-16 units of the NFC paragraph.
export interface GrammarError {
  paragraph: number;
  start: number;
  end: number;
  /// Grammalecte's rule id ("g3__gn_les_1m__b3_a1_1") and type ("gn", "conj", "nbsp"…).
  ruleId: string;
  type: string;
  /// Grammalecte's own message (French).
  message: string;
  suggestions: string[];
}

/// The results of one Grammalecte run over the document's paragraphs.
export type GrammarFlags = GrammarError[];

/// An accepted fix the learned rule generalises: `wrong` became `right` in `context`.
export interface LearnedFix {
  wrong: string;
  right: string;
  /// The paragraph text (or the words around the fix) where it was made.
  context?: string;
  /// Id of the suggestion that made it, for the message.
  suggestion?: number | string;
  /// The accepted fix's MQM category and severity: the learned flags take them (default: the
  /// rule's own).
  category?: string;
  severity?: FlagSeverity;
}

/// An open suggestion: the learned rule does not flag a span that one already fixes the same way.
export interface OpenProposal {
  paragraph: number;
  start: number;
  end: number;
  inserted: string;
}

/// What the rules may consult besides the text.
export interface CheckEnvironment {
  glossary?: TermIndex;
  speller?: Speller;
  grammar?: GrammarFlags;
  /// Accepted fixes for the learned rule.
  learned?: LearnedFix[];
  /// Open suggestions (the learned rule skips spans that carry the same fix).
  openProposals?: OpenProposal[];
}

/// Options of `checkDocument`.
export interface CheckOptions {
  /// Rule ids to switch off (on top of the rules off by default).
  disabled?: string[];
  /// Rule ids to switch on although they are off by default.
  enabled?: string[];
  /// Only these French paragraphs (indices); flags of other paragraphs are not produced.
  only?: number[];
}
