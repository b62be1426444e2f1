// Offset → 1-based line/column. Columns count UTF-16 code units, like Monaco and the 8x8 API.
export class LineIndex {
  private readonly starts: number[];
  /** `starts`: offsets where lines begin, when already known (the position index collects them on its scan). */
  constructor(text: string, starts?: number[]) {
    if (starts) this.starts = starts;
    else {
      this.starts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
