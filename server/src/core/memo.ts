/**
 * Results of pure functions of a text, remembered by the text's content.
 * After an edit the parser builds new objects for every message of the file,
 * but all texts but one are the same strings as before: keyed by content,
 * their language and protected ranges are not computed again.
 */

/** Bumped by {@link TextMemo.forgetAll}: every memo drops what it knows on its next use. */
let forgotten = 0;

/**
 * A memo with two generations: a result used in the current generation is
 * kept, one not used for a whole generation is dropped. Bounded to about
 * twice `limit` entries, so a long editing session never grows it.
 */
export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private epoch = forgotten;

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit = 50_000,
    /** longer texts (a base64 image in an .lg card) are computed each time rather than kept alive */
    private readonly maxLength = 4_000,
  ) {}

  /** Makes every memo start empty, so that a benchmark measures a first check, not a re-check. */
  static forgetAll(): void {
    forgotten++;
  }

  get(text: string): V {
    if (this.epoch !== forgotten) {
      this.epoch = forgotten;
      this.current = new Map();
      this.previous = new Map();
    }
    if (text.length > this.maxLength) return this.compute(text);
    const hit = this.current.get(text);
    if (hit !== undefined || this.current.has(text)) return hit as V;
    const value = this.previous.has(text) ? (this.previous.get(text) as V) : this.compute(text);
    this.current.set(text, value);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    return value;
  }
}
