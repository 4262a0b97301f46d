import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  migrateSettingsV1,
  readSettings,
  sanitizeSettings,
  SETTINGS_KEY,
  SettingsFields,
  watchSettings,
  type ReadSettings,
  type SettingName,
  type Settings,
} from '@/lib/settings';
import { migrateStoredToV2 } from '@/lib/settings-item';

/**
 * A fresh copy of lib/settings-item: the WXT item is defined once per module and runs its
 * migrations at definition time, like each extension context does when it first needs it.
 */
async function freshItemModule() {
  vi.resetModules();
  return import('@/lib/settings-item');
}

const META_KEY = `${SETTINGS_KEY}$`;
const storageLocal = async () => fakeBrowser.storage.local.get([SETTINGS_KEY, META_KEY]);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sanitizeSettings: each field falls back to its own default', () => {
  const cases: [SettingName, unknown, unknown][] = [
    // field, a valid value (kept), an invalid value (replaced by the default)
    ['disabledSources', ['wired-2023-12-22'], 'wired-2023-12-22'],
    ['disabledSources', ['a'], [1, 2]],
    ['disabledSources', ['a'], ['']],
    ['disabledEntities', ['elon-musk'], { 'elon-musk': true }],
    ['disabledSites', ['example.com', '*.example.org'], ['https://example.com/']],
    ['disabledSites', ['localhost'], ['*.*.example.com']],
    ['disabledSites', ['127.0.0.1'], ['Example.com']],
    ['trigger', 'click', 'teleport'],
    ['trigger', 'modifier', null],
    ['modifierKey', 'Shift', 'shift'],
    ['dwellMs', 100, 99],
    ['dwellMs', 2000, 2001],
    ['dwellMs', 650, 650.5],
    ['dwellMs', 400, '400'],
    ['dwellMs', 400, Number.NaN],
    ['highlightStyle', 'none', 'blink'],
    ['theme', 'dark', 42],
  ];

  it.each(cases)('%s: keeps %j, replaces %j', (field, valid, invalid) => {
    const kept = sanitizeSettings({ ...DEFAULT_SETTINGS, [field]: valid });
    expect(kept.problems).toEqual([]);
    expect(kept.settings[field]).toEqual(valid);

    const replaced = sanitizeSettings({ ...DEFAULT_SETTINGS, theme: 'dark', [field]: invalid });
    expect(replaced.problems).toEqual([field]);
    expect(replaced.settings[field]).toEqual(DEFAULT_SETTINGS[field]);
    // The other fields are untouched by one field's corruption.
    if (field !== 'theme') expect(replaced.settings.theme).toBe('dark');
  });

  it('reports every broken field at once and keeps the valid ones', () => {
    const read = sanitizeSettings({
      disabledSources: 'nope',
      disabledEntities: ['xai'],
      trigger: 'x',
      dwellMs: -5,
      highlightStyle: 'background',
      theme: 42,
    });
    expect(read.problems.sort()).toEqual(['disabledSources', 'dwellMs', 'theme', 'trigger']);
    expect(read.settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledEntities: ['xai'],
      highlightStyle: 'background',
    });
  });

  it('treats missing fields as defaults without calling them problems, and ignores unknown keys', () => {
    expect(sanitizeSettings({ theme: 'light', colour: 'red' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'light' },
      problems: [],
    });
  });

  it.each([['a string'], [17], [[1, 2]], [true]])(
    'a stored value that is not an object (%j) gives the defaults and names every field',
    (raw) => {
      const read = sanitizeSettings(raw);
      expect(read.settings).toEqual(DEFAULT_SETTINGS);
      expect(read.problems.sort()).toEqual(Object.keys(SettingsFields).sort());
    },
  );

  it('never returns the frozen defaults object itself (callers may mutate their copy)', () => {
    const { settings } = sanitizeSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
  });
});

describe('v1 → v2 migration', () => {
  it.each([
    [{ sources: { a: false, b: true, c: false } }, ['a', 'c']],
    [{ sources: {} }, []],
    [{ sources: { a: 'false' } }, []],
    [{ sources: 'corrupt' }, []],
    [null, []],
    ['garbage', []],
  ])('migrateSettingsV1(%j) disables %j', (old, disabled) => {
    expect(migrateSettingsV1(old)).toEqual({ ...DEFAULT_SETTINGS, disabledSources: disabled });
  });

  it('migrateStoredToV2 keeps a value that is already v2 (written without version meta)', () => {
    const v2 = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], theme: 'dark' };
    expect(migrateStoredToV2(v2)).toBe(v2);
    expect(migrateStoredToV2({ sources: { a: false } })).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSources: ['a'],
    });
  });

  it('upgrades a stored v1 item (meta v: 1) through the real WXT item, and stores v2', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { 'benzinga-2024': false, 'wired-2023-12-22': true } },
      [META_KEY]: { v: 1 },
    });
    const { loadSettings } = await freshItemModule();
    const read = await loadSettings();
    expect(read).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSources: ['benzinga-2024'] },
      problems: [],
    });
    expect(await storageLocal()).toEqual({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSources: ['benzinga-2024'] },
      [META_KEY]: { v: 2 },
    });
  });

  it('upgrades a v1 item stored without any meta (a v1 item that was never given a version)', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { 'venturebeat-2024-06': false } },
    });
    const { loadSettings } = await freshItemModule();
    expect((await loadSettings()).settings.disabledSources).toEqual(['venturebeat-2024-06']);
    expect((await storageLocal())[META_KEY]).toEqual({ v: 2 });
  });

  it('does not wipe v2 settings that were written without meta', async () => {
    const v2: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], dwellMs: 700 };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v2 });
    const { loadSettings } = await freshItemModule();
    expect((await loadSettings()).settings).toEqual(v2);
  });

  it('leaves an item already at v2 alone and reports its broken fields on read', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, dwellMs: 5, sources: 'x' },
      [META_KEY]: { v: 2 },
    });
    const { loadSettings } = await freshItemModule();
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: ['dwellMs'] });
    expect((await storageLocal())[SETTINGS_KEY]).toMatchObject({ dwellMs: 5 });
  });

  it('refuses to read a newer version as if it were this one: the defaults apply', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'dark' },
      [META_KEY]: { v: 3 },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { loadSettings } = await freshItemModule();
    const read = await loadSettings();
    // WXT logs the downgrade and leaves the value; ours is still validated field by field.
    expect(read.settings.theme).toBe('dark');
    errors.mockRestore();
  });
});

describe('the settings item: defaults, updates, replace and reset', () => {
  it('reads the defaults from empty storage and stores version meta with the first write', async () => {
    const { loadSettings, updateSettings } = await freshItemModule();
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    await updateSettings(() => ({ disabledEntities: ['xai'] }));
    expect(await storageLocal()).toEqual({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledEntities: ['xai'] },
      [META_KEY]: { v: 2 },
    });
  });

  it('updateSettings writes repaired values: a change clears stored corruption', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, trigger: 'teleport' },
      [META_KEY]: { v: 2 },
    });
    const { loadSettings, updateSettings } = await freshItemModule();
    expect((await loadSettings()).problems).toEqual(['trigger']);
    await updateSettings(() => ({}));
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('updateSettings validates the change itself', async () => {
    const { updateSettings } = await freshItemModule();
    const next = await updateSettings(() => ({ dwellMs: 50_000, theme: 'light' }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('replaceSettings and resetSettings', async () => {
    const { replaceSettings, resetSettings, loadSettings } = await freshItemModule();
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      disabledSources: ['a'],
      trigger: 'click',
      theme: 'dark',
    };
    expect(await replaceSettings(custom)).toEqual(custom);
    expect((await loadSettings()).settings).toEqual(custom);
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await storageLocal())[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
  });
});

describe('content-side reads and live watching', () => {
  it('readSettings validates what is stored, and tolerates nothing stored', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, highlightStyle: 'neon' },
    });
    expect(await readSettings()).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: ['highlightStyle'],
    });
  });

  it('watchSettings delivers every change validated, and stops when unsubscribed', async () => {
    const seen: ReadSettings[] = [];
    const stop = watchSettings((read) => seen.push(read));
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSources: ['a'] },
    });
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, dwellMs: 'slow' },
    });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(seen).toEqual([
      { settings: { ...DEFAULT_SETTINGS, disabledSources: ['a'] }, problems: [] },
      { settings: DEFAULT_SETTINGS, problems: ['dwellMs'] },
      { settings: DEFAULT_SETTINGS, problems: [] },
    ]);
  });
});

describe('isSiteDisabled', () => {
  it.each([
    ['example.com', ['example.com'], true],
    ['www.example.com', ['example.com'], true],
    ['news.example.com', ['example.com'], false],
    ['news.example.com', ['*.example.com'], true],
    ['example.com', ['*.example.com'], true],
    ['notexample.com', ['*.example.com'], false],
    ['EXAMPLE.com', ['example.com'], true],
    ['127.0.0.1', ['127.0.0.1'], true],
    ['example.org', [], false],
  ])('%s with %j → %s', (host, patterns, expected) => {
    expect(isSiteDisabled(host, patterns)).toBe(expected);
  });
});
