/// A growable list of 32-bit integers in a typed array: what the term index is built of, so that
/// tens of thousands of terms make a handful of arrays rather than hundreds of thousands of
/// small objects.

/// A list of int32 values that grows by doubling.
export class IntList {
  private data: Int32Array;
  /// Number of values.
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /// Append `value`; returns its index.
  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  /// The value at `i`.
  get(i: number): number {
    return this.data[i]!;
  }

  /// Replace the value at `i`.
  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /// The values, as an array of exactly `length` elements.
  toInt32Array(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /// The values as bytes (each must fit in 0..255).
  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.data.subarray(0, this.length));
  }
}
