/**
 * Matcher scaling (docs/DESIGN.md budget "aliases 13 → 10,000: ≤ 1.3× scan cost, same page"):
 * `npx vitest bench --run tests/bench/matcher.bench.ts`. Compares the real config with a
 * 10,000-alias one on the same ~1 MB of news-like text, and prints the ratios.
 */
import { afterAll, bench, describe } from 'vitest';
import { compileMatcher, detectMentions, mightContainMention } from '../../lib/detect';
import { newsBlocks, realConfig, syntheticConfig } from './matcher.fixtures';

const real = compileMatcher(realConfig);
const big = compileMatcher(syntheticConfig(10_000));
/** About 1 MB with a name in 5% of sentences (real names only: synthetic ones never occur). */
const blocks = newsBlocks(1_000_000);
/** About 1 MB without any name: the common page. */
const clean = newsBlocks(1_000_000, 0);
const cleanText = clean.join('\n');

const options = { time: 2000, warmupTime: 300 };

describe('detectMentions, 1 MB with mentions', () => {
  bench('real aliases', () => void detectMentions(blocks, real), options);
  bench('10,000 aliases', () => void detectMentions(blocks, big), options);
});

describe('detectMentions, 1 MB without mentions', () => {
  bench('real aliases', () => void detectMentions(clean, real), options);
  bench('10,000 aliases', () => void detectMentions(clean, big), options);
});

describe('mightContainMention, 1 MB without mentions', () => {
  bench('real aliases', () => void mightContainMention(cleanText, real), options);
  bench('10,000 aliases', () => void mightContainMention(cleanText, big), options);
});

/**
 * vitest prints each group's "x times faster"; this adds the ratio the budget speaks of, from
 * interleaved runs (so machine noise hits both sides alike), as medians.
 */
afterAll(() => {
  const timeOnce = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const rows: [string, () => void, () => void][] = [
    [
      'detect, with mentions',
      () => detectMentions(blocks, real),
      () => detectMentions(blocks, big),
    ],
    ['detect, no mentions', () => detectMentions(clean, real), () => detectMentions(clean, big)],
    [
      'mightContainMention',
      () => mightContainMention(cleanText, real),
      () => mightContainMention(cleanText, big),
    ],
  ];
  for (const [name, a, b] of rows) {
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < 41; i++) {
      ta.push(timeOnce(a));
      tb.push(timeOnce(b));
    }
    const mid = (t: number[]) => t.sort((x, y) => x - y)[t.length >> 1] ?? NaN;
    const [ma, mb] = [mid(ta), mid(tb)];
    console.log(
      `${name}: real ${ma.toFixed(2)} ms, 10,000 aliases ${mb.toFixed(2)} ms per MB → ratio ${(mb / ma).toFixed(2)}×`,
    );
  }
});
