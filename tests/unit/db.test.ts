import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { deleteDB } from 'idb';
import { DB_VERSION, DatasetService, openCache, readCards, seedCache } from '@/lib/db';
import { computeDatasetVersion, getBundledDataset } from '@/lib/dataset/bundle';
import type { Dataset } from '@/lib/dataset/schema';
import { createV1Cache } from '../fixtures/db/v1';
import { createV2Cache } from '../fixtures/db/v2';

const bundle = getBundledDataset();
const { dataset, version } = bundle;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A copy of the dataset with one position's summary changed (a new dataset version). */
function editedDataset(): { dataset: Dataset; version: string } {
  const copy: Dataset = structuredClone(dataset);
  copy.positions[0]!.summary = 'Edited summary.';
  return { dataset: copy, version: computeDatasetVersion(copy) };
}

describe('seeding', () => {
  it('seeds every record in one go, with working indexes', async () => {
    const db = await openCache();
    expect(await seedCache(db, dataset, version)).toBe(true);
    expect(await db.count('positions')).toBe(dataset.positions.length);
    expect(await db.count('entities')).toBe(4);
    expect(await db.count('topics')).toBe(dataset.topics.length);
    expect((await db.get('meta', 'datasetVersion'))?.value).toBe(version);
    const lecun = await db.getAllFromIndex('positions', 'by-entity', 'yann-lecun');
    expect(lecun.length).toBe(dataset.positions.filter((p) => p.entityId === 'yann-lecun').length);
    db.close();
  });

  it('is idempotent for the same version', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    expect(await seedCache(db, dataset, version)).toBe(false);
    expect(await db.count('positions')).toBe(dataset.positions.length);
    db.close();
  });

  it('re-seeds when the dataset version changes, replacing stale rows', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    await db.put('positions', { ...dataset.positions[0]!, id: 'stale-row' });
    const edited = editedDataset();
    expect(edited.version).not.toBe(version);
    expect(await seedCache(db, edited.dataset, edited.version)).toBe(true);
    expect(await db.get('positions', 'stale-row')).toBeUndefined();
    expect((await db.get('positions', dataset.positions[0]!.id))?.summary).toBe('Edited summary.');
    db.close();
  });

  it('reports progress while seeding', async () => {
    const db = await openCache();
    const seen: number[] = [];
    await seedCache(db, dataset, version, { onProgress: (written) => seen.push(written) });
    const total =
      dataset.entities.length +
      dataset.sources.length +
      dataset.topics.length +
      dataset.positions.length;
    expect(seen.at(-1)).toBe(total);
    db.close();
  });
});

describe('queries', () => {
  it('keeps only the indexes cards read, and they answer by entity and about an entity', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    const positions = db.transaction('positions').store;
    expect([...positions.indexNames].sort()).toEqual(['by-about', 'by-entity']);
    for (const e of dataset.entities) {
      const own = await positions.index('by-entity').getAllKeys(e.id);
      expect(own.sort()).toEqual(
        dataset.positions
          .filter((p) => p.entityId === e.id)
          .map((p) => p.id)
          .sort(),
      );
      const about = await positions.index('by-about').getAllKeys(e.id);
      expect(about.sort()).toEqual(
        dataset.positions
          .filter((p) => p.about?.includes(e.id))
          .map((p) => p.id)
          .sort(),
      );
    }
    expect(dataset.positions.some((p) => p.about?.includes('elon-musk'))).toBe(true);
    db.close();
  });

  it('filters card data by enabled sources, keeping multi-source positions with their enabled sources', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    const multi = dataset.positions.find((p) => p.sourceIds.length > 1)!;
    const off = multi.sourceIds[0]!;
    const [card] = await readCards(db, [multi.entityId], { disabledSources: [off] });
    const shown = [...card!.positions, ...card!.about].find((p) => p.id === multi.id);
    expect(shown?.sourceIds).toEqual(multi.sourceIds.filter((s) => s !== off));
    const onlyOff = dataset.positions.filter(
      (p) => p.entityId === multi.entityId && p.sourceIds.length === 1 && p.sourceIds[0] === off,
    );
    for (const p of onlyOff) expect(card!.positions.some((q) => q.id === p.id)).toBe(false);
    expect(card!.sources.some((s) => s.id === off)).toBe(false);
    db.close();
  });

  it('returns no card for a disabled entity and an empty card when every source is off', async () => {
    const db = await openCache();
    await seedCache(db, dataset, version);
    expect(
      await readCards(db, ['xai'], { disabledSources: [], disabledEntities: ['xai'] }),
    ).toEqual([]);
    const [card] = await readCards(db, ['vinod-khosla'], {
      disabledSources: dataset.sources.map((s) => s.id),
    });
    expect(card?.entity.displayName).toBe('Vinod Khosla');
    expect(card?.positions).toEqual([]);
    expect(card?.total).toBe(0);
    db.close();
  });
});

describe('nothing lost, never blank', () => {
  it('answers from the bundle when a cached row is corrupt, then rebuilds the cache', async () => {
    const service = new DatasetService(() => bundle);
    await service.ensureSeeded();
    const db = await openCache();
    const musk = dataset.positions.find((p) => p.entityId === 'elon-musk')!;
    // Still indexed under Musk, but no longer a valid position.
    await db.put('positions', { ...musk, kind: 'rumour', sourceIds: 'none' } as never);
    db.close();
    const first = await service.cards(['elon-musk'], { disabledSources: [] });
    expect(first.from).toBe('bundle');
    expect(first.value[0]?.entity.displayName).toBe('Elon Musk');
    expect(service.lastError).toMatch(/invalid rows/);
    await service.settled();
    const second = await service.cards(['elon-musk'], { disabledSources: [] });
    expect(second.from).toBe('cache');
    expect(second.value).toEqual(first.value);
  });

  it('recovers when the database was deleted', async () => {
    const service = new DatasetService(() => bundle);
    await service.ensureSeeded();
    await deleteDB('factcards');
    const first = await service.dataset();
    expect(first.value.positions.length).toBe(dataset.positions.length);
    await service.settled();
    const second = await service.dataset();
    expect(second.from).toBe('cache');
    expect(second.value.positions.length).toBe(dataset.positions.length);
  });

  it('answers from the bundle while an upgrade is blocked by an old connection, and upgrades once it closes', async () => {
    await createV1Cache(indexedDB, { entities: [], sources: [], positions: [], version: 'old' });
    // An old copy of the extension holding v1 open, deaf to versionchange.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('factcards', 1);
      req.onsuccess = () => resolve(req.result);
    });
    const service = new DatasetService(() => bundle, { timeoutMs: 500 });
    const first = await service.cards(['yann-lecun'], { disabledSources: [] });
    expect(first.from).toBe('bundle');
    expect(first.value[0]?.positions.length).toBeGreaterThan(0);
    expect(service.lastError).toMatch(/blocked|timed out/);
    old.close();
    await service.settled();
    const second = await service.cards(['yann-lecun'], { disabledSources: [] });
    expect(second.from).toBe('cache');
  });

  it('upgrades a version-1 cache (fixture) and re-seeds it', async () => {
    await createV1Cache(indexedDB, {
      entities: dataset.entities,
      sources: dataset.sources,
      positions: dataset.positions.slice(0, 3),
      version,
    });
    const db = await openCache();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('topics');
    expect([...db.transaction('positions').store.indexNames].sort()).toEqual([
      'by-about',
      'by-entity',
    ]);
    // The v1 rows lack what v2 reads, so the upgrade forgets the seeded version.
    expect(await db.get('meta', 'datasetVersion')).toBeUndefined();
    expect(await seedCache(db, dataset, version)).toBe(true);
    expect(await db.count('positions')).toBe(dataset.positions.length);
    db.close();
  });

  it('upgrades a version-2 cache (fixture): drops the unread indexes and keeps the seeded rows', async () => {
    await createV2Cache(indexedDB, { ...dataset, version });
    const db = await openCache();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('positions').store.indexNames].sort()).toEqual([
      'by-about',
      'by-entity',
    ]);
    // The rows did not change between v2 and v3: the cache stays seeded and answers cards.
    expect((await db.get('meta', 'datasetVersion'))?.value).toBe(version);
    expect(await seedCache(db, dataset, version)).toBe(false);
    expect(await db.count('positions')).toBe(dataset.positions.length);
    const [card] = await readCards(db, ['elon-musk'], { disabledSources: [] });
    expect(card?.entity.displayName).toBe('Elon Musk');
    expect(card?.positions.length).toBe(
      dataset.positions.filter((p) => p.entityId === 'elon-musk').length,
    );
    expect(card?.about.length).toBeGreaterThan(0);
    db.close();
  });

  it('creates the same schema from scratch as by upgrading each old version', async () => {
    const schemaOf = async () => {
      const db = await openCache();
      const stores = [...db.objectStoreNames].sort();
      const indexes = [...db.transaction('positions').store.indexNames].sort();
      db.close();
      return { version: db.version, stores, indexes };
    };
    const fresh = await schemaOf();
    globalThis.indexedDB = new IDBFactory();
    await createV1Cache(indexedDB, { entities: [], sources: [], positions: [], version: 'old' });
    expect(await schemaOf()).toEqual(fresh);
    globalThis.indexedDB = new IDBFactory();
    await createV2Cache(indexedDB, {
      entities: [],
      sources: [],
      topics: [],
      positions: [],
      version: 'old',
    });
    expect(await schemaOf()).toEqual(fresh);
  });

  it('keeps user settings apart from the cache: a rebuild leaves extension storage alone', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { disabledSources: ['benzinga-2024'] } });
    const service = new DatasetService(() => bundle);
    await service.ensureSeeded();
    await service.rebuild();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { disabledSources: ['benzinga-2024'] },
    });
  });
});
