// The settings schema, stored versions and the one read path (lib/settings).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  fromStored,
  migrateV1,
  readSettings,
  sanitizeSettings,
  SETTINGS_KEY,
  SETTINGS_META_KEY,
  SettingsFields,
  watchSettings,
  type ReadSettings,
  type SettingName,
  type Settings,
} from '@/lib/settings';
import { createSerialLock, createSettingsWriter } from '@/lib/settings/writer';

/** A writer of its own, like each extension context has: its WXT item is defined at first use. */
const writer = () => createSettingsWriter(createSerialLock());

const storageLocal = async () => fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sanitizeSettings: a value falls back to its default alone', () => {
  const cases: [SettingName, unknown, unknown][] = [
    // field, a valid value (kept), an invalid value (replaced by the default)
    ['disabledSources', ['wired-2023-12-22'], 'wired-2023-12-22'],
    ['disabledEntities', ['elon-musk'], { 'elon-musk': true }],
    ['disabledSites', ['example.com'], '*.example.com'],
    ['siteExceptions', ['news.example.com'], null],
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
    ['toolbarBadge', false, 'no'],
  ];

  it.each(cases)('%s: keeps %j, replaces %j', (field, valid, invalid) => {
    const kept = sanitizeSettings({ ...DEFAULT_SETTINGS, [field]: valid });
    expect(kept.problems).toEqual([]);
    expect(kept.settings[field]).toEqual(valid);

    const replaced = sanitizeSettings({ ...DEFAULT_SETTINGS, theme: 'dark', [field]: invalid });
    expect(replaced.problems).toEqual([{ field }]);
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
    expect(read.problems.map((p) => p.field).sort()).toEqual([
      'disabledSources',
      'dwellMs',
      'theme',
      'trigger',
    ]);
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
      expect(read.problems.map((p) => p.field).sort()).toEqual(Object.keys(SettingsFields).sort());
    },
  );

  it('never returns the frozen defaults or their lists (callers may change their copy)', () => {
    const { settings } = sanitizeSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    expect(settings.disabledSites).not.toBe(DEFAULT_SETTINGS.disabledSites);
  });
});

describe('an invalid list entry is dropped alone', () => {
  it.each<[SettingName, unknown[], unknown[]]>([
    // field, valid entries, invalid entries
    ['disabledSources', ['wired-2023-12-22', 'benzinga-2024'], ['', 7, 'x'.repeat(201)]],
    ['disabledEntities', ['elon-musk'], [null, { id: 'xai' }]],
    [
      'disabledSites',
      ['example.com', '*.example.org', 'localhost', '127.0.0.1'],
      ['https://example.com/', '*.*.example.com', 'Example.com', 'bad pattern!'],
    ],
    ['siteExceptions', ['news.example.com'], ['*.example.com', 'News.Example.com']],
  ])('%s keeps %j and drops each of %j, saying which', (field, valid, invalid) => {
    const mixed = [invalid[0], valid[0], ...invalid.slice(1), ...valid.slice(1)];
    const read = sanitizeSettings({ ...DEFAULT_SETTINGS, theme: 'dark', [field]: mixed });
    expect(read.settings[field]).toEqual(valid);
    expect(read.settings.theme).toBe('dark');
    expect(read.problems).toEqual(
      [invalid[0], ...invalid.slice(1)].map((entry) => ({ field, entry })),
    );
  });

  it('one bad site pattern costs only itself, not the list or any other field', () => {
    const read = sanitizeSettings({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a.example.com', 'Bad Pattern!', 'b.example.com'],
      disabledSources: ['wired-2023-12-22'],
    });
    expect(read.settings.disabledSites).toEqual(['a.example.com', 'b.example.com']);
    expect(read.settings.disabledSources).toEqual(['wired-2023-12-22']);
    expect(read.problems).toEqual([{ field: 'disabledSites', entry: 'Bad Pattern!' }]);
  });

  it('repeated entries are kept once, without a problem', () => {
    const read = sanitizeSettings({ disabledSites: ['a.com', 'b.com', 'a.com'] });
    expect(read).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.com', 'b.com'] },
      problems: [],
    });
  });

  it('the next change stores the list without the bad entry, and keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        ...DEFAULT_SETTINGS,
        disabledSites: ['a.example.com', 'Bad Pattern!', 'b.example.com'],
      },
      [SETTINGS_META_KEY]: { v: 2 },
    });
    await writer().apply({ type: 'setSource', id: 'wired-2023-12-22', on: false });
    expect((await readSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSources: ['wired-2023-12-22'],
      disabledSites: ['a.example.com', 'b.example.com'],
    });
  });
});

describe('version 1 settings, handled in one place (fromStored, migrateV1)', () => {
  it.each([
    [{ sources: { a: false, b: true, c: false } }, ['a', 'c']],
    [{ sources: {} }, []],
    [{ sources: { a: 'false' } }, []],
    [{ sources: 'corrupt' }, []],
  ])('fromStored(%j, 1) disables %j', (old, disabled) => {
    expect(fromStored(old, 1)).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSources: disabled },
      problems: [],
    });
  });

  it('keeps current fields found next to the v1 map (sites are migrated, not dropped)', () => {
    const old = {
      sources: { benzinga: false },
      disabledSources: ['wired'],
      disabledSites: ['*.example.com'],
      theme: 'dark',
    };
    expect(migrateV1(old)).toEqual({
      disabledSources: ['wired', 'benzinga'],
      disabledSites: ['*.example.com'],
      theme: 'dark',
    });
    expect(fromStored(old, undefined).settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSources: ['wired', 'benzinga'],
      disabledSites: ['*.example.com'],
      theme: 'dark',
    });
  });

  it('a value without version meta is v1 only if it has the v1 map', () => {
    const v2 = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], theme: 'dark' };
    expect(fromStored(v2, undefined).settings).toEqual(v2);
    expect(fromStored({ sources: { a: false } }, undefined).settings.disabledSources).toEqual([
      'a',
    ]);
    // Recorded as v2: a stray `sources` key is not read as a v1 map.
    expect(fromStored({ ...v2, sources: { a: false } }, 2).settings).toEqual(v2);
  });

  it('upgrades a stored v1 item (meta v: 1) through the real WXT item, and stores v2', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { 'benzinga-2024': false, 'wired-2023-12-22': true } },
      [SETTINGS_META_KEY]: { v: 1 },
    });
    // Read before any upgrade: every reader already sees the migrated value.
    expect(await readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSources: ['benzinga-2024'] },
      problems: [],
    });
    await writer().ready();
    expect(await storageLocal()).toEqual({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSources: ['benzinga-2024'] },
      [SETTINGS_META_KEY]: { v: 2 },
    });
    expect((await readSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSources: ['benzinga-2024'],
    });
  });

  it('upgrades a v1 item stored without any meta', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { 'venturebeat-2024-06': false } },
    });
    await writer().apply({ type: 'setEntity', id: 'xai', on: false });
    expect(await storageLocal()).toEqual({
      [SETTINGS_KEY]: {
        ...DEFAULT_SETTINGS,
        disabledSources: ['venturebeat-2024-06'],
        disabledEntities: ['xai'],
      },
      [SETTINGS_META_KEY]: { v: 2 },
    });
  });

  it('does not wipe v2 settings that were written without meta', async () => {
    const v2: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], dwellMs: 700 };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v2 });
    await writer().ready();
    expect((await readSettings()).settings).toEqual(v2);
  });

  it('leaves an item already at v2 alone and reports its broken fields on read', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, dwellMs: 5, sources: 'x' },
      [SETTINGS_META_KEY]: { v: 2 },
    });
    await writer().ready();
    expect(await readSettings()).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [{ field: 'dwellMs' }],
    });
    expect((await storageLocal())[SETTINGS_KEY]).toMatchObject({ dwellMs: 5 });
  });

  it('reads a newer version field by field (a downgrade keeps what this version knows)', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'dark' },
      [SETTINGS_META_KEY]: { v: 3 },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await writer().ready();
    // WXT logs the downgrade and leaves the value; ours is still validated field by field.
    expect((await readSettings()).settings.theme).toBe('dark');
    errors.mockRestore();
  });
});

describe('the writer: defaults, changes, replace and reset', () => {
  it('reads the defaults from empty storage and stores version meta with the first write', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    await writer().apply({ type: 'setEntity', id: 'xai', on: false });
    expect(await storageLocal()).toEqual({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledEntities: ['xai'] },
      [SETTINGS_META_KEY]: { v: 2 },
    });
  });

  it('"repair" writes the validated value: stored corruption is cleared', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, trigger: 'teleport', disabledSites: ['ok.com', 1] },
      [SETTINGS_META_KEY]: { v: 2 },
    });
    expect((await readSettings()).problems).toEqual([
      { field: 'disabledSites', entry: 1 },
      { field: 'trigger' },
    ]);
    await writer().apply({ type: 'repair' });
    expect(await readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['ok.com'] },
      problems: [],
    });
  });

  it('a change is validated before it is stored', async () => {
    const { after } = await writer().apply({
      type: 'replace',
      settings: { dwellMs: 50_000, theme: 'light', disabledSites: ['ok.com', 'NOT OK'] },
    });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', disabledSites: ['ok.com'] });
    expect((await storageLocal())[SETTINGS_KEY]).toEqual(after);
  });

  it('replace and reset', async () => {
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      disabledSources: ['a'],
      trigger: 'click',
      theme: 'dark',
      toolbarBadge: false,
    };
    const w = writer();
    expect((await w.apply({ type: 'replace', settings: custom })).after).toEqual(custom);
    expect((await readSettings()).settings).toEqual(custom);
    expect((await w.apply({ type: 'reset' })).after).toEqual(DEFAULT_SETTINGS);
    expect((await storageLocal())[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
  });
});

describe('reads and live watching', () => {
  it('readSettings validates what is stored, and tolerates nothing stored', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, highlightStyle: 'neon' },
    });
    expect(await readSettings()).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [{ field: 'highlightStyle' }],
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
    await fakeBrowser.storage.local.set({ unrelated: 1, [SETTINGS_META_KEY]: { v: 2 } });
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(seen).toEqual([
      { settings: { ...DEFAULT_SETTINGS, disabledSources: ['a'] }, problems: [] },
      { settings: DEFAULT_SETTINGS, problems: [{ field: 'dwellMs' }] },
      { settings: DEFAULT_SETTINGS, problems: [] },
    ]);
  });

  it('watchSettings sees a writer’s change in another context, with the new fields', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((read) => seen.push(read.settings));
    await writer().apply({ type: 'setBehaviour', field: 'toolbarBadge', value: false });
    stop();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, toolbarBadge: false }]);
  });
});
