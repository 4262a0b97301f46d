/**
 * The one writer of the settings. Every change is a {@link SettingsOp} applied to the value
 * stored at that moment, inside an exclusive Web Lock that every extension context shares (the
 * popup, options pages, the full view and the background have the same origin). So no change
 * is lost and none overwrites another's, without waking the background and without a message.
 * Where `navigator.locks` is missing, changes made in the same page still go one at a time.
 *
 * A read that fails makes the change fail: nothing is ever written from a value that was not read.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { applySettingsOp, type SettingsOp } from './ops';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './schema';
import { fromStored, SETTINGS_KEY, SETTINGS_VERSION, storedVersion } from './stored';

/** The name of the lock every context takes to change the settings. */
export const SETTINGS_LOCK = 'factcards:settings';

/** The part of the Web Locks API the writer uses (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The settings on either side of one change. */
export interface SettingsChange {
  before: Settings;
  after: Settings;
  /** False when the change left the stored value as it was (nothing was written). */
  written: boolean;
}

/** Applies operations to the stored settings. */
export interface SettingsWriter {
  apply(op: SettingsOp): Promise<SettingsChange>;
  /** Resolves once the stored item is at the current version (WXT's migration, under the lock). */
  ready(): Promise<void>;
}

/** Runs tasks one after another: the fallback lock of a context without `navigator.locks`. */
export function createSerialLock(): LockManagerLike {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

/** The settings item (typed, versioned, migrated by WXT). Define it only while holding the lock. */
function defineSettingsItem(): WxtStorageItem<unknown, Record<string, unknown>> {
  return storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    // v1 → v2, stored as complete, validated settings.
    migrations: { 2: (old: unknown) => fromStored(old, 1).settings },
  });
}

/**
 * A writer. `locks` defaults to `navigator.locks` and, where that is missing, to a lock of this
 * context only. Tests pass their own to model several contexts.
 */
export function createSettingsWriter(
  locks: LockManagerLike = globalThis.navigator?.locks ?? createSerialLock(),
): SettingsWriter {
  let item: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  // Defined under the lock: its migration (a read and a write) then cannot interleave with
  // another context's change.
  const settingsItem = () => (item ??= defineSettingsItem());
  return {
    apply: (op) =>
      locks.request(SETTINGS_LOCK, async () => {
        const stored = settingsItem();
        const [raw, meta] = await Promise.all([stored.getValue(), stored.getMeta()]);
        const version = storedVersion(meta);
        const before = fromStored(raw, version).settings;
        const after = sanitizeSettings(applySettingsOp(before, op)).settings;
        if (op.type !== 'repair' && JSON.stringify(after) === JSON.stringify(before))
          return { before, after, written: false };
        await stored.setValue(after);
        if (version === undefined || version < SETTINGS_VERSION)
          await stored.setMeta({ v: SETTINGS_VERSION });
        return { before, after, written: true };
      }),
    ready: () =>
      locks.request(SETTINGS_LOCK, async () => {
        await settingsItem().getMeta();
      }),
  };
}

let shared: SettingsWriter | undefined;

/**
 * Applies one change to the stored settings and resolves to the settings before and after it.
 * Rejects, writing nothing, when storage cannot be read or written.
 */
export function changeSettings(op: SettingsOp): Promise<SettingsChange> {
  shared ??= createSettingsWriter();
  return shared.apply(op);
}

/**
 * Upgrades the stored item to the current version now (under the lock), rather than at the
 * first change. Extension pages call it when they open.
 */
export function upgradeStoredSettings(): Promise<void> {
  shared ??= createSettingsWriter();
  return shared.ready();
}
