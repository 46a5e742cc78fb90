/**
 * Converts between the two ways of counting positions in a text: Unicode code
 * points (what selectors store, as the W3C model and other tools expect) and
 * UTF-16 code units (what JavaScript strings and approx-string-match use).
 * Built once per text; a text without astral characters takes the fast path.
 */
export class TextIndex {
  readonly text: string;
  /** UTF-16 offset of each code point, plus one past the end; null when the two counts agree. */
  private readonly unitOffsets: Uint32Array | null;
  readonly codePointLength: number;

  constructor(text: string) {
    this.text = text;
    if (!/[\uD800-\uDBFF]/.test(text)) {
      this.unitOffsets = null;
      this.codePointLength = text.length;
      return;
    }
    const offsets: number[] = [];
    for (let unit = 0; unit < text.length; unit += 1) {
      offsets.push(unit);
      const code = text.charCodeAt(unit);
      if (code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length) unit += 1;
    }
    offsets.push(text.length);
    this.unitOffsets = Uint32Array.from(offsets);
    this.codePointLength = offsets.length - 1;
  }

  /** The UTF-16 offset of a code-point offset (clamped to the text). */
  toUnit(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.codePointLength));
    return this.unitOffsets ? this.unitOffsets[clamped]! : clamped;
  }

  /** The code-point offset of a UTF-16 offset (rounded down to a code point start). */
  toCodePoint(unit: number): number {
    if (!this.unitOffsets) return Math.max(0, Math.min(unit, this.text.length));
    let low = 0;
    let high = this.codePointLength;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.unitOffsets[middle]! <= unit) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}
