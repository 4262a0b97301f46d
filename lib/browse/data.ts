/**
 * How extension pages read the dataset quickly. The popup's budget (interactive within 150 ms)
 * has no room for parsing and hashing the bundled dataset on every open just to learn its
 * version, so pages read the cache as seeded first and check it against the bundle afterwards:
 *
 * 1. Fast path: open the cache, read the version it was seeded with, read every row back
 *    validated (`readCachedDataset`). Render that.
 * 2. Then, when idle, load the bundle (a separate chunk) and compare versions. If they differ
 *    (an update whose re-seed has not finished), ask `DatasetService`, which answers from the
 *    bundle and rebuilds the cache, and render its answer instead.
 * 3. No cache, an error, or invalid rows: `DatasetService` answers at once (bundle fallback).
 *
 * Either way data is read from IndexedDB through `lib/db.ts`; the bundle is only the fallback.
 */
import type { Dataset } from '../dataset/schema';
import { DatasetService, openCache, readCachedDataset, type AnswerSource } from '../db';
import { readSettings, watchSettings, type Settings } from '../settings';

export interface LoadedDataset {
  value: Dataset;
  from: AnswerSource;
}

/** The cache's rows and the version it was seeded with; undefined when it cannot answer. */
export async function readCacheAsSeeded(
  timeoutMs = 1500,
): Promise<{ dataset: Dataset; version: string } | undefined> {
  try {
    const db = await openCache({ timeoutMs });
    try {
      const version = (await db.get('meta', 'datasetVersion'))?.value;
      if (typeof version !== 'string') return undefined;
      return { dataset: await readCachedDataset(db, version), version };
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** A dataset service, with the bundle loaded on first use (it is a chunk of its own). */
export async function lazyDatasetService(): Promise<{ service: DatasetService; version: string }> {
  const { getBundledDataset } = await import('../dataset/bundle');
  return { service: new DatasetService(getBundledDataset), version: getBundledDataset().version };
}

/**
 * Reads the dataset for an extension page: `onData` is called with the first answer, and again
 * if checking against the bundle replaces it. Rejects only when even the bundle cannot answer.
 */
export async function loadDataset(
  onData: (data: LoadedDataset) => void,
  options: { verify?: (task: () => void) => void } = {},
): Promise<void> {
  const { verify = (task) => setTimeout(task, 0) } = options;
  const hit = await readCacheAsSeeded();
  if (!hit) {
    const { service: fallback } = await lazyDatasetService();
    onData(await fallback.dataset());
    return;
  }
  onData({ value: hit.dataset, from: 'cache' });
  verify(() => {
    void lazyDatasetService()
      .then(async ({ service: checked, version }) => {
        if (version !== hit.version) onData(await checked.dataset());
      })
      .catch((error: unknown) =>
        console.warn('[factcards] could not check the cache against the bundle:', error),
      );
  });
}

/** The dataset and settings as read when an extension page opens (see `preloadBrowseData`). */
export interface BrowsePreload {
  /** Subscribes to the data: called with every new dataset or settings value; returns the unsubscribe. */
  subscribe: (listener: (state: PreloadState) => void) => () => void;
  current: () => PreloadState;
}

export interface PreloadState {
  dataset?: LoadedDataset;
  settings?: Settings;
  error?: string;
}

/**
 * Starts reading the dataset (cache first, see `./data`) and the settings, and watching the
 * settings. Call it when the page's script is evaluated, before the first render, so the reads
 * overlap with rendering.
 */
export function preloadBrowseData(): BrowsePreload {
  let state: PreloadState = {};
  const listeners = new Set<(state: PreloadState) => void>();
  const set = (change: PreloadState) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state);
  };
  watchSettings((read) => set({ settings: read.settings }));
  void readSettings().then((read) => {
    if (!state.settings) set({ settings: read.settings });
  });
  loadDataset((dataset) => set({ dataset }), {
    verify: (task) => requestIdleCallback(task, { timeout: 1000 }),
  }).catch((error: unknown) =>
    set({ error: error instanceof Error ? error.message : String(error) }),
  );
  return {
    current: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
