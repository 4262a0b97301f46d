// Pure helpers of the scan benchmark: medians, formatting, and turning the raw entries a page
// recorded (long tasks, long animation frames, mark samples) into the figures of the table.
// Tested by tests/bench/stats.test.mjs (`npm run bench:selftest`).

/** Median of the finite numbers in `xs` (NaN when there is none). */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds with 3 significant figures or so; '–' when unknown. */
export const ms = (x) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–';
/** A ratio as `1.23×` ('–' when unknown). */
export const ratio = (x) =>
  Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×` : '–';
/** Bytes or characters as KB / MB (decimal). */
export const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`);
/** PASS / MISS, or n/a when the figure could not be measured. */
export const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');

/** Entries (`{ start, duration }`) that overlap the window [from, to]. */
export const overlapping = (entries, from, to) =>
  entries.filter((t) => t.start < to && t.start + t.duration > from);

/** Whether a long animation frame ran script of an extension (LoAF script attribution). */
export const hasExtensionScript = (frame) =>
  frame.scripts.some((s) => typeof s.url === 'string' && s.url.startsWith('chrome-extension:'));

/**
 * Long tasks "of ours" over a set of runs: in each run, the long tasks overlapping its scan
 * windows with the extension minus those in the same windows of one load without it, plus the
 * long animation frames in those windows whose scripts come from `chrome-extension://`; the worst
 * run counts.
 * @param {{ windows: [number, number][], longTasks: object[], frames: object[] }[]} runs
 * @param {{ longTasks: object[] }} baseline the page loaded without the extension, left alone
 * @returns {{ ours: number, withExt: number, without: number, extFrames: number }}
 */
export function longTasksOfOurs(runs, baseline) {
  let ours = 0;
  let withExt = 0;
  let without = 0;
  let extFrames = 0;
  for (const run of runs) {
    let a = 0;
    let b = 0;
    let f = 0;
    for (const [from, to] of run.windows) {
      a += overlapping(run.longTasks, from, to).length;
      b += overlapping(baseline.longTasks, from, to).length;
      f += overlapping(run.frames, from, to).filter(hasExtensionScript).length;
    }
    withExt = Math.max(withExt, a);
    without = Math.max(without, b);
    extFrames = Math.max(extFrames, f);
    ours = Math.max(ours, Math.max(0, a - b) + f);
  }
  return { ours, withExt, without, extFrames };
}

/**
 * What long animation frames (> 50 ms) in a window cost the browser: their number, the longest,
 * and the summed time of their rendering (from `renderStart`) and of style and layout (from
 * `styleAndLayoutStart`) to the frame's end.
 */
export function frameCost(frames, from, to) {
  const inside = overlapping(frames, from, to);
  let render = 0;
  let styleLayout = 0;
  let longest = 0;
  for (const f of inside) {
    const end = f.start + f.duration;
    if (f.renderStart > 0) render += end - f.renderStart;
    if (f.styleAndLayoutStart > 0) styleLayout += end - f.styleAndLayoutStart;
    longest = Math.max(longest, f.duration);
  }
  return { count: inside.length, longest, render, styleLayout };
}

/**
 * When marks appeared, from samples taken once per frame during a pass: each sample is
 * `{ t, inView, outOfView }`, the marks first seen in that frame inside and outside the viewport.
 * Times are relative to `passStart`. `viewportFirst`: every mark of the viewport was there no
 * later than the first mark outside it (frame resolution), and at least one mark was in view.
 */
export function markTimeline(samples, passStart) {
  let firstMark = NaN;
  let lastMark = NaN;
  let firstInView = NaN;
  let lastInView = NaN;
  let firstOut = NaN;
  let inView = 0;
  let outOfView = 0;
  for (const s of samples) {
    const t = s.t - passStart;
    if (s.inView + s.outOfView > 0) {
      if (!Number.isFinite(firstMark)) firstMark = t;
      lastMark = t;
    }
    if (s.inView > 0) {
      if (!Number.isFinite(firstInView)) firstInView = t;
      lastInView = t;
    }
    if (s.outOfView > 0 && !Number.isFinite(firstOut)) firstOut = t;
    inView += s.inView;
    outOfView += s.outOfView;
  }
  const viewportFirst =
    inView > 0 ? !Number.isFinite(firstOut) || lastInView <= firstOut : undefined;
  return {
    firstMark,
    lastMark,
    firstInView,
    lastInView,
    firstOut,
    inView,
    outOfView,
    viewportFirst,
  };
}

/**
 * Whether a per-character cost curve (ns per character by text length, ascending lengths) is
 * flat: the cost at the longest text is at most `tolerance` times the cheapest point before it.
 * A fixed per-call cost makes short texts dearer per character, which is not a growth; only a
 * cost that grows with length fails.
 * @param {{ chars: number, nsPerChar: number, skipped?: boolean }[]} curve
 */
export function flatness(curve, tolerance = 1.5) {
  // A length left out because the call before it took too long is a growth in itself.
  if (curve.some((p) => p.skipped)) return { growth: Infinity, flat: false };
  const points = curve.filter((p) => Number.isFinite(p.nsPerChar));
  if (points.length < 2) return { growth: NaN, flat: undefined };
  const last = points[points.length - 1];
  const cheapest = Math.min(...points.slice(0, -1).map((p) => p.nsPerChar));
  const growth = last.nsPerChar / cheapest;
  return { growth, flat: growth <= tolerance };
}
