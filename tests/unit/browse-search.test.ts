/**
 * Search as you type on a generated 10,000-position dataset. No absolute time is asserted (CI
 * machines differ); costs are compared within one run: a keystroke against the bare substring
 * scan every search must do, and against rebuilding the index each time. The measured times
 * are printed for the report.
 */
import { describe, expect, it } from 'vitest';
import { buildBrowseModel } from '@/lib/browse/model';
import { BrowseSearch } from '@/lib/browse/search';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { buildSearchIndex, foldForSearch, type SearchIndex } from '@/lib/dataset/query';
import type { Dataset, Position } from '@/lib/dataset/schema';

const { dataset } = getBundledDataset();

/** A deterministic generator (mulberry32), so every run searches the same text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 positions written from the real dataset's words, entities, topics and sources. */
function syntheticDataset(count = 10_000): Dataset {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = dataset.positions
    .flatMap((p) => `${p.summary} ${p.quote ?? ''}`.split(/\s+/))
    .filter(Boolean);
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const positions: Position[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(['quote', 'paraphrase', 'fact'] as const);
    positions.push({
      id: `synthetic-${i}`,
      entityId: pick(dataset.entities).id,
      topic: pick(dataset.topics).id,
      kind,
      summary: sentence(18 + Math.floor(next() * 20)),
      ...(kind === 'quote' ? { quote: sentence(12 + Math.floor(next() * 30)) } : {}),
      date: `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 9)}`,
      sourceIds: [pick(dataset.sources).id],
      salience: 1 + Math.floor(next() * 3),
    });
  }
  return { ...dataset, positions };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The floor: one pass of `includes` per query word over pre-folded text, nothing else. */
function bareScan(index: SearchIndex, query: string): number {
  const terms = foldForSearch(query).trim().split(' ');
  let n = 0;
  for (const { haystack } of index.entries) if (terms.every((t) => haystack.includes(t))) n++;
  return n;
}

/** Runs `fn` for every prefix of `typed` (one call per keystroke); returns the per-keystroke times. */
function typeInto(typed: string, fn: (query: string) => unknown): number[] {
  const times: number[] = [];
  for (let i = 1; i <= typed.length; i++) {
    const t0 = performance.now();
    fn(typed.slice(0, i));
    times.push(performance.now() - t0);
  }
  return times;
}

describe('search on 10,000 positions', () => {
  const big = syntheticDataset();
  const model = buildBrowseModel(big, { disabledSources: [] });
  const typed = 'open source models';

  it('indexes all 10,000 and finds what a plain scan finds', () => {
    expect(model.positions).toHaveLength(10_000);
    const search = new BrowseSearch(model);
    search.warm();
    const index = buildSearchIndex({ ...big, sources: model.sources });
    for (let i = 1; i <= typed.length; i++) {
      const query = typed.slice(0, i);
      if (!query.trim()) continue;
      expect(search.search(query).total).toBe(bareScan(index, query));
    }
  });

  it('costs a keystroke about what the bare substring scan costs, and far less than re-indexing', () => {
    const index = buildSearchIndex({ ...big, sources: model.sources });
    // Warm up the JIT on every path, then measure several rounds and keep the medians.
    const search = new BrowseSearch(model);
    search.warm();
    typeInto(typed, (q) => search.search(q));
    typeInto(typed, (q) => bareScan(index, q));
    const ours: number[] = [];
    const floor: number[] = [];
    for (let round = 0; round < 5; round++) {
      search.search('');
      ours.push(...typeInto(typed, (q) => search.search(q)));
      floor.push(...typeInto(typed, (q) => bareScan(index, q)));
    }
    const reindexOnce = median(
      Array.from(
        { length: 3 },
        () => typeInto('x', () => buildSearchIndex({ ...big, sources: model.sources }))[0]!,
      ),
    );
    const perKeystroke = median(ours);
    const scan = median(floor);
    console.log(
      `[browse-search] 10,000 positions: median ${perKeystroke.toFixed(2)} ms per keystroke (max ${Math.max(...ours).toFixed(2)} ms), ` +
        `bare scan ${scan.toFixed(2)} ms, rebuilding the index ${reindexOnce.toFixed(1)} ms`,
    );
    // Narrowing to the previous hits makes typing on cheaper than a full scan; allow noise.
    expect(perKeystroke).toBeLessThan(scan * 2 + 0.5);
    expect(reindexOnce).toBeGreaterThan(perKeystroke * 5);
  });

  it('renders at most a bounded number of results however broad the query', async () => {
    const { visibleResults, RESULTS_PER_ENTITY } = await import('@/lib/browse/search');
    const results = new BrowseSearch(model).search('e');
    expect(results.total).toBeGreaterThan(5000);
    const rendered = results.groups.reduce((n, g) => n + visibleResults(g, false).length, 0);
    expect(rendered).toBeLessThanOrEqual(RESULTS_PER_ENTITY * model.entities.length);
  });
});
