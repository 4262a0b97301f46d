/**
 * The IndexedDB cache of the dataset (via `idb`). It is re-seedable: the bundle is the truth, and
 * the cache only makes queries cheap. Every read is validated; any failure (open error, blocked
 * upgrade, corrupt or missing rows) answers from the bundle in memory and schedules a rebuild.
 * User data (settings) lives in extension storage, apart from this cache, and survives rebuilds.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import * as z from 'zod/mini';
import {
  EntitySchema,
  PositionSchema,
  SourceSchema,
  TopicSchema,
  type Dataset,
  type Entity,
  type Position,
  type Source,
  type Topic,
} from './dataset/schema';
import { buildCard, cardsFromDataset, type CardData, type Filter } from './dataset/query';

export const DB_NAME = 'factcards';
/**
 * History: 1 = entities, sources, positions (by-entity), meta.
 *          2 = + topics store; positions indexed by topic, source and about-entity.
 *          3 = - the by-topic and by-source indexes (no query reads them; the popup filters the
 *              whole dataset in memory). The rows are unchanged, so no re-seed.
 */
export const DB_VERSION = 3;

export interface FactCardsDB extends DBSchema {
  meta: { key: string; value: { key: string; value: string | number } };
  entities: { key: string; value: Entity };
  sources: { key: string; value: Source };
  topics: { key: string; value: Topic };
  positions: {
    key: string;
    value: Position;
    // by-entity and by-about answer cards (readCards).
    indexes: { 'by-entity': string; 'by-about': string };
  };
}

export type CacheDb = IDBPDatabase<FactCardsDB>;
/** A store during an upgrade, by any index name: past steps name indexes later steps drop. */
type UntypedUpgradeStore = IDBPObjectStore<unknown, ArrayLike<string>, string, 'versionchange'>;
const STORES = ['meta', 'entities', 'sources', 'topics', 'positions'] as const;

/** Raised when the cache cannot be opened in time (for example a blocked upgrade). */
export class CacheUnavailableError extends Error {
  override name = 'CacheUnavailableError';
}

/**
 * Opens (and upgrades) the cache. Our connections close themselves when another context needs to
 * upgrade, so an upgrade is only blocked by an old copy; then this rejects after `timeoutMs`.
 */
export function openCache(
  options: { timeoutMs?: number; onBlocking?: () => void } = {},
): Promise<CacheDb> {
  const { timeoutMs = 3000 } = options;
  return new Promise<CacheDb>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CacheUnavailableError(`opening ${DB_NAME} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    openDB<FactCardsDB>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          db.createObjectStore('meta', { keyPath: 'key' });
          db.createObjectStore('entities', { keyPath: 'id' });
          db.createObjectStore('sources', { keyPath: 'id' });
          const positions = db.createObjectStore('positions', { keyPath: 'id' });
          positions.createIndex('by-entity', 'entityId');
        }
        if (oldVersion < 2) {
          db.createObjectStore('topics', { keyPath: 'id' });
          const positions = tx.objectStore('positions');
          // by-topic and by-source are gone from the schema (step 3): create them untyped.
          const untyped = positions as unknown as UntypedUpgradeStore;
          untyped.createIndex('by-topic', 'topic');
          untyped.createIndex('by-source', 'sourceIds', { multiEntry: true });
          positions.createIndex('by-about', 'about', { multiEntry: true });
          // Rows written by v1 lack fields v2 reads: forget the seeded version so it re-seeds.
          void tx.objectStore('meta').delete('datasetVersion');
        }
        if (oldVersion < 3) {
          // Every index costs a write per position at seeding; these two had no reader.
          const positions = tx.objectStore('positions') as unknown as UntypedUpgradeStore;
          for (const name of ['by-topic', 'by-source'])
            if (positions.indexNames.contains(name)) positions.deleteIndex(name);
        }
      },
      blocked() {
        clearTimeout(timer);
        reject(
          new CacheUnavailableError(`upgrade of ${DB_NAME} is blocked by another open connection`),
        );
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        options.onBlocking?.();
      },
      terminated() {
        options.onBlocking?.();
      },
    }).then(
      (db) => {
        clearTimeout(timer);
        resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new CacheUnavailableError(String(error)));
      },
    );
  });
}

/** Progress of a seed: rows written so far out of the total. */
export type SeedProgress = (written: number, total: number) => void;

/**
 * Writes the dataset into the cache in one transaction, replacing what was there, unless the
 * cache already holds this version. Idempotent. Returns whether it wrote.
 */
export async function seedCache(
  db: CacheDb,
  dataset: Dataset,
  version: string,
  options: { force?: boolean; onProgress?: SeedProgress } = {},
): Promise<boolean> {
  if (!options.force && (await db.get('meta', 'datasetVersion'))?.value === version) return false;
  const tx = db.transaction(STORES, 'readwrite');
  const total =
    dataset.entities.length +
    dataset.sources.length +
    dataset.topics.length +
    dataset.positions.length;
  let written = 0;
  const pending: Promise<unknown>[] = [];
  for (const name of ['entities', 'sources', 'topics', 'positions'] as const)
    pending.push(tx.objectStore(name).clear());
  pending.push(tx.objectStore('meta').delete('datasetVersion'));
  const put = <S extends 'entities' | 'sources' | 'topics' | 'positions'>(
    name: S,
    rows: FactCardsDB[S]['value'][],
  ) => {
    const store = tx.objectStore(name);
    for (const row of rows) {
      // Queue every put without awaiting each one: awaiting serialises the transaction.
      pending.push(
        store.put(row as never).then(() => {
          written++;
          if (options.onProgress && (written % 500 === 0 || written === total))
            options.onProgress(written, total);
        }),
      );
    }
  };
  put('entities', dataset.entities);
  put('sources', dataset.sources);
  put('topics', dataset.topics);
  put('positions', dataset.positions);
  pending.push(tx.objectStore('meta').put({ key: 'datasetVersion', value: version }));
  pending.push(tx.objectStore('meta').put({ key: 'seededAt', value: Date.now() }));
  await Promise.all([...pending, tx.done]);
  return true;
}

/** Raised when rows read back from the cache fail validation. */
export class CorruptCacheError extends Error {
  override name = 'CorruptCacheError';
}

function validated<T>(schema: z.ZodMiniType<T>, rows: unknown[], store: string): T[] {
  const parsed = z.array(schema).safeParse(rows);
  if (!parsed.success) throw new CorruptCacheError(`the cache's ${store} store holds invalid rows`);
  return parsed.data;
}

/** Reads the whole dataset back from the cache, validated; throws if any row is invalid. */
export async function readCachedDataset(db: CacheDb, expectedVersion: string): Promise<Dataset> {
  const version = (await db.get('meta', 'datasetVersion'))?.value;
  if (version !== expectedVersion)
    throw new CorruptCacheError(
      `the cache holds dataset ${String(version)}, not ${expectedVersion}`,
    );
  const tx = db.transaction(['entities', 'sources', 'topics', 'positions']);
  const [entities, sources, topics, positions] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('topics').getAll(),
    tx.objectStore('positions').getAll(),
  ]);
  return {
    entities: validated(EntitySchema, entities, 'entities'),
    sources: validated(SourceSchema, sources, 'sources'),
    topics: validated(TopicSchema, topics, 'topics'),
    positions: validated(PositionSchema, positions, 'positions'),
  };
}

/** Card data for entity ids, read through the cache's indexes. Throws on invalid rows. */
export async function readCards(
  db: CacheDb,
  entityIds: readonly string[],
  filter: Filter,
): Promise<CardData[]> {
  const tx = db.transaction(['entities', 'sources', 'topics', 'positions']);
  const positions = tx.objectStore('positions');
  const [allEntities, sources, topics] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('topics').getAll(),
  ]);
  const entities = validated(EntitySchema, allEntities, 'entities');
  const names = Object.fromEntries(entities.map((e) => [e.id, e.displayName]));
  const disabled = new Set(filter.disabledEntities ?? []);
  const cards: CardData[] = [];
  for (const id of entityIds) {
    const entity = entities.find((e) => e.id === id);
    if (!entity || disabled.has(id)) continue;
    const own = validated(
      PositionSchema,
      await positions.index('by-entity').getAll(id),
      'positions',
    );
    const about = validated(
      PositionSchema,
      await positions.index('by-about').getAll(id),
      'positions',
    );
    const refs = new Set(
      [...own, ...about].flatMap((p) => [...(p.respondsTo ?? []), ...(p.disputedBy ?? [])]),
    );
    const referenced = validated(
      PositionSchema,
      (await Promise.all([...refs].map((ref) => positions.get(ref)))).filter(
        (p) => p !== undefined,
      ),
      'positions',
    );
    const byId = new Map(referenced.map((p) => [p.id, p]));
    cards.push(
      buildCard(
        {
          entity,
          own,
          about,
          lookupPosition: (pid) => byId.get(pid),
          sources: validated(SourceSchema, sources, 'sources'),
          topics: validated(TopicSchema, topics, 'topics'),
          names,
        },
        filter,
      ),
    );
  }
  await tx.done;
  return cards;
}

/** Where an answer came from: the cache, or the bundle while the cache is rebuilt. */
export type AnswerSource = 'cache' | 'bundle';

/**
 * The dataset service used by the background and extension pages: answers from the cache,
 * and on any cache failure from the bundle in memory while the cache is rebuilt once.
 */
export class DatasetService {
  private dbPromise: Promise<CacheDb> | undefined;
  private rebuilding: Promise<void> | undefined;
  /** The last cache failure, for the options page and logs. */
  lastError: string | undefined;

  constructor(
    private readonly bundle: () => { dataset: Dataset; version: string },
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  private db(): Promise<CacheDb> {
    // A connection closed for another context's upgrade or delete is dropped, so the next
    // query reopens (and, if needed, re-seeds) instead of failing on a closed handle.
    this.dbPromise ??= openCache({
      ...this.options,
      onBlocking: () => (this.dbPromise = undefined),
    }).catch((error: unknown) => {
      this.dbPromise = undefined;
      throw error;
    });
    return this.dbPromise;
  }

  /** Seeds the cache if its version differs from the bundle's. Returns whether it wrote. */
  async ensureSeeded(onProgress?: SeedProgress): Promise<boolean> {
    const { dataset, version } = this.bundle();
    return seedCache(await this.db(), dataset, version, { onProgress });
  }

  /** Deletes and re-seeds the cache from the bundle ("Rebuild cache"). */
  async rebuild(onProgress?: SeedProgress): Promise<void> {
    const { dataset, version } = this.bundle();
    const db = await this.dbPromise?.catch(() => undefined);
    db?.close();
    this.dbPromise = undefined;
    await deleteDB(DB_NAME).catch(() => undefined);
    await seedCache(await this.db(), dataset, version, { force: true, onProgress });
    this.lastError = undefined;
  }

  /** Runs a cache read; on failure answers from the bundle and schedules one rebuild. */
  async query<T>(
    fromCache: (db: CacheDb, version: string) => Promise<T>,
    fromBundle: (ds: Dataset) => T,
  ): Promise<{ value: T; from: AnswerSource }> {
    const { dataset, version } = this.bundle();
    try {
      const db = await this.db();
      const seededVersion = (await db.get('meta', 'datasetVersion'))?.value;
      if (seededVersion !== version)
        throw new CorruptCacheError('the cache is not seeded with this dataset');
      return { value: await fromCache(db, version), from: 'cache' };
    } catch (error) {
      this.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.rebuilding ??= this.rebuild()
        .catch((e: unknown) => {
          this.lastError = `rebuild failed: ${String(e)}`;
        })
        .finally(() => {
          this.rebuilding = undefined;
        });
      return { value: fromBundle(dataset), from: 'bundle' };
    }
  }

  /** Card data for entity ids, filtered by the reader's settings. */
  cards(entityIds: readonly string[], filter: Filter) {
    return this.query(
      (db) => readCards(db, entityIds, filter),
      (ds) => cardsFromDataset(ds, entityIds, filter),
    );
  }

  /** The whole dataset (popup browse, search and compare). */
  dataset() {
    return this.query(
      (db, version) => readCachedDataset(db, version),
      (ds) => ds,
    );
  }

  /** Resolves when a rebuild scheduled by a failed read has finished (tests, options page). */
  async settled(): Promise<void> {
    await this.rebuilding;
  }
}
