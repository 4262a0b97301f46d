/**
 * Everything the options page does outside rendering, behind one interface: the components
 * in components/options/ call these functions and never reach into `browser.*` themselves.
 */
import { getBundledDataset } from '../dataset/bundle';
import type { Dataset } from '../dataset/schema';
import { DatasetService, type AnswerSource, type SeedProgress } from '../db';
import { watchSettings, type ReadSettings, type Settings } from '../settings';
import {
  exportSettingsFile,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  type SettingsFileResult,
} from '../settings-io';
import { loadSettings, replaceSettings, resetSettings, updateSettings } from '../settings-item';
import { downloadText } from './download';
import { createSerialQueue } from './queue';

/** What the Data section shows about the IndexedDB cache. */
export interface CacheStatus {
  counts: { entities: number; sources: number; topics: number; positions: number };
  /** Where the counts came from: the cache, or the bundled copy when the cache failed. */
  from: AnswerSource;
  /** Why the cache failed, when it did. */
  error?: string;
}

/** The options page's side effects. */
export interface OptionsBackend {
  /** The bundled dataset (sources and entities to list) and its version. */
  readonly bundled: { dataset: Dataset; version: string };
  /** Current settings, validated, with the fields that were invalid (read after any queued write). */
  loadSettings(): Promise<ReadSettings>;
  /** Calls back on every change of the stored settings, from any context. Returns an unsubscribe. */
  watchSettings(onChange: (read: ReadSettings) => void): () => void;
  /** Applies a change to the stored settings (writes are queued, one at a time). */
  update(change: (current: Settings) => Partial<Settings>): Promise<Settings>;
  /** Stores the defaults. */
  reset(): Promise<Settings>;
  /** Counts from the cache (falling back to the bundle) and its health. */
  cacheStatus(): Promise<CacheStatus>;
  /** Deletes and re-seeds the cache from the bundle. */
  rebuild(onProgress: SeedProgress): Promise<void>;
  /** Downloads the current settings as a file; returns the file name. */
  exportSettings(): Promise<string>;
  /** Reads a settings file and, only if it is valid, stores its settings. */
  importFile(file: Pick<File, 'size' | 'text'>): Promise<SettingsFileResult>;
  /** Whether writes of this page are still pending (watch events then lag behind the page). */
  readonly busy: boolean;
}

/** The real backend: extension storage, the IndexedDB cache and file download. */
export function createOptionsBackend(): OptionsBackend {
  const bundled = getBundledDataset();
  const service = new DatasetService(getBundledDataset);
  const queue = createSerialQueue();
  const known = {
    sourceIds: bundled.dataset.sources.map((s) => s.id),
    entityIds: bundled.dataset.entities.map((e) => e.id),
  };
  return {
    bundled,
    loadSettings: () => queue(loadSettings),
    watchSettings,
    update: (change) => queue(() => updateSettings(change)),
    reset: () => queue(resetSettings),
    async cacheStatus() {
      const { value, from } = await service.dataset();
      return {
        counts: {
          entities: value.entities.length,
          sources: value.sources.length,
          topics: value.topics.length,
          positions: value.positions.length,
        },
        from,
        error: from === 'bundle' ? service.lastError : undefined,
      };
    },
    async rebuild(onProgress) {
      await service.settled();
      await service.rebuild(onProgress);
    },
    async exportSettings() {
      const { settings } = await queue(loadSettings);
      const file = exportSettingsFile(settings);
      downloadText(file.filename, file.text);
      return file.filename;
    },
    async importFile(file) {
      if (file.size > MAX_SETTINGS_FILE_BYTES) {
        return {
          ok: false,
          error: `The file is too large to be a settings file (${Math.round(file.size / 1024)} kB; a settings file is a few kB).`,
          details: [],
        };
      }
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        return { ok: false, error: 'The file could not be read.', details: [String(error)] };
      }
      const result = parseSettingsFile(text, known);
      if (result.ok) await queue(() => replaceSettings(result.settings));
      return result;
    },
    get busy() {
      return queue.pending > 0;
    },
  };
}
