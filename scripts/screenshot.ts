/// Takes screenshots of the reader in real Chromium: `npm run screenshot [-- OUT_DIR]` (default: a
/// folder under the system's temporary directory).
/// Starts the built app on a free port with a fresh database; writes PNGs at a laptop size
/// (1366×768) and a phone size (390×844), in the English and the French interface.
/// docs/reader.png, the README's picture, is the first of them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../tests/support/browser";
import { startServer } from "../tests/support/server";

const outDir = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), "vis-a-vis-screenshots"));
const shots = [
  { name: "reader-1366-en", width: 1366, height: 768, lang: "en", page: "/documents/deepseek-containment" },
  { name: "reader-1366-fr", width: 1366, height: 768, lang: "fr", page: "/documents/deepseek-containment" },
  { name: "reader-390-en", width: 390, height: 844, lang: "en", page: "/documents/deepseek-containment" },
  { name: "home-1366-fr", width: 1366, height: 768, lang: "fr", page: "/" },
  { name: "glossary-1366-fr", width: 1366, height: 768, lang: "fr", page: "/glossary" },
  { name: "entry-390-en", width: 390, height: 844, lang: "en", page: "/glossary/export-controls" },
];

const server = await startServer();
const browser = await launchChromium();
try {
  fs.mkdirSync(outDir, { recursive: true });
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height } });
    await context.addCookies([{ name: "lang", value: shot.lang, url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url + shot.page);
    if (shot.page.startsWith("/documents/")) await page.hover("#p-2 .cell.fr");
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
  fs.copyFileSync(path.join(outDir, `${shots[0].name}.png`), path.resolve("docs/reader.png"));
} finally {
  await browser.close();
  await server.stop();
}
