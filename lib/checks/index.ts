/// Automatic checks that point correctors at likely machine-translation errors: the rule
/// registry, the document check, and what the server needs to prepare the engines' results.
export * from "./types";
export { activeRules, checkDocument, ruleInfo, ruleRegistry } from "./registry";
export { spellingQueries, splitQueries, wordListSpeller, dictionaryForm } from "./rules/spelling";
export { grammarFamily, GRAMMAR_FAMILIES, GRAMMAR_IGNORED } from "./rules/grammar";
export { glossaryFindings, recommendedTerm, type GlossaryFinding, type GlossaryRule } from "./rules/glossary";
export { learnedPatterns } from "./rules/learned";
export { numbersIn, formatFrench, type NumberMention } from "./numbers";
