/// `node --conditions=react-server --import tsx bench/checks/report.ts [--write-floors]`: the
/// precision and recall table alone (bench/checks/debug.ts lists the false alarms and misses
/// behind it). With --write-floors, bench/checks/floors.json takes the figures reached, which
/// tests/bench/checks/measure.test.ts then keeps from dropping.
import { writeFileSync } from "node:fs";
import { floorsOf, measure, measurementMarkdown } from "./measure";

const m = await measure();
console.log(measurementMarkdown(m));
if (process.argv.includes("--write-floors")) {
  writeFileSync(new URL("./floors.json", import.meta.url), JSON.stringify(floorsOf(m), null, 2) + "\n");
  console.log("bench/checks/floors.json written");
}
