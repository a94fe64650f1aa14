/// Helpers for the end-to-end tests: waiting for React to take over server-rendered pages, and
/// reading what a reader sees (colours once transitions end, boxes on screen).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

export const SEED = "deepseek-containment";

/// Each wait gives up well inside a test's time, so a failure says what it waited for.
export const WAIT_MS = 8_000;

/// A new context (its own cookies) with the reader's keyboard listener made observable: the
/// Reader adds a window `keydown` listener once hydrated, and the tests wait for it before
/// pressing keys (a key pressed earlier would be lost, as it is for a real reader).
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  context.setDefaultTimeout(WAIT_MS);
  await context.addInitScript(() => {
    const w = window as unknown as { __keydownListeners: number };
    w.__keydownListeners = 0;
    const add = window.addEventListener;
    window.addEventListener = function (this: Window, ...args: Parameters<typeof window.addEventListener>) {
      if (args[0] === "keydown") w.__keydownListeners++;
      return add.apply(this, args);
    } as typeof window.addEventListener;
  });
  return context;
}

/// Waits until React has hydrated the element (its props are attached to the DOM node), so that
/// clicks and submits reach their handlers rather than the bare HTML.
export async function hydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    },
    selector,
    { timeout: WAIT_MS },
  );
}

/// Waits until the reader is hydrated and listening to the keyboard.
export async function readerReady(page: Page): Promise<void> {
  await hydrated(page, ".reader .layout-switch button");
  await page.waitForFunction(() => (window as unknown as { __keydownListeners: number }).__keydownListeners > 0, undefined, {
    timeout: WAIT_MS,
  });
}

/// The element's background colour once its transitions have finished.
export async function settledBackground(page: Page, selector: string): Promise<string> {
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      if (el.getAnimations().some((a) => a.playState === "running")) return null;
      return getComputedStyle(el).backgroundColor;
    },
    selector,
    { timeout: WAIT_MS },
  );
  return (await handle.jsonValue()) as string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The element's box on the page, failing if it is not displayed.
export async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not displayed`);
  return b;
}

/// Whether two boxes share part of their horizontal range.
export const overlapX = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width;

/// The id of the focused element, the current row and the URL's hash, in one look.
export async function readerState(page: Page): Promise<{ focused: string; current: string[]; hash: string }> {
  return page.evaluate(() => ({
    focused: document.activeElement?.id ?? "",
    current: [...document.querySelectorAll(".row.current")].map((r) => r.id),
    hash: location.hash,
  }));
}

/// One production server and one Chromium for a test file: started before its tests, stopped
/// after them. Read `env.server` and `env.browser` inside tests and hooks. `serverEnv` adds to the
/// server's environment.
export function serverAndBrowser(serverEnv: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(serverEnv), launchChromium()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/// Selects `phrase` (standing inside one text node) within the first element matching
/// `selector`, as a mouse drag would; fails when it is not there.
export async function selectText(page: Page, selector: string, phrase: string): Promise<void> {
  const found = await page.evaluate(
    ([sel, text]) => {
      const root = document.querySelector(sel);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    },
    [selector, phrase] as const,
  );
  if (!found) throw new Error(`"${phrase}" is not in one text node of ${selector}`);
  // Selections are taken from the document (selectionchange).
  await page.waitForFunction((text) => getSelection()?.toString() === text, phrase, { timeout: WAIT_MS });
}

/// Saves a screenshot under $SHOTS_DIR (when set), to look at what a test drove.
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
}

/// Selects `phrase` inside the open editor of a row, as a mouse drag would.
export function selectInEditor(page: Page, row: string, phrase: string): Promise<void> {
  return selectText(page, `#${row} [data-testid=suggestion-editor]`, phrase);
}
