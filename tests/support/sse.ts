/// A Server-Sent Events client for tests, on plain fetch streaming: the text/event-stream is
/// parsed here (fields id, event, data, retry; comments ignored), so the tests see exactly what
/// the server sent, frame by frame.

export interface SseEvent {
  /// The `id:` field, or undefined for an event sent without one (presence).
  id: number | undefined;
  event: string;
  /// The parsed JSON of the `data:` lines.
  data: any;
}

export class SseStream {
  readonly events: SseEvent[] = [];
  /// The `retry:` the server asked for, once seen.
  retry: number | null = null;
  /// Event types not to record (a test about corrections leaves the checks' events aside).
  ignore: ((event: string) => boolean) | null = null;
  private buffer = "";
  private waiters = new Set<() => void>();
  private done = false;
  private failure: unknown = null;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly controller: AbortController,
  ) {}

  /// Opens the stream and waits for the server's first frame (`retry:`), which it sends once it
  /// listens for news: changes made after this resolves are seen.
  static async open(url: string, headers: Record<string, string> = {}, timeoutMs = 5_000, ignore: SseStream["ignore"] = null): Promise<SseStream> {
    const controller = new AbortController();
    const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
    const stream = new SseStream(res.status, res.headers, controller);
    stream.ignore = ignore;
    if (res.status !== 200 || !res.body) {
      controller.abort();
      throw new Error(`GET ${url} answered ${res.status}: ${await res.text().catch(() => "")}`);
    }
    void stream.pump(res.body);
    await stream.until(() => stream.retry !== null, timeoutMs, "the stream's first frame (retry:)");
    return stream;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        this.parse();
      }
    } catch (e) {
      if (!this.controller.signal.aborted) this.failure = e;
    } finally {
      this.done = true;
      this.wake();
    }
  }

  private parse() {
    for (;;) {
      const m = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!m) break;
      const block = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      let id: string | undefined;
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r\n|\n|\r/)) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "retry") this.retry = Number(value);
      }
      if (data.length > 0 && !this.ignore?.(event)) {
        this.events.push({ id: id === undefined ? undefined : Number(id), event, data: JSON.parse(data.join("\n")) });
      }
    }
    this.wake();
  }

  private wake() {
    for (const w of this.waiters) w();
  }

  /// Waits until `check` holds, checking after every frame; fails after `timeoutMs` saying what
  /// it waited for and what arrived.
  until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const test = () => {
        if (check()) return finish(resolve);
        if (this.failure) return finish(() => reject(this.failure));
        if (this.done) return finish(() => reject(new Error(`the stream ended while waiting for ${what}; received ${this.describe()}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${what} within ${timeoutMs} ms; received ${this.describe()}`))), timeoutMs);
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(test);
        then();
      };
      this.waiters.add(test);
      test();
    });
  }

  /// Waits until at least `count` events have arrived in all; returns them.
  async waitForCount(count: number, timeoutMs = 3_000): Promise<SseEvent[]> {
    await this.until(() => this.events.length >= count, timeoutMs, `${count} events`);
    return this.events.slice();
  }

  /// Waits for the first event (from index `from`) that matches; returns it.
  async waitFor(match: (e: SseEvent) => boolean, timeoutMs = 3_000, what = "matching event", from = 0): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await this.until(() => !!(found = this.events.slice(from).find(match)), timeoutMs, what);
    return found!;
  }

  /// The stored events received (those with an id).
  stored(): SseEvent[] {
    return this.events.filter((e) => e.id !== undefined);
  }

  /// The id of the last stored event received, or null.
  lastId(): number | null {
    return this.stored().at(-1)?.id ?? null;
  }

  describe(): string {
    return JSON.stringify(this.events.map((e) => `${e.id ?? "-"}:${e.event}`));
  }

  /// Disconnects (as a browser closing the page) and waits until the stream has ended here.
  async close(): Promise<void> {
    this.controller.abort();
    await this.until(() => this.done, 2_000, "the end of the stream").catch(() => {});
  }
}
