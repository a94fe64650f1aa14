"use client";
/// Runs the aligner for the import preview in a Web Worker, so that the page stays responsive
/// and shows a progress bar; where workers are unavailable, on the page's thread.
import { alignTexts, type AlignedBead } from "@/lib/corpus/alignment";

export function alignInBackground(fr: string[], en: string[], onProgress: (percent: number) => void): Promise<AlignedBead[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    const fallback = () =>
      setTimeout(() => {
        try {
          resolve(alignTexts(fr, en));
        } catch (e) {
          reject(e);
        }
      }, 0);
    try {
      worker = new Worker(new URL("./align.worker.ts", import.meta.url));
    } catch {
      return fallback();
    }
    worker.onmessage = (e: MessageEvent<{ type: "progress"; percent: number } | { type: "done"; beads: AlignedBead[] }>) => {
      if (e.data.type === "progress") onProgress(e.data.percent);
      else {
        resolve(e.data.beads);
        worker.terminate();
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      fallback();
    };
    worker.postMessage({ fr, en });
  });
}
