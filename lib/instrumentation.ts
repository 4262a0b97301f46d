/**
 * Timing marks for tests and benchmarks, present only in the instrumented build
 * (`npm run build:instrumented`: `FACTCARDS_INSTRUMENTED=1`, see wxt.config.ts, which writes it
 * to `.output/<browser>-mv<N>-instrumented/`). In the store build `INSTRUMENTED` is the
 * constant `false`, so every call below is dead code the bundler drops: a page cannot learn from
 * its performance timeline that the extension is there, nor which card its reader opened
 * (docs/DESIGN.md contract 6).
 */

/** Whether this build records User Timing entries. */
export const INSTRUMENTED: boolean = import.meta.env.FACTCARDS_INSTRUMENTED === true;

/**
 * Records a User Timing measure in the instrumented build; does nothing in the store build.
 * Never throws: a page that replaces `performance` must not break the extension.
 */
export function recordMeasure(
  perf: Performance,
  name: string,
  options: { start: number; duration?: number; end?: number; detail?: unknown },
): void {
  if (!INSTRUMENTED) return;
  try {
    perf.measure(name, options);
  } catch {
    // A page that overrides `performance` must not break scanning or the card.
  }
}

/** Records a User Timing mark in the instrumented build; does nothing in the store build. */
export function recordMark(perf: Performance, name: string, detail?: unknown): void {
  if (!INSTRUMENTED) return;
  try {
    perf.mark(name, { detail });
  } catch {
    // See recordMeasure.
  }
}
