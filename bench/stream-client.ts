/// A small live-stream (Server-Sent Events) client for the load benchmark: holds one stream open
/// and records the ids and types of the events it hears, in order.
export class StreamClient {
  readonly ids: number[] = [];
  readonly types: string[] = [];
  /// Ids that arrived out of order (never expected).
  disorder = 0;
  private abort = new AbortController();
  private ready: () => void = () => {};

  private constructor(private readonly onEvent?: (id: number, type: string) => void) {}

  /// Opens the stream at `url`; resolves once the server's first frame (`retry:`) has arrived,
  /// which it sends once it listens for news (the headers alone may come earlier).
  static async open(url: string, headers: Record<string, string> = {}, onEvent?: (id: number, type: string) => void): Promise<StreamClient> {
    const client = new StreamClient(onEvent);
    const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: client.abort.signal });
    if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    client.ready = ready;
    void client.read(res.body.getReader());
    await started;
    return client;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (/^retry: /m.test(frame)) this.ready();
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          if (id === undefined || type === undefined) continue;
          const n = Number(id);
          if (this.ids.length > 0 && n <= this.ids.at(-1)!) this.disorder++;
          this.ids.push(n);
          this.types.push(type);
          this.onEvent?.(n, type);
        }
      }
    } catch {
      /* closed */
    }
  }

  close(): void {
    this.abort.abort();
  }
}
