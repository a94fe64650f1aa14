/// The edges of the term trie: an open-addressing hash table from (node, word id) to child
/// node, in typed arrays. A `Map` keyed by `node × words + id` would need keys beyond the small
/// integers V8 stores unboxed, and boxing a number per lookup costs more than the lookup.

/// A hash table from pairs of non-negative 31-bit integers to non-negative 31-bit integers.
export class EdgeTable {
  private nodes: Int32Array;
  private words: Int32Array;
  private children: Int32Array;
  private mask: number;
  /// Number of edges stored.
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.nodes = new Int32Array(cap).fill(-1);
    this.words = new Int32Array(cap);
    this.children = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(node: number, word: number): number {
    let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(word + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /// The child of `node` along `word`, or -1.
  get(node: number, word: number): number {
    let i = this.slot(node, word);
    for (;;) {
      const k = this.nodes[i]!;
      if (k === -1) return -1;
      if (k === node && this.words[i] === word) return this.children[i]!;
      i = (i + 1) & this.mask;
    }
  }

  /// Store the child of `node` along `word` (replacing any).
  set(node: number, word: number, child: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let i = this.slot(node, word);
    for (;;) {
      const k = this.nodes[i]!;
      if (k === -1) {
        this.nodes[i] = node;
        this.words[i] = word;
        this.children[i] = child;
        this.size++;
        return;
      }
      if (k === node && this.words[i] === word) {
        this.children[i] = child;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /// Bytes held by the table's arrays.
  get bytes(): number {
    return this.nodes.byteLength * 3;
  }

  private grow(): void {
    const { nodes, words, children } = this;
    const cap = (this.mask + 1) * 2;
    this.nodes = new Int32Array(cap).fill(-1);
    this.words = new Int32Array(cap);
    this.children = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i] !== -1) this.set(nodes[i]!, words[i]!, children[i]!);
    }
  }
}
