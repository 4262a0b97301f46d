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
  forwardCommand,
  publishMatcherConfig,
} from '@/lib/background/handlers';
import { MATCHER_CONFIG_KEY, StoredMatcherConfigSchema } from '@/lib/matcher-config';
import { CardDataSchema } from '@/lib/dataset/query';

const OWN_ID = 'factcards-test-id';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

function listener() {
  const service = new DatasetService(getBundledDataset);
  return createListener<typeof BackgroundRequests>(
    parseBackgroundMessage,
    createBackgroundHandlers(service),
    () => OWN_ID,
  );
}

/** Calls a listener the way the browser does and resolves with what it sent back. */
function call(
  l: ReturnType<typeof listener>,
  message: unknown,
  sender: Record<string, unknown> = { id: OWN_ID },
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
      { type: 'reportMentions', counts: { 'elon-musk': 2 }, hostname: 'a.test' },
      { id: OWN_ID, tab: { id: 7 }, frameId: 0 },
    );
    await call(
      l,
      { type: 'reportMentions', counts: { 'elon-musk': 1, xai: 3 }, hostname: 'a.test' },
      { id: OWN_ID, tab: { id: 7 }, frameId: 5 },
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
          { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test' },
          { id: OWN_ID, tab: { id: 6 }, frameId },
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
      { type: 'reportMentions', counts: { xai: 2 }, hostname: 'a.test' },
      { id: OWN_ID, tab: { id: 3 }, frameId: 0 },
    );
    await call(
      l,
      { type: 'reportMentions', counts: { xai: 1 }, hostname: 'a.test' },
      { id: OWN_ID, tab: { id: 3 }, frameId: 9 },
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
