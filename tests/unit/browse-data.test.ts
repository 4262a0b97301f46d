import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataset, readCacheAsSeeded, type LoadedDataset } from '@/lib/browse/data';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { openCache, seedCache } from '@/lib/db';

const { dataset, version } = getBundledDataset();

/** Runs loadDataset and collects every answer; verification runs when `verifyNow` is called. */
async function load() {
  const answers: LoadedDataset[] = [];
  let pending: (() => void) | undefined;
  await loadDataset((d) => answers.push(d), { verify: (task) => (pending = task) });
  return {
    answers,
    async verifyNow() {
      pending?.();
      // The check loads the bundle chunk and may read through DatasetService.
      for (let i = 0; i < 50 && answers.length < 2; i++)
        await new Promise((r) => setTimeout(r, 10));
    },
    verifies: () => pending !== undefined,
  };
}

describe('loading the dataset for extension pages', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('answers from the cache, then checks it against the bundle without a second answer', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    db.close();
    const run = await load();
    expect(run.answers).toHaveLength(1);
    expect(run.answers[0]?.from).toBe('cache');
    expect(run.answers[0]?.value.positions).toHaveLength(dataset.positions.length);
    expect(run.verifies()).toBe(true);
    await run.verifyNow();
    expect(run.answers).toHaveLength(1);
  });

  it('replaces a cache seeded with another version by the service’s answer', async () => {
    const db = await openCache();
    const old = { ...dataset, positions: dataset.positions.slice(0, 3) };
    await seedCache(db, old, 'an-older-version');
    db.close();
    const run = await load();
    expect(run.answers[0]).toMatchObject({ from: 'cache' });
    expect(run.answers[0]?.value.positions).toHaveLength(3);
    await run.verifyNow();
    expect(run.answers).toHaveLength(2);
    expect(run.answers[1]?.from).toBe('bundle');
    expect(run.answers[1]?.value.positions).toHaveLength(dataset.positions.length);
    // The service rebuilds the cache from the bundle; wait for it (so it cannot touch the next test).
    let seeded: string | undefined;
    for (let i = 0; i < 100 && seeded !== version; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seeded = (await readCacheAsSeeded())?.version;
    }
    expect(seeded).toBe(version);
  });

  it('falls back to the bundle through DatasetService when the cache is empty', async () => {
    const run = await load();
    expect(run.answers).toHaveLength(1);
    expect(run.answers[0]?.from).toBe('bundle');
    expect(run.verifies()).toBe(false);
  });

  it('does not trust invalid rows', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    await db.put('positions', { id: 'broken', entityId: 42 } as never);
    db.close();
    expect(await readCacheAsSeeded()).toBeUndefined();
    const run = await load();
    expect(run.answers[0]?.from).toBe('bundle');
  });
});
