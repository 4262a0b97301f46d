/**
 * Hover intent, as Wikipedia's Page Previews does it: a card opens only after the pointer rests
 * on a mention for the dwell delay, stays while the pointer is on the mention or the card, and
 * closes a grace period after it leaves both. Timers are injected so tests can drive it.
 */

export interface IntentTimers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
}

export interface IntentOptions<M> {
  dwellMs: () => number;
  /** @default 300 */
  graceMs?: number;
  /** Shows a mention's card; `focus` when it was opened from the keyboard. */
  open: (mention: M, focus: boolean) => void;
  close: () => void;
  same?: (a: M, b: M) => boolean;
  timers: IntentTimers;
}

export class HoverIntent<M> {
  private dwellTimer: number | undefined;
  private graceTimer: number | undefined;
  private candidate: M | undefined;
  private current: M | undefined;
  private pinned = false;

  constructor(private readonly opts: IntentOptions<M>) {}

  private same(a: M | undefined, b: M | undefined): boolean {
    if (a === undefined || b === undefined) return a === b;
    return this.opts.same ? this.opts.same(a, b) : a === b;
  }

  /** The mention whose card is open, if any. */
  get openMention(): M | undefined {
    return this.current;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** Reports where the pointer is: over a mention (or none), and whether over the card. */
  pointer(mention: M | undefined, overCard: boolean): void {
    const { timers } = this.opts;
    // Dwell: start on a new mention, keep on the same one, cancel when off every mention.
    if (mention === undefined || overCard) {
      timers.clearTimeout(this.dwellTimer);
      this.dwellTimer = undefined;
      this.candidate = undefined;
    } else if (!this.same(mention, this.candidate) && !this.same(mention, this.current)) {
      timers.clearTimeout(this.dwellTimer);
      this.candidate = mention;
      this.dwellTimer = timers.setTimeout(() => {
        this.dwellTimer = undefined;
        this.candidate = undefined;
        this.show(mention);
      }, this.opts.dwellMs());
    }
    if (this.current === undefined) return;
    // Resting on another mention: its dwell decides (switch the card), not the grace period.
    const staying = overCard || mention !== undefined;
    if (staying || this.pinned) {
      timers.clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
    } else if (this.graceTimer === undefined) {
      this.graceTimer = timers.setTimeout(() => {
        this.graceTimer = undefined;
        this.hide();
      }, this.opts.graceMs ?? 300);
    }
  }

  /** Opens a card at once (keyboard command, click trigger); `focus` moves focus into it. */
  show(mention: M, focus = false): void {
    this.opts.timers.clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.current = mention;
    this.opts.open(mention, focus);
  }

  /** Closes the card and forgets the pin. */
  hide(): void {
    const { timers } = this.opts;
    timers.clearTimeout(this.graceTimer);
    timers.clearTimeout(this.dwellTimer);
    this.graceTimer = this.dwellTimer = undefined;
    this.candidate = undefined;
    if (this.current === undefined) return;
    this.current = undefined;
    this.pinned = false;
    this.opts.close();
  }

  /** Pins or unpins the open card; a pinned card ignores the pointer leaving. */
  setPinned(pinned: boolean): void {
    this.pinned = pinned && this.current !== undefined;
    if (this.pinned) {
      this.opts.timers.clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
    }
  }
}
