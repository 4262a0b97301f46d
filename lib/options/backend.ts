/**
 * Everything the options page does outside rendering, behind one interface: the components
 * in components/options/ call these functions and never reach into `browser.*` themselves.
 */
import { getBundledDataset } from '../dataset/bundle';
import type { Dataset } from '../dataset/schema';
import { DatasetService, type AnswerSource, type SeedProgress } from '../db';
import { readSettings, watchSettings, type ReadSettings, type SettingsOp } from '../settings';
import {
  exportSettingsFile,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  type SettingsFileResult,
} from '../settings/file';
import { changeSettings, upgradeStoredSettings, type SettingsChange } from '../settings/writer';
import { downloadText } from './download';

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
  /** The stored settings, validated, with what was invalid in them (after any pending upgrade). */
  readSettings(): Promise<ReadSettings>;
  /** Calls back on every change of the stored settings, from any context. Returns an unsubscribe. */
  watchSettings(onChange: (read: ReadSettings) => void): () => void;
  /** Applies one change to the settings as stored at that moment (see lib/settings/writer). */
  change(op: SettingsOp): Promise<SettingsChange>;
  /** Counts from the cache (falling back to the bundle) and its health. */
  cacheStatus(): Promise<CacheStatus>;
  /** Deletes and re-seeds the cache from the bundle. */
  rebuild(onProgress: SeedProgress): Promise<void>;
  /** Downloads the current settings as a file; returns the file name. */
  exportSettings(): Promise<string>;
  /** Reads a settings file (nothing is stored: the page previews it, then applies a `replace`). */
  readSettingsFile(file: Pick<File, 'size' | 'text'>): Promise<SettingsFileResult>;
}

/** The real backend: extension storage, the IndexedDB cache and file download. */
export function createOptionsBackend(): OptionsBackend {
  const bundled = getBundledDataset();
  const service = new DatasetService(getBundledDataset);
  const known = {
    sourceIds: bundled.dataset.sources.map((s) => s.id),
    entityIds: bundled.dataset.entities.map((e) => e.id),
  };
  // Upgrade settings stored by an older version now, so the page shows (and exports) them as
  // they will stay; a failed upgrade leaves them as they are and every read still migrates them.
  const upgraded = upgradeStoredSettings().catch(() => undefined);
  return {
    bundled,
    readSettings: () => upgraded.then(readSettings),
    watchSettings,
    change: changeSettings,
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
      const read = await readSettings();
      if (read.error) throw new Error(`the settings could not be read (${read.error})`);
      const file = exportSettingsFile(read.settings);
      downloadText(file.filename, file.text);
      return file.filename;
    },
    async readSettingsFile(file) {
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
      return parseSettingsFile(text, known);
    },
  };
}
