import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { DatasetService } from '@/lib/db';
import {
  BackgroundRequests,
  ContentRequests,
  createListener,
  parseBackgroundMessage,
  parseContentMessage,
} from '@/lib/messaging';
import {
  createBackgroundHandlers,
  followToolbarSettings,
  forgetTab,
  forwardCommand,
  guardMatcherConfig,
  MAX_FRAMES_PER_TAB,
  OPEN_BROWSE_PER_MINUTE,
  OPEN_BROWSE_TAB_INTERVAL_MS,
  publishMatcherConfig,
} from '@/lib/background/handlers';
import { MATCHER_CONFIG_KEY, StoredMatcherConfigSchema } from '@/lib/matcher-config';
import { badgeText, TOOLBAR_ICON_PATHS } from '@/lib/background/toolbar';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { changeSettings } from '@/lib/settings/writer';
import { CardDataSchema } from '@/lib/dataset/query';

const OWN_ID = 'factcards-test-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
/** An extension page (the popup) as the browser describes it. */
const PAGE = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };
/** A content script in a web page's frame. */
const content = (tabId: number, frameId = 0, url = 'https://news.example/article') => ({
  id: OWN_ID,
  url,
  tab: { id: tabId },
  frameId,
});

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

function listener() {
  const service = new DatasetService(getBundledDataset);
  return createListener(
    BackgroundRequests,
    parseBackgroundMessage,
    createBackgroundHandlers(service),
    {
      id: () => OWN_ID,
      origin: () => OWN_ORIGIN,
    },
  );
}

/** Calls a listener the way the browser does and resolves with what it sent back. */
function call(
  l: ReturnType<typeof listener>,
  message: unknown,
  sender: Record<string, unknown> = PAGE,
) {
  return new Promise<unknown>((resolve) => {
    const keptOpen = l(message, sender as never, resolve);
    if (keptOpen !== true) resolve('(ignored)');
  });
}

describe('the protocol', () => {
  it('every background message has a handler, and no handler lacks a message', () => {
    const handlers = createBackgroundHandlers(new DatasetService(getBundledDataset));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(BackgroundRequests).sort());
  });

  it('every request schema carries its own type literal', () => {
    for (const [type, { request }] of Object.entries({
      ...BackgroundRequests,
      ...ContentRequests,
    })) {
      expect(request.shape.type.def.values).toEqual([type]);
    }
  });

  it('rejects malformed and foreign messages', () => {
    expect(parseBackgroundMessage({ type: 'getCards', entityIds: 'elon-musk' })).toBeUndefined();
    expect(parseBackgroundMessage({ type: 'deleteEverything' })).toBeUndefined();
    expect(parseBackgroundMessage('getCards')).toBeUndefined();
    expect(
      parseContentMessage({ type: 'revealMention', entityId: 'xai', index: -1 }),
    ).toBeUndefined();
    expect(parseContentMessage({ type: 'runCommand', command: 'next-mention' })).toEqual({
      type: 'runCommand',
      command: 'next-mention',
    });
  });
});

describe('background handlers', () => {
  it('answers getCards with validated card data from the cache', async () => {
    const reply = (await call(listener(), {
      type: 'getCards',
      entityIds: ['elon-musk', 'xai'],
    })) as { cards: unknown[] };
    expect(reply.cards.map((c) => CardDataSchema.parse(c).entity.displayName)).toEqual([
      'Elon Musk',
      'xAI',
    ]);
  });

  it('ignores messages from other extensions and web pages', async () => {
    expect(
      await call(listener(), { type: 'getCards', entityIds: ['xai'] }, { id: 'someone-else' }),
    ).toBe('(ignored)');
    expect(await call(listener(), { type: 'getCards', entityIds: ['xai'] }, {})).toBe('(ignored)');
  });

  it('ignores unexpected messages without throwing', async () => {
    expect(await call(listener(), { type: 'getCards', entityIds: [1, 2] })).toBe('(ignored)');
    expect(await call(listener(), null)).toBe('(ignored)');
  });

  it('applies the stored source filter to cards', async () => {
    const { dataset } = getBundledDataset();
    const off = 'venturebeat-2024-06';
    await fakeBrowser.storage.local.set({ settings: { disabledSources: [off] } });
    const reply = (await call(listener(), { type: 'getCards', entityIds: ['yann-lecun'] })) as {
      cards: { positions: { sourceIds: string[] }[] }[];
    };
    const shown = reply.cards[0]!.positions;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((p) => !p.sourceIds.includes(off))).toBe(true);
    const onlyOff = dataset.positions.filter(
      (p) => p.entityId === 'yann-lecun' && p.sourceIds.every((s) => s === off),
    );
    expect(onlyOff.length).toBeGreaterThan(0);
    expect(shown.length).toBe(
      dataset.positions.filter((p) => p.entityId === 'yann-lecun').length - onlyOff.length,
    );
  });

  it('keeps mention counts per tab and frame and sums them', async () => {
    const l = listener();
    await call(
      l,
      { type: 'reportMentions', counts: { 'elon-musk': 2 }, hostname: 'a.test', off: false },
      content(7, 0),
    );
    await call(
      l,
      {
        type: 'reportMentions',
        counts: { 'elon-musk': 1, xai: 3 },
        hostname: 'a.test',
        off: false,
      },
      content(7, 5),
    );
    expect(await call(l, { type: 'getTabMentions', tabId: 7 })).toEqual({
      counts: { 'elon-musk': 3, xai: 3 },
    });
    expect(await call(l, { type: 'getTabMentions', tabId: 8 })).toEqual({ counts: {} });
  });

  it('keeps every frame when frames report at the same moment', async () => {
    const l = listener();
    await Promise.all(
      [0, 3, 7, 9].map((frameId) =>
        call(
          l,
          { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test', off: false },
          content(6, frameId),
        ),
      ),
    );
    expect(await call(l, { type: 'getTabMentions', tabId: 6 })).toEqual({ counts: { xai: 4 } });
  });

  it('asks every frame of the tab to report again when the popup asks for counts', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await call(listener(), { type: 'getTabMentions', tabId: 4 });
    expect(sent).toHaveBeenCalledWith(4, { type: 'reportNow' }, undefined);
  });

  it('routes a reveal to the frame that holds the n-th mention', async () => {
    const l = listener();
    await call(
      l,
      { type: 'reportMentions', counts: { xai: 2 }, hostname: 'a.test', off: false },
      content(3, 0),
    );
    await call(
      l,
      { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test', off: false },
      content(3, 9),
    );
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await call(l, { type: 'revealInTab', tabId: 3, entityId: 'xai', index: 2 })).toEqual({
      ok: true,
      total: 3,
    });
    expect(sent).toHaveBeenLastCalledWith(
      3,
      { type: 'revealMention', entityId: 'xai', index: 0 },
      { frameId: 9 },
    );
    await call(l, { type: 'revealInTab', tabId: 3, entityId: 'xai', index: 1 });
    expect(sent).toHaveBeenLastCalledWith(
      3,
      { type: 'revealMention', entityId: 'xai', index: 1 },
      { frameId: 0 },
    );
  });

  it('forwards keyboard commands to the active tab', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await forwardCommand('next-mention', 12);
    expect(sent).toHaveBeenCalledWith(
      12,
      { type: 'runCommand', command: 'next-mention' },
      { frameId: 0 },
    );
    await forwardCommand('unknown-command', 12);
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('publishes the matcher config once per dataset version', async () => {
    await publishMatcherConfig();
    const stored = StoredMatcherConfigSchema.parse(
      (await fakeBrowser.storage.local.get(MATCHER_CONFIG_KEY))[MATCHER_CONFIG_KEY],
    );
    expect(stored.datasetVersion).toBe(getBundledDataset().version);
    expect(stored.config.entities.map((e) => e.id).sort()).toEqual([
      'elon-musk',
      'vinod-khosla',
      'xai',
      'yann-lecun',
    ]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await publishMatcherConfig();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('a background that trusts nobody', () => {
  it('refuses tab-scoped requests naming a tab from a content script', async () => {
    const l = listener();
    await call(
      l,
      { type: 'reportMentions', counts: { xai: 2 }, hostname: 'a.test', off: false },
      content(7),
    );
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    // Another tab's content script asks for tab 7's counts and to scroll it: both refused.
    expect(await call(l, { type: 'getTabMentions', tabId: 7 }, content(9))).toBe('(ignored)');
    expect(
      await call(l, { type: 'revealInTab', tabId: 7, entityId: 'xai', index: 0 }, content(9)),
    ).toBe('(ignored)');
    expect(sent).not.toHaveBeenCalled();
    // The popup may.
    expect(await call(l, { type: 'getTabMentions', tabId: 7 })).toEqual({ counts: { xai: 2 } });
  });

  it('treats a sender without the extension origin as a content script', async () => {
    const l = listener();
    const spoofed = { id: OWN_ID, url: `https://evil.example/${OWN_ORIGIN}`, tab: { id: 9 } };
    expect(await call(l, { type: 'getTabMentions', tabId: 7 }, spoofed)).toBe('(ignored)');
    expect(await call(l, { type: 'getTabMentions', tabId: 7 }, { id: OWN_ID })).toBe('(ignored)');
  });

  it("stores a report under the sender's own tab and frame, never one named in the message", async () => {
    const l = listener();
    await call(
      l,
      { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test', off: false, tabId: 7 },
      content(9, 2),
    );
    expect(await call(l, { type: 'getTabMentions', tabId: 7 })).toEqual({ counts: {} });
    expect(await call(l, { type: 'getTabMentions', tabId: 9 })).toEqual({ counts: { xai: 1 } });
  });

  it('refuses an oversized report and keeps only known entities', async () => {
    const l = listener();
    const huge = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`e${i}`, 1]));
    expect(
      await call(
        l,
        { type: 'reportMentions', counts: huge, hostname: 'a.test', off: false },
        content(5),
      ),
    ).toBe('(ignored)');
    await call(
      l,
      {
        type: 'reportMentions',
        counts: { xai: 2, 'not-an-entity': 9, 'elon-musk': 1 },
        hostname: 'a.test',
        off: false,
      },
      content(5),
    );
    const stored = (await fakeBrowser.storage.session.get('mentions-5'))['mentions-5'];
    expect(stored).toEqual({ '0': { xai: 2, 'elon-musk': 1 } });
  });

  it('caps the frames kept per tab', async () => {
    const l = listener();
    const replies = [];
    for (let frameId = 0; frameId < MAX_FRAMES_PER_TAB + 3; frameId++)
      replies.push(
        await call(
          l,
          { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test', off: false },
          content(4, frameId),
        ),
      );
    expect(replies.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(MAX_FRAMES_PER_TAB);
    expect(await call(l, { type: 'getTabMentions', tabId: 4 })).toEqual({
      counts: { xai: MAX_FRAMES_PER_TAB },
    });
  });

  it('opens the full view only for content scripts, and at a limited rate', async () => {
    let now = 1_000_000;
    const service = new DatasetService(getBundledDataset);
    const l = createListener(
      BackgroundRequests,
      parseBackgroundMessage,
      createBackgroundHandlers(service, { now: () => now }),
      { id: () => OWN_ID, origin: () => OWN_ORIGIN },
    );
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const open = (tab: number) => call(l, { type: 'openBrowse', entityId: 'xai' }, content(tab));
    // Five synthetic clicks in a row from one tab: one tab opens.
    const burst = await Promise.all([1, 1, 1, 1, 1].map(open));
    expect(burst.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(1);
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]![0]).toEqual({
      url: expect.stringMatching(/\/browse\.html\?entity=xai$/),
    });
    // A second later the same tab may open one more.
    now += OPEN_BROWSE_TAB_INTERVAL_MS;
    expect(await open(1)).toEqual({ ok: true });
    // Across tabs, at most OPEN_BROWSE_PER_MINUTE a minute.
    const many = [];
    for (let tab = 10; tab < 30; tab++) many.push(await open(tab));
    expect(created).toHaveBeenCalledTimes(OPEN_BROWSE_PER_MINUTE);
    now += 60_000;
    expect(await open(99)).toEqual({ ok: true });
    // An unknown entity id never reaches the address.
    now += 60_000;
    await call(l, { type: 'openBrowse', entityId: '"><script>' }, content(100));
    expect(created.mock.lastCall![0]).toEqual({ url: expect.stringMatching(/\/browse\.html$/) });
    expect(many.length).toBe(20);
  });
});

describe('the matcher config', () => {
  const stored = async () =>
    (await fakeBrowser.storage.local.get(MATCHER_CONFIG_KEY))[MATCHER_CONFIG_KEY];

  it('is rewritten from the bundle when the stored one is garbage', async () => {
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: { garbage: true } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await publishMatcherConfig()).toBe(true);
    expect(StoredMatcherConfigSchema.safeParse(await stored()).success).toBe(true);
  });

  it('is rewritten when a valid-looking config with the current version was tampered with', async () => {
    await publishMatcherConfig();
    const good = StoredMatcherConfigSchema.parse(await stored());
    const poisoned = { ...good, config: { entities: good.config.entities.slice(0, 1) } };
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: poisoned });
    expect(await publishMatcherConfig()).toBe(true);
    expect(StoredMatcherConfigSchema.parse(await stored())).toEqual(good);
  });

  it('is repaired as soon as another writer changes it', async () => {
    await publishMatcherConfig();
    const good = await stored();
    const stop = guardMatcherConfig();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: 'garbage' });
    await vi.waitFor(async () => expect(await stored()).toEqual(good));
    stop();
  });

  it("is repaired on a content script's request", async () => {
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: [1, 2, 3] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await call(listener(), { type: 'repairMatcherConfig' }, content(3))).toEqual({
      ok: true,
    });
    expect(StoredMatcherConfigSchema.safeParse(await stored()).success).toBe(true);
  });
});

describe('toolbar badge and icon', () => {
  const report = (counts: Record<string, number>, off = false) => ({
    type: 'reportMentions',
    counts,
    hostname: 'a.test',
    off,
  });
  const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

  it('shows the mentions of all frames of a tab, on that tab only', async () => {
    const l = listener();
    await call(l, report({ 'elon-musk': 2 }), content(7, 0));
    await call(l, report({ xai: 3 }), content(7, 4));
    await call(l, report({ xai: 1 }), content(8, 0));
    expect(await badge(7)).toBe('5');
    expect(await badge(8)).toBe('1');
    await call(l, report({}), content(7, 4));
    expect(await badge(7)).toBe('2');
    await call(l, report({}), content(7, 0));
    expect(await badge(7)).toBe('');
  });

  it('clears the badge and shows the off icon while the top frame says Fact Cards is off', async () => {
    const setIcon = vi.spyOn(fakeBrowser.action, 'setIcon');
    const l = listener();
    await call(l, report({ xai: 2 }), content(3, 0));
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 3, path: TOOLBAR_ICON_PATHS.on });
    await call(l, report({}, true), content(3, 0));
    expect(await badge(3)).toBe('');
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 3, path: TOOLBAR_ICON_PATHS.off });
    // A frame of another site that is on does not speak for the tab.
    await call(l, report({ xai: 1 }, false), content(3, 2));
    expect(await badge(3)).toBe('');
    expect(setIcon).toHaveBeenLastCalledWith({ tabId: 3, path: TOOLBAR_ICON_PATHS.off });
    await forgetTab(3);
    await call(l, report({ xai: 1 }), content(3, 0));
    expect(await badge(3)).toBe('1');
  });

  it('follows the badge setting, and redraws open tabs when it changes', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 }] as never);
    const l = listener();
    await call(l, report({ xai: 4 }), content(5, 0));
    expect(await badge(5)).toBe('4');
    const stop = followToolbarSettings();
    await changeSettings({ type: 'setBehaviour', field: 'toolbarBadge', value: false });
    await vi.waitFor(async () => expect(await badge(5)).toBe(''));
    await call(l, report({ xai: 6 }), content(5, 0));
    expect(await badge(5)).toBe('');
    await changeSettings({ type: 'setBehaviour', field: 'toolbarBadge', value: true });
    await vi.waitFor(async () => expect(await badge(5)).toBe('6'));
    stop();
    expect(DEFAULT_SETTINGS.toolbarBadge).toBe(true);
  });

  it('writes at most four characters', () => {
    expect([0, 1, 42, 999, 1000, 123456].map((n) => badgeText(n, true))).toEqual([
      '',
      '1',
      '42',
      '999',
      '999+',
      '999+',
    ]);
    expect(badgeText(12, false)).toBe('');
  });
});
