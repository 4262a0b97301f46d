/**
 * Time slices for the scanner's work on the page's main thread: short slices (no task of ours
 * near the 50 ms of a long task), the first one in idle time, the next ones as soon as the page
 * has had its turn, so a pass on an idle page ends soon after its work does.
 */

/** How long one slice works before it yields, in ms. */
export const SLICE_MS = 8;

type PostTask = (callback: () => void, options: { priority: 'background' }) => Promise<unknown>;

/** One pass's slices: its busy time, and when to yield. */
export interface Slices {
  /** Whether the current slice has used its time. */
  overdue(): boolean;
  /** Ends the slice and resumes in a new task. */
  pause(): Promise<void>;
  /** Ends the last slice; returns the pass's busy time (idle gaps excluded), in ms. */
  finish(): number;
}

/** Creates the slice clock for one pass. */
export function createSlices(win: Window & typeof globalThis, sliceMs = SLICE_MS): Slices {
  const perf = win.performance;
  let start = perf.now();
  let busy = 0;
  const post = (win as unknown as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  const nextTask = (): Promise<void> =>
    new Promise((resolve) => {
      if (typeof post === 'function') {
        // Background priority: after the page's own input and rendering, without idle periods.
        void post.call((win as unknown as { scheduler: unknown }).scheduler, resolve, {
          priority: 'background',
        });
      } else if (typeof win.MessageChannel === 'function') {
        const channel = new win.MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(undefined);
      } else win.setTimeout(resolve, 0);
    });
  return {
    overdue: () => perf.now() - start > sliceMs,
    async pause() {
      busy += perf.now() - start;
      await nextTask();
      start = perf.now();
    },
    finish() {
      busy += perf.now() - start;
      return busy;
    },
  };
}

/** Waits for idle time (or a short timeout on a busy page) before a pass begins. */
export function idle(win: Window & typeof globalThis): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => resolve(), { timeout: 300 });
    else win.setTimeout(resolve, 0);
  });
}
