// The content script's features, each driven through a fake session: fake window, fake scanner,
// fake card host, and the real event bus, feature scopes and hover intent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '@/lib/dataset/query';
import type { PageMention } from '@/lib/dom/scanner';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { cardControllerFeature } from '@/lib/content/features/card-controller';
import { cardDataFeature } from '@/lib/content/features/card-data';
import { keyboard } from '@/lib/content/features/keyboard';
import { mentionReportingFeature, REPORT_DELAY_MS } from '@/lib/content/features/mention-reporting';
import { contentHandlers } from '@/lib/content/features/message-handlers';
import { pointerIntent } from '@/lib/content/features/pointer-intent';
import { HoverIntent } from '@/lib/content/intent';
import {
  createSessionEvents,
  sameMention,
  startFeatures,
  type Feature,
  type Session,
} from '@/lib/content/session';

/** An event target whose listeners tests call with event-like objects (trusted or not). */
class FakeTarget {
  listeners = new Map<string, ((event: unknown) => void)[]>();
  addEventListener(type: string, fn: (event: unknown) => void, options?: { signal?: AbortSignal }) {
    const list = this.listeners.get(type) ?? [];
    list.push(fn);
    this.listeners.set(type, list);
    options?.signal?.addEventListener('abort', () => list.splice(list.indexOf(fn), 1));
  }
  removeEventListener() {}
  fire(type: string, event: Record<string, unknown>) {
    // A copy: a listener may remove itself.
    for (const fn of (this.listeners.get(type) ?? []).slice()) fn({ isTrusted: true, ...event });
  }
}

class FakeElement {
  focused = 0;
  isConnected = true;
  focus() {
    this.focused++;
  }
}

function fakeWindow() {
  const win = new FakeTarget() as FakeTarget & Record<string, unknown>;
  const doc = { documentElement: new FakeTarget(), activeElement: null as unknown };
  Object.assign(win, {
    document: doc,
    HTMLElement: FakeElement,
    innerWidth: 1000,
    innerHeight: 800,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 16),
    cancelAnimationFrame: (id: number) => clearTimeout(id),
    performance: { now: () => Date.now() },
    matchMedia: () => ({ matches: false }),
  });
  return win;
}

let nextNode = 0;
/** A mention as the scanner makes one: a value (entity, text node, offsets) with a range. */
function mention(entityId: string, start = 0, node: object = { id: nextNode++ }, inView = true) {
  const range = {
    startContainer: node,
    endContainer: node,
    startOffset: start,
    endOffset: start + 4,
    getBoundingClientRect: () =>
      inView
        ? { width: 40, top: 10, bottom: 30, left: 10, right: 50 }
        : { width: 40, top: 2000, bottom: 2020, left: 10, right: 50 },
  };
  return {
    entityId,
    start,
    end: start + 4,
    alias: 'x',
    strength: 'strong',
    range,
    block: node,
  } as unknown as PageMention;
}

function fakeScanner(mentions: PageMention[] = []) {
  return {
    mentions: () => mentions,
    counts: () => {
      const c: Record<string, number> = {};
      for (const m of mentions) c[m.entityId] = (c[m.entityId] ?? 0) + 1;
      return c;
    },
    entityIds: () => [...new Set(mentions.map((m) => m.entityId))],
    mentionAt: vi.fn((): PageMention | undefined => undefined),
    setMatcher: vi.fn(),
  };
}

function fakeCardHost() {
  return {
    shown: [] as { entityId: string; focus: boolean; onOpenAll: () => void; onClose: () => void }[],
    hidden: 0,
    keyHandler: undefined as ((e: unknown) => void) | undefined,
    focus: false,
    isHost: () => false,
    contains: () => false,
    hasFocus() {
      return this.focus;
    },
    focusFirst: vi.fn(() => true),
    focusables: () => [],
    onKeyDown(handler: (e: unknown) => void) {
      this.keyHandler = handler;
    },
    show(options: { data: CardData; focus: boolean; onOpenAll: () => void; onClose: () => void }) {
      this.shown.push({ entityId: options.data.entity.id, ...options });
    },
    hide() {
      this.hidden++;
    },
    destroy() {},
  };
}

const cardData = (id: string) => ({ entity: { id } }) as unknown as CardData;

function fakeSession(options: { mentions?: PageMention[]; settings?: Partial<Settings> } = {}) {
  const controller = new AbortController();
  const life = {
    signal: controller.signal,
    get isInvalid() {
      return controller.signal.aborted;
    },
    onInvalidated(cb: () => void) {
      controller.signal.addEventListener('abort', cb);
      return () => undefined;
    },
  };
  const win = fakeWindow();
  const scanner = fakeScanner(options.mentions);
  const cardHost = fakeCardHost();
  const highlights = { flash: vi.fn(), setStyle: vi.fn() };
  const session = {
    ...createSessionEvents(life),
    life,
    win,
    hostname: 'news.example',
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    config: { entities: [] },
    hiddenOnce: false,
    scanner,
    highlights,
    cardHost,
    features: {},
    isActive: () => true,
  } as unknown as Session;
  (session as { intent: HoverIntent<PageMention> }).intent = new HoverIntent<PageMention>({
    dwellMs: () => session.settings.dwellMs,
    open: (m, focus) => session.emit('cardOpen', { mention: m, focus }),
    close: () => session.emit('cardClose', undefined),
    same: sameMention,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
    },
  });
  return { session, controller, win, scanner, cardHost, highlights };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('feature isolation', () => {
  it('a feature that throws while starting is left out; the others start', () => {
    const { session } = fakeSession();
    const started: string[] = [];
    const broken: Feature = {
      name: 'broken',
      start() {
        throw new Error('boom');
      },
    };
    const fine: Feature = { name: 'fine', start: () => void started.push('fine') };
    startFeatures(session, [broken, fine]);
    expect(started).toEqual(['fine']);
    expect(console.warn).toHaveBeenCalledWith(
      '[factcards] broken:',
      'could not start:',
      expect.any(Error),
    );
  });

  it("an error in one feature's listener does not stop the next feature's", () => {
    const { session, scanner } = fakeSession();
    const seen: string[] = [];
    startFeatures(session, [
      {
        name: 'a',
        start: (_s, scope) =>
          scope.on('pass', () => {
            throw new Error('a failed');
          }),
      },
      { name: 'b', start: (_s, scope) => scope.on('pass', () => void seen.push('b')) },
    ]);
    session.emit('pass', scanner as never);
    expect(seen).toEqual(['b']);
    expect(console.warn).toHaveBeenCalledWith('[factcards] a:', expect.any(Error));
  });

  it('listeners, DOM handlers and timers end with the script', () => {
    const { session, controller, scanner, win } = fakeSession();
    const seen: string[] = [];
    startFeatures(session, [
      {
        name: 'x',
        start(_s, scope) {
          scope.on('pass', () => void seen.push('pass'));
          scope.listen(win as never, 'keydown', () => void seen.push('key'));
          scope.setTimeout(() => void seen.push('timer'), 100);
        },
      },
    ]);
    controller.abort();
    session.emit('pass', scanner as never);
    win.fire('keydown', {});
    vi.advanceTimersByTime(200);
    expect(seen).toEqual([]);
  });

  it('drops untrusted DOM events unless asked not to', () => {
    const { session, win } = fakeSession();
    const seen: unknown[] = [];
    startFeatures(session, [
      {
        name: 'x',
        start(_s, scope) {
          scope.listen(win as never, 'pointermove', (e) => void seen.push(['trusted only', e]));
          scope.listen(win as never, 'pointermove', (e) => void seen.push(['any', e]), {
            trusted: false,
          });
        },
      },
    ]);
    win.fire('pointermove', { isTrusted: false });
    expect(seen.map((s) => (s as string[])[0])).toEqual(['any']);
    win.fire('pointermove', {});
    expect(seen.map((s) => (s as string[])[0])).toEqual(['any', 'trusted only', 'any']);
  });
});

describe('mention reporting', () => {
  it('reports counts once they settle, never the same twice, and {} when stopped', () => {
    const m = [mention('xai'), mention('xai', 10), mention('elon-musk')];
    const { session, scanner } = fakeSession({ mentions: m });
    const send = vi.fn(() => Promise.resolve());
    startFeatures(session, [mentionReportingFeature(send)]);
    session.emit('pass', scanner as never);
    session.emit('pass', scanner as never);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenCalledExactlyOnceWith({ xai: 2, 'elon-musk': 1 }, 'news.example', false);
    session.emit('pass', scanner as never);
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenCalledTimes(1);
    session.features.reporting?.reportNow();
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenCalledTimes(2);
    session.isActive = () => false;
    session.emit('active', false);
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenLastCalledWith({}, 'news.example', true);
  });

  it('says the frame is off when it starts off (no pass will come), and on again once it is', () => {
    const { session, scanner } = fakeSession({ mentions: [mention('xai')] });
    session.isActive = () => false;
    const send = vi.fn(() => Promise.resolve());
    startFeatures(session, [mentionReportingFeature(send)]);
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenCalledExactlyOnceWith({}, 'news.example', true);
    session.isActive = () => true;
    session.emit('active', true);
    session.emit('pass', scanner as never);
    vi.advanceTimersByTime(REPORT_DELAY_MS);
    expect(send).toHaveBeenLastCalledWith({ xai: 1 }, 'news.example', false);
  });
});

describe('card data', () => {
  it('fetches what a pass found in one message, caches it, and refetches when sources change', async () => {
    const { session, scanner } = fakeSession({ mentions: [mention('xai'), mention('elon-musk')] });
    const fetchCards = vi.fn((ids: string[]) => Promise.resolve(ids.map(cardData)));
    const refresh = vi.fn();
    (session.features as Record<string, unknown>).card = { refresh, close: vi.fn() };
    startFeatures(session, [cardDataFeature(fetchCards)]);
    session.emit('pass', scanner as never);
    session.emit('pass', scanner as never);
    expect(await session.features.cardData?.load('xai')).toEqual(cardData('xai'));
    expect(fetchCards).toHaveBeenCalledExactlyOnceWith(['xai', 'elon-musk']);
    const next = { ...session.settings, disabledSources: ['benzinga-2024'] };
    session.emit('settings', { previous: session.settings, next });
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(fetchCards).toHaveBeenCalledTimes(2);
  });

  it('answers undefined (and says why) when the background cannot answer', async () => {
    const { session } = fakeSession();
    startFeatures(session, [cardDataFeature(() => Promise.reject(new Error('no worker')))]);
    expect(await session.features.cardData?.load('xai')).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith(
      '[factcards] cardData:',
      'card data unavailable:',
      expect.any(Error),
    );
  });
});

describe('pointer intent and the card controller', () => {
  function started(settings: Partial<Settings> = {}) {
    const m = mention('elon-musk');
    const s = fakeSession({ mentions: [m], settings });
    s.scanner.mentionAt.mockReturnValue(m);
    const openBrowse = vi.fn(() => new Promise<void>(() => undefined));
    startFeatures(s.session, [
      cardDataFeature((ids) => Promise.resolve(ids.map(cardData))),
      cardControllerFeature(openBrowse),
      pointerIntent,
    ]);
    return { ...s, m, openBrowse };
  }

  it('opens the card after the pointer rests for the dwell delay, from trusted events only', async () => {
    const { win, cardHost } = started();
    for (let t = 0; t < 10; t++) {
      win.fire('pointermove', { isTrusted: false, clientX: 20, clientY: 20, pointerType: 'mouse' });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(cardHost.shown).toEqual([]);
    win.fire('pointermove', { clientX: 20, clientY: 20, pointerType: 'mouse' });
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.dwellMs + 50);
    expect(cardHost.shown.map((c) => c.entityId)).toEqual(['elon-musk']);
  });

  it('keeps the dwell going when a rescan recreates the same mention', async () => {
    const { win, cardHost, scanner } = started();
    win.fire('pointermove', { clientX: 20, clientY: 20, pointerType: 'mouse' });
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.dwellMs - 100);
    const node = scanner.mentionAt.mock.results[0]!.value.range.startContainer;
    scanner.mentionAt.mockReturnValue(mention('elon-musk', 0, node));
    win.fire('pointermove', { clientX: 21, clientY: 20, pointerType: 'mouse' });
    await vi.advanceTimersByTimeAsync(150);
    expect(cardHost.shown).toHaveLength(1);
  });

  it('with the click trigger, only a trusted click opens', async () => {
    const { win, cardHost } = started({ trigger: 'click' });
    win.fire('click', { isTrusted: false, clientX: 20, clientY: 20 });
    win.fire('pointermove', { clientX: 20, clientY: 20, pointerType: 'mouse' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(cardHost.shown).toEqual([]);
    win.fire('click', { clientX: 20, clientY: 20 });
    await vi.advanceTimersByTimeAsync(10);
    expect(cardHost.shown).toHaveLength(1);
  });

  it('opens the full view once per activation while the request is out', async () => {
    const { session, m, cardHost, openBrowse } = started();
    session.intent.show(m);
    await vi.advanceTimersByTimeAsync(10);
    const shown = cardHost.shown[0]!;
    shown.onOpenAll();
    shown.onOpenAll();
    expect(openBrowse).toHaveBeenCalledExactlyOnceWith('elon-musk');
  });
});

describe('keyboard', () => {
  it('opens the next visible mention with focus, and Escape closes it', async () => {
    const visible = mention('xai', 0);
    const offscreen = mention('elon-musk', 5, { id: 'far' }, false);
    const { session, win, cardHost, highlights } = fakeSession({ mentions: [offscreen, visible] });
    const origin = new FakeElement();
    (win.document as { activeElement: unknown }).activeElement = origin;
    startFeatures(session, [
      cardDataFeature((ids) => Promise.resolve(ids.map(cardData))),
      cardControllerFeature(vi.fn()),
      keyboard,
    ]);
    expect(session.features.keyboard?.openNextMention()).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(cardHost.shown.map((c) => [c.entityId, c.focus])).toEqual([['xai', true]]);
    expect(highlights.flash).toHaveBeenCalledWith(visible.range, 800);
    cardHost.focus = true;
    win.fire('keydown', { key: 'Escape', isTrusted: false });
    expect(session.intent.openMention).toBe(visible);
    win.fire('keydown', { key: 'Escape' });
    expect(session.intent.openMention).toBeUndefined();
    expect(origin.focused).toBe(1);
  });
});

describe('message handlers', () => {
  it('route commands, reports, the hidden switch and reveals to the features', async () => {
    const m = mention('xai');
    const { session, highlights } = fakeSession({ mentions: [m] });
    const calls: string[] = [];
    Object.assign(session.features, {
      keyboard: { openNextMention: () => (calls.push('next'), true) },
      card: { close: () => calls.push('close') },
      reporting: { reportNow: () => calls.push('report') },
      scanning: { refresh: () => calls.push(`refresh:${session.hiddenOnce}`) },
    });
    const h = contentHandlers(session);
    const sender = { kind: 'page' as const };
    expect(await h.runCommand({ type: 'runCommand', command: 'next-mention' }, sender)).toEqual({
      ok: true,
    });
    await h.runCommand({ type: 'runCommand', command: 'close-card' }, sender);
    await h.reportNow({ type: 'reportNow' }, sender);
    await h.setHiddenOnce({ type: 'setHiddenOnce', hidden: true }, sender);
    expect(await h.getPageState({ type: 'getPageState' }, sender)).toEqual({
      hostname: 'news.example',
      hiddenOnce: true,
    });
    const scrolled = vi.fn();
    (m.range.startContainer as { parentElement?: unknown }).parentElement = {
      scrollIntoView: scrolled,
    };
    expect(
      await h.revealMention({ type: 'revealMention', entityId: 'xai', index: 0 }, sender),
    ).toEqual({ ok: true });
    expect(
      await h.revealMention({ type: 'revealMention', entityId: 'xai', index: 1 }, sender),
    ).toEqual({ ok: false });
    expect(calls).toEqual(['next', 'close', 'report', 'refresh:true']);
    expect(scrolled).toHaveBeenCalledOnce();
    expect(highlights.flash).toHaveBeenCalledWith(m.range);
  });
});

describe('the matcher config, as the content script reads it', () => {
  it('says once that the stored config is invalid, asks for a repair, and starts on the repaired one', async () => {
    vi.useRealTimers();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { matcherConfigReady } = await import('@/lib/content/matcher-config');
    const { MATCHER_CONFIG_KEY } = await import('@/lib/matcher-config');
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: { datasetVersion: 1 } });
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      asked.push(message);
      return Promise.resolve({ ok: true });
    });
    const { session } = fakeSession();
    const ready = matcherConfigReady(session.life);
    await vi.waitFor(() => expect(asked).toEqual([{ type: 'repairMatcherConfig' }]));
    // A second invalid write is reported no more, but asks again.
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: 'still garbage' });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    const config = {
      entities: [
        {
          id: 'xai',
          aliases: [{ text: 'xAI', strength: 'strong', caseSensitive: true }],
          cues: { positive: [], negative: [], namesakes: [] },
        },
      ],
    };
    await fakeBrowser.storage.local.set({ [MATCHER_CONFIG_KEY]: { datasetVersion: 'v', config } });
    expect(await ready).toEqual(config);
    const warnings = vi
      .mocked(console.warn)
      .mock.calls.filter((c) => String(c[0]).includes('matcher config is invalid'));
    expect(warnings).toHaveLength(1);
  });
});
