/// `node --conditions=react-server --import tsx bench/checks/report.ts`: the precision and recall
/// table alone (bench/checks/debug.ts lists the false alarms and the misses behind it).
import { measure, measurementMarkdown } from "./measure";

console.log(measurementMarkdown(await measure()));
