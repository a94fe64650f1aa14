/// `node --conditions=react-server --import tsx bench/checks/debug.ts`: every flag of the
/// annotated set that points at no error (FP), and every annotated error its rule misses (MISS).
import { checkDocument, ruleRegistry } from "../../lib/checks";
import { annotatedSet, environmentFor, pointsAt, projectGlossary } from "./measure";

const glossary = projectGlossary();
for (const doc of annotatedSet()) {
  const { env } = await environmentFor(doc, glossary);
  const flags = checkDocument({ fr: doc.fr, en: doc.en }, env, { enabled: ruleRegistry.map((r) => r.id) });
  for (const f of flags) {
    if (doc.errors.some((e) => pointsAt(f, e))) continue;
    console.log("FP", f.rule, f.paragraph, JSON.stringify(doc.fr[f.paragraph]!.slice(f.start, f.end)), f.message.params.message ?? "", f.replacement ?? "");
  }
  for (const e of doc.errors) {
    if (!e.rule || flags.some((f) => f.rule === e.rule && pointsAt(f, e))) continue;
    console.log("MISS", e.rule, e.paragraph, JSON.stringify(doc.fr[e.paragraph]!.slice(e.start, e.end)));
  }
}
