/// A hash table from words to what is known about them, which can be probed with a slice of a
/// longer text (`find(text, start, end)`) without cutting the slice out: scanning a text then
/// allocates nothing for the words it has seen before.

/// FNV-1a hash of the UTF-16 code units `text[start..end)`.
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/// Words → values, probed by range.
export class WordCache<V> {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private values: (V | undefined)[];
  private mask: number;
  /// Number of words stored.
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Array(cap).fill(undefined);
    this.hashes = new Int32Array(cap);
    this.values = new Array(cap).fill(undefined);
    this.mask = cap - 1;
  }

  /// The value of the word `text[start..end)` whose hash is `hash`, if stored.
  find(text: string, start: number, end: number, hash: number): V | undefined {
    const len = end - start;
    let i = hash & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === undefined) return undefined;
      if (this.hashes[i] === hash && k.length === len && text.startsWith(k, start)) return this.values[i];
      i = (i + 1) & this.mask;
    }
  }

  /// Store `value` for `word` (whose hash is `hash`); the word must not be stored yet.
  add(word: string, hash: number, value: V): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let i = hash & this.mask;
    while (this.keys[i] !== undefined) i = (i + 1) & this.mask;
    this.keys[i] = word;
    this.hashes[i] = hash;
    this.values[i] = value;
    this.size++;
  }

  /// Forget every word.
  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.size = 0;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    const cap = (this.mask + 1) * 2;
    this.keys = new Array(cap).fill(undefined);
    this.hashes = new Int32Array(cap);
    this.values = new Array(cap).fill(undefined);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) this.add(k, hashes[i]!, values[i]!);
    }
  }
}
