import { measure, measurementMarkdown } from "./measure";
const m = await measure();
console.log(measurementMarkdown(m));
