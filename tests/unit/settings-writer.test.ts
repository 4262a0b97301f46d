// The one writer (lib/settings/writer): concurrent changes from several contexts all land, a
// failed read writes nothing, and stored v1 settings are upgraded under the lock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_META_KEY,
  readSettings,
  type Settings,
  type SettingsOp,
} from '@/lib/settings';
import { applySettingsOp } from '@/lib/settings/ops';
import {
  createSerialLock,
  createSettingsWriter,
  SETTINGS_LOCK,
  type LockManagerLike,
} from '@/lib/settings/writer';

/** What every test starts from: something in every field, so every operation has an effect. */
const START: Settings = {
  disabledSources: ['src-off'],
  disabledEntities: ['ent-off'],
  disabledSites: ['*.example.com', 'old.example.org'],
  siteExceptions: ['kept.example.com'],
  trigger: 'hover',
  modifierKey: 'Alt',
  dwellMs: 400,
  highlightStyle: 'underline',
  theme: 'system',
  toolbarBadge: true,
};

/** What the settings were before an import that gave START (for the `revert` operation). */
const BEFORE_IMPORT: Settings = { ...START, disabledSites: ['*.example.com'], theme: 'dark' };

/** Every kind of operation, each with an effect on START. */
const OPS: [string, SettingsOp][] = [
  ['addSite', { type: 'addSite', pattern: 'added.example.net' }],
  ['removeSite', { type: 'removeSite', pattern: 'old.example.org' }],
  ['addSiteException', { type: 'addSiteException', host: 'news.example.com' }],
  ['removeSiteException', { type: 'removeSiteException', host: 'kept.example.com' }],
  ['setSiteOn on (exception)', { type: 'setSiteOn', host: 'mail.example.com', on: true }],
  ['setSiteOn off', { type: 'setSiteOn', host: 'www.blog.example.io', on: false }],
  ['setSource off', { type: 'setSource', id: 'wired', on: false }],
  ['setSource on', { type: 'setSource', id: 'src-off', on: true }],
  ['setSources off', { type: 'setSources', ids: ['a-src', 'b-src'], on: false }],
  ['setEntity off', { type: 'setEntity', id: 'xai', on: false }],
  ['setEntity on', { type: 'setEntity', id: 'ent-off', on: true }],
  ['trigger', { type: 'setBehaviour', field: 'trigger', value: 'click' }],
  ['modifierKey', { type: 'setBehaviour', field: 'modifierKey', value: 'Shift' }],
  ['dwellMs', { type: 'setBehaviour', field: 'dwellMs', value: 900 }],
  ['highlightStyle', { type: 'setBehaviour', field: 'highlightStyle', value: 'none' }],
  ['theme', { type: 'setBehaviour', field: 'theme', value: 'light' }],
  ['toolbarBadge', { type: 'setBehaviour', field: 'toolbarBadge', value: false }],
  ['replace', { type: 'replace', settings: { trigger: 'modifier', disabledEntities: [] } }],
  ['revert', { type: 'revert', before: BEFORE_IMPORT, after: START }],
  ['reset', { type: 'reset' }],
];

/** One lock manager shared by several writers: what `navigator.locks` is to extension pages. */
function sharedLocks(): LockManagerLike & { names: string[] } {
  const lock = createSerialLock();
  const names: string[] = [];
  return {
    names,
    request(name, task) {
      names.push(name);
      return lock.request(name, task);
    },
  };
}

/** No lock at all: what every page had before this writer. */
const NO_LOCK: LockManagerLike = { request: (_name, task) => task() };

const pause = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Makes every storage read and write take a turn of the event loop before and after it, as real
 * storage does (it is another process), so that two unsynchronized read-modify-writes interleave:
 * both read, then both write.
 */
function slowStorage() {
  const area = fakeBrowser.storage.local;
  const get = area.get.bind(area);
  const set = area.set.bind(area);
  vi.spyOn(area, 'get').mockImplementation(async (keys?: unknown) => {
    await pause();
    const result = await get(keys as never);
    await pause();
    return result;
  });
  vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    await pause();
    await set(items);
    await pause();
  });
}

const stored = async () => {
  const got = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]);
  return { value: got[SETTINGS_KEY] as Settings | undefined, meta: got[SETTINGS_META_KEY] };
};

/** Runs op `a` on one writer and op `b` on another at the same moment; true if both changes were kept. */
async function bothKept(locks: () => LockManagerLike, a: SettingsOp, b: SettingsOp) {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: START, [SETTINGS_META_KEY]: { v: 2 } });
  const one = createSettingsWriter(locks());
  const two = createSettingsWriter(locks());
  await Promise.all([one.apply(a), two.apply(b)]);
  const final = (await stored()).value;
  // Kept means: the result is what applying them one after the other (in either order) gives.
  const serial = (x: SettingsOp, y: SettingsOp) =>
    applySettingsOp(applySettingsOp(START, x), y) as unknown;
  return [serial(a, b), serial(b, a)].some(
    (expected) => JSON.stringify(expected) === JSON.stringify(final),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  slowStorage();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('two writers interleaving every operation keep every change', () => {
  const pairs = OPS.flatMap(([nameA, a]) => OPS.map(([nameB, b]) => [nameA, nameB, a, b] as const));

  it('the operations differ from each other and each changes START', () => {
    for (const [name, op] of OPS)
      expect(JSON.stringify(applySettingsOp(START, op)), name).not.toBe(JSON.stringify(START));
  });

  it(`all ${pairs.length} ordered pairs, each op in its own writer, sharing the lock`, async () => {
    const lost: string[] = [];
    for (const [nameA, nameB, a, b] of pairs) {
      const locks = sharedLocks();
      if (!(await bothKept(() => locks, a, b))) lost.push(`${nameA} + ${nameB}`);
      expect(locks.names.every((n) => n === SETTINGS_LOCK)).toBe(true);
    }
    expect(lost).toEqual([]);
  }, 60_000);

  it('without the lock the same interleavings lose changes (the check above can fail)', async () => {
    let lost = 0;
    for (const [, , a, b] of pairs) if (!(await bothKept(() => NO_LOCK, a, b))) lost++;
    // Every pair of two different, commuting changes loses one of them.
    expect(lost).toBeGreaterThan(pairs.length / 2);
    expect(await bothKept(() => NO_LOCK, OPS[0]![1], OPS[6]![1])).toBe(false);
  }, 60_000);

  it('ten additions from five writers at once, five rounds: all fifty are kept', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    const locks = sharedLocks();
    const writers = Array.from({ length: 5 }, () => createSettingsWriter(locks));
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        writers.flatMap((w, i) => [
          w.apply({ type: 'addSite', pattern: `r${round}-w${i}-a.example.com` }),
          w.apply({ type: 'addSite', pattern: `r${round}-w${i}-b.example.com` }),
        ]),
      );
    }
    expect((await stored()).value?.disabledSites).toHaveLength(50);
  });

  it('one context without navigator.locks still applies its own changes one at a time', async () => {
    vi.stubGlobal('navigator', {});
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    const writer = createSettingsWriter();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writer.apply({ type: 'addSite', pattern: `s${i}.example.com` }),
      ),
    );
    expect((await stored()).value?.disabledSites).toHaveLength(10);
  });

  it('uses navigator.locks, under one name, when the context has it', async () => {
    const locks = sharedLocks();
    vi.stubGlobal('navigator', { locks });
    await createSettingsWriter().apply({ type: 'addSite', pattern: 'a.example.com' });
    expect(locks.names).toEqual([SETTINGS_LOCK]);
  });

  it('returns the settings before and after, and writes nothing when nothing changes', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: START, [SETTINGS_META_KEY]: { v: 2 } });
    const writer = createSettingsWriter(sharedLocks());
    const change = await writer.apply({ type: 'setEntity', id: 'xai', on: false });
    expect(change.before).toEqual(START);
    expect(change.after.disabledEntities).toEqual(['ent-off', 'xai']);
    const set = vi.mocked(fakeBrowser.storage.local.set);
    set.mockClear();
    expect((await writer.apply({ type: 'setEntity', id: 'xai', on: false })).written).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('a failed read writes nothing', () => {
  const CUSTOM: Settings = { ...START, theme: 'dark', dwellMs: 900 };

  it('a storage read that rejects makes the change reject, and storage keeps every setting', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: CUSTOM, [SETTINGS_META_KEY]: { v: 2 } });
    const writer = createSettingsWriter(sharedLocks());
    await writer.apply({ type: 'setSource', id: 'one', on: false }); // item defined, migrated
    const get = vi.mocked(fakeBrowser.storage.local.get);
    const set = vi.mocked(fakeBrowser.storage.local.set);
    get.mockRejectedValueOnce(new Error('IO error'));
    set.mockClear();
    await expect(
      writer.apply({ type: 'setBehaviour', field: 'theme', value: 'light' }),
    ).rejects.toThrow('IO error');
    expect(set).not.toHaveBeenCalled();
    expect((await stored()).value).toEqual({ ...CUSTOM, disabledSources: ['src-off', 'one'] });
    // The next change, once storage answers again, starts from the stored value.
    await writer.apply({ type: 'setBehaviour', field: 'theme', value: 'light' });
    expect((await stored()).value).toEqual({
      ...CUSTOM,
      disabledSources: ['src-off', 'one'],
      theme: 'light',
    });
  });

  it('a storage that cannot be read at all: every change rejects and nothing is ever written', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: CUSTOM, [SETTINGS_META_KEY]: { v: 2 } });
    const writer = createSettingsWriter(sharedLocks());
    // The item is defined first: WXT's own first read after defining it has no catch, so a
    // storage failing from the start would also show as an unhandled rejection (WXT's, not ours).
    await writer.ready();
    const get = vi.mocked(fakeBrowser.storage.local.get);
    const set = vi.mocked(fakeBrowser.storage.local.set);
    get.mockRejectedValue(new Error('storage is gone'));
    set.mockClear();
    for (const [, op] of OPS) await expect(writer.apply(op)).rejects.toThrow('storage is gone');
    expect(set).not.toHaveBeenCalled();
    get.mockRestore();
    expect((await stored()).value).toEqual(CUSTOM);
  });

  it('readSettings on a failing storage shows the defaults, says why, and writes nothing', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: CUSTOM });
    const set = vi.mocked(fakeBrowser.storage.local.set);
    vi.mocked(fakeBrowser.storage.local.get).mockRejectedValueOnce(new Error('IO error'));
    set.mockClear();
    const read = await readSettings();
    expect(read).toEqual({ settings: DEFAULT_SETTINGS, problems: [], error: 'Error: IO error' });
    expect(set).not.toHaveBeenCalled();
    expect((await readSettings()).settings).toEqual(CUSTOM);
  });

  it('a migration whose read failed does not lead to defaults being written over v1 settings', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { benzinga: false, wired: true } },
      [SETTINGS_META_KEY]: { v: 1 },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The first read is WXT's migration: it fails, and WXT carries on without migrating.
    vi.mocked(fakeBrowser.storage.local.get).mockRejectedValueOnce(new Error('IO error'));
    const writer = createSettingsWriter(sharedLocks());
    await writer.apply({ type: 'addSite', pattern: 'example.com' });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(await stored()).toEqual({
      value: { ...DEFAULT_SETTINGS, disabledSources: ['benzinga'], disabledSites: ['example.com'] },
      meta: { v: 2 },
    });
  });
});

describe('stored version 1 settings', () => {
  it('are upgraded under the lock while two writers change them, keeping both changes and the v1 data', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { benzinga: false, wired: true } },
      [SETTINGS_META_KEY]: { v: 1 },
    });
    const locks = sharedLocks();
    await Promise.all([
      createSettingsWriter(locks).apply({ type: 'addSite', pattern: 'a.example.com' }),
      createSettingsWriter(locks).apply({ type: 'setEntity', id: 'xai', on: false }),
    ]);
    expect(await stored()).toEqual({
      value: {
        ...DEFAULT_SETTINGS,
        disabledSources: ['benzinga'],
        disabledEntities: ['xai'],
        disabledSites: ['a.example.com'],
      },
      meta: { v: 2 },
    });
  });

  it('ready() upgrades the stored item without changing anything else', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { benzinga: false }, disabledSites: ['kept.example.com'] },
    });
    await createSettingsWriter(sharedLocks()).ready();
    expect(await stored()).toEqual({
      value: {
        ...DEFAULT_SETTINGS,
        disabledSites: ['kept.example.com'],
        disabledSources: ['benzinga'],
      },
      meta: { v: 2 },
    });
    expect((await readSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSources: ['benzinga'],
      disabledSites: ['kept.example.com'],
    });
  });

  it('ready() on empty storage writes nothing', async () => {
    await createSettingsWriter(sharedLocks()).ready();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
