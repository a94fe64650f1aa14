/// Aligns the preview's paragraphs off the page's thread, telling it how far it has gone.
import { alignTexts } from "@/lib/corpus/alignment";

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e: MessageEvent<{ fr: string[]; en: string[] }>) => {
  let last = -1;
  const beads = alignTexts(e.data.fr, e.data.en, (done, total) => {
    const percent = total ? Math.floor((100 * done) / total) : 100;
    if (percent !== last) scope.postMessage({ type: "progress", percent });
    last = percent;
  });
  scope.postMessage({ type: "done", beads });
};
