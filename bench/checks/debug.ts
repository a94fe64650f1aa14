import { annotatedSet, environmentFor, projectGlossary, pointsAt } from "./measure";
import { checkDocument, ruleRegistry } from "../../lib/checks";
const g = projectGlossary();
for (const doc of annotatedSet()) {
  const { env } = await environmentFor(doc, g);
  const flags = checkDocument({ fr: doc.fr, en: doc.en }, env, { enabled: ruleRegistry.map((r) => r.id) });
  for (const f of flags) if (!doc.errors.some((e) => pointsAt(f, e))) console.log("FP", f.rule, f.paragraph, JSON.stringify(doc.fr[f.paragraph]!.slice(f.start, f.end)), f.message.params.message ?? "", f.replacement ?? "");
  for (const e of doc.errors) if (e.rule && !flags.some((f) => f.rule === e.rule && pointsAt(f, e))) console.log("MISS", e.rule, e.paragraph, JSON.stringify(doc.fr[e.paragraph]!.slice(e.start, e.end)), flags.filter(f=>f.paragraph===e.paragraph).map(f=>f.rule).join(","));
}
