/// Automatic checks that point correctors at likely machine-translation errors: the rule
/// registry, the document check, and what the server needs to prepare the engines' results.
///
/// Use: `checkDocument({ fr, en, pairs }, env, { disabled, only })` is pure and synchronous. The
/// engines run before it, on the server: `prepareSpeller(fr)` (server/checks/speller.ts: two
/// Hunspell runs for the whole batch) gives `env.speller`; `runGrammalecte(fr)`
/// (server/checks/grammalecte.ts: one Grammalecte run) gives `env.grammar`; the glossary's term
/// index is `env.glossary`; accepted fixes and open suggestions feed the learned rule
/// (`env.learned`, `env.openProposals`). A rule whose engine is missing raises nothing.
/// Flags' messages are i18next keys under `checks.messages` with their values.
export * from "./types";
export { activeRules, checkDocument, ruleInfo, ruleRegistry } from "./registry";
export { spellingQueries, splitQueries, wordListSpeller, dictionaryForm } from "./rules/spelling";
export { grammarFamily, GRAMMAR_FAMILIES, GRAMMAR_IGNORED } from "./rules/grammar";
export { glossaryFindings, recommendedTerm, type GlossaryFinding, type GlossaryRule } from "./rules/glossary";
export { learnedPatterns } from "./rules/learned";
export { numbersIn, formatFrench, type NumberMention } from "./numbers";
