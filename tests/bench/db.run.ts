/**
 * `npm run bench:db`: seeds a generated dataset of 10,000 positions and 500 entities and the
 * bundled one into IndexedDB (fake-indexeddb in Node), times seeding and the queries the
 * extension runs, and prints each figure next to the bundled dataset's as a ratio.
 */
import { it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DatasetService, openCache, readCachedDataset, readCards, seedCache } from '@/lib/db';
import { computeDatasetVersion, getBundledDataset } from '@/lib/dataset/bundle';
import { buildSearchIndex } from '@/lib/dataset/query';
import { BrowseSearch } from '@/lib/browse/search';
import type { Dataset } from '@/lib/dataset/schema';

/** A deterministic synthetic dataset with the bundled one's shape. */
function generate(entityCount: number, positionCount: number): Dataset {
  const base = getBundledDataset().dataset;
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const words =
    'open research model safety compute science policy scale agents data press truth risk market'.split(
      ' ',
    );
  const entities = Array.from({ length: entityCount }, (_, i) => ({
    ...base.entities[i % base.entities.length]!,
    id: `entity-${i}`,
    displayName: `Person ${i}`,
    aliases: [{ text: `Person ${i}`, strength: 'strong' as const, caseSensitive: false }],
  }));
  const positions = Array.from({ length: positionCount }, (_, i) => ({
    id: `position-${i}`,
    entityId: pick(entities).id,
    topic: pick(base.topics).id,
    kind: pick(['quote', 'paraphrase', 'fact'] as const),
    summary: Array.from({ length: 14 }, () => pick(words)).join(' '),
    quote: Array.from({ length: 10 }, () => pick(words)).join(' '),
    reportedBy: 'A reporter',
    about: rand() < 0.3 ? [pick(entities).id] : undefined,
    date: '2024-05-29',
    sourceIds: [pick(base.sources).id],
    salience: 1 + Math.floor(rand() * 3),
  }));
  return { entities, sources: base.sources, topics: base.topics, positions };
}

async function time<T>(fn: () => Promise<T> | T, runs = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function measure(dataset: Dataset) {
  globalThis.indexedDB = new IDBFactory();
  const version = computeDatasetVersion(dataset);
  const db = await openCache();
  const t0 = performance.now();
  await seedCache(db, dataset, version);
  const seed = performance.now() - t0;
  const someEntity = dataset.positions[0]!.entityId;
  const results: Record<string, number> = {
    'seed (one transaction)': seed,
    'card for one entity': await time(() => readCards(db, [someEntity], { disabledSources: [] })),
    'read whole dataset (validated)': await time(() => readCachedDataset(db, version), 3),
    'build search index': await time(() => buildSearchIndex(dataset)),
  };
  const search = new BrowseSearch(dataset);
  search.warm();
  // The empty query first, so each run searches the whole index rather than narrowing the last hits.
  results['search one query'] = await time(() => {
    search.search('');
    return search.search('open research');
  }, 11);
  db.close();
  return {
    results,
    counts: `${dataset.entities.length} entities, ${dataset.positions.length} positions`,
  };
}

it('measures seeding and queries: bundled vs 10,000 positions / 500 entities', async () => {
  const bundled = await measure(getBundledDataset().dataset);
  const big = await measure(generate(500, 10_000));
  const rows = Object.keys(bundled.results).map((name) => {
    const a = bundled.results[name] ?? 0;
    const b = big.results[name] ?? 0;
    return `| ${name} | ${a.toFixed(2)} ms | ${b.toFixed(2)} ms | ${(b / Math.max(a, 0.01)).toFixed(1)}× |`;
  });
  // Also the service end to end: a cold start that seeds and answers a card.
  globalThis.indexedDB = new IDBFactory();
  const service = new DatasetService(getBundledDataset);
  const cold = await time(async () => {
    globalThis.indexedDB = new IDBFactory();
    await service.rebuild();
    await service.cards(['elon-musk'], { disabledSources: [] });
  }, 3);
  console.log(
    [
      '',
      `IndexedDB cache (fake-indexeddb in Node; ratios are what matter) — bundled: ${bundled.counts}; generated: ${big.counts}`,
      '| operation | bundled | generated | ratio |',
      '|---|---|---|---|',
      ...rows,
      `| cold rebuild + first card (bundled) | ${cold.toFixed(2)} ms | | |`,
      '',
    ].join('\n'),
  );
});
