/**
 * The content script's wiring: settings and matcher config from storage, the page scanner,
 * hover intent, the card host and the message handlers. Every listener is bound to `ctx`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, type CompiledMatcher } from '../detect';
import type { CardData } from '../dataset/query';
import { MentionHighlights } from '../dom/highlights';
import { PageScanner, type PageMention } from '../dom/scanner';
import { readMatcherConfig, watchMatcherConfig, type StoredMatcherConfig } from '../matcher-config';
import {
  ContentRequests,
  createListener,
  parseContentMessage,
  sendToBackground,
  type Handlers,
} from '../messaging';
import { isSiteOff, readSettings, watchSettings } from '../settings';
import { CardHost } from './card-host';
import { HoverIntent } from './intent';
import { INSTRUMENTED, recordMeasure } from '../instrumentation';

/** The top page's host name (an iframe follows the site it is shown on, when it can see it). */
function topHostname(): string {
  try {
    return window.top?.location.hostname || location.hostname;
  } catch {
    return location.hostname;
  }
}

/** The matcher config; just after install the background may not have written it yet. */
function matcherConfigReady(ctx: ContentScriptContext): Promise<StoredMatcherConfig> {
  return new Promise((resolve) => {
    const unwatch = watchMatcherConfig((config) => {
      unwatch();
      resolve(config);
    });
    ctx.onInvalidated(unwatch);
    void readMatcherConfig().then((config) => {
      if (!config) return;
      unwatch();
      resolve(config);
    });
  });
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Starts the extension in this frame. */
export async function runFactCards(ctx: ContentScriptContext): Promise<void> {
  if (document.designMode === 'on') return;
  let { settings } = await readSettings();
  let { config } = await matcherConfigReady(ctx);
  if (ctx.isInvalid) return;

  const hostname = topHostname();
  let hiddenOnce = false;
  const isActive = () => !hiddenOnce && !isSiteOff(hostname, settings);

  const highlights = new MentionHighlights(window);
  highlights.setStyle(settings.highlightStyle);
  const cards = new Map<string, CardData>();
  const pendingCards = new Map<string, Promise<void>>();
  let scanner: PageScanner | undefined;
  let lastReported = '';
  let reportTimer: number | undefined;
  let focusOrigin: HTMLElement | undefined;
  let keyboardIndex = -1;

  const compile = (): CompiledMatcher => {
    const off = new Set(settings.disabledEntities);
    return compileMatcher(config, {
      enabledEntityIds: new Set(config.entities.map((e) => e.id).filter((id) => !off.has(id))),
    });
  };

  /** Fetches card data for entities not cached yet: one message for all of them. */
  const prefetch = (entityIds: string[]): Promise<void> => {
    const missing = entityIds.filter((id) => !cards.has(id) && !pendingCards.has(id));
    if (missing.length > 0) {
      const request = sendToBackground({ type: 'getCards', entityIds: missing })
        .then(({ cards: list }) => {
          for (const card of list) cards.set(card.entity.id, card);
        })
        .catch((error: unknown) => console.warn('[factcards] card data unavailable:', error))
        .finally(() => missing.forEach((id) => pendingCards.delete(id)));
      for (const id of missing) pendingCards.set(id, request);
    }
    return Promise.all(entityIds.map((id) => pendingCards.get(id))).then(() => undefined);
  };

  const report = (counts: Record<string, number>) => {
    const key = JSON.stringify(counts);
    if (key === lastReported) return;
    clearTimeout(reportTimer);
    reportTimer = ctx.setTimeout(() => {
      lastReported = key;
      void sendToBackground({ type: 'reportMentions', counts, hostname }).catch(() => undefined);
    }, 300);
  };

  const cardHost = new CardHost(ctx, (event) => onCardKey(event));

  const intent = new HoverIntent<PageMention>({
    dwellMs: () => settings.dwellMs,
    open: (mention) => void openCard(mention, false),
    close: () => closeCard(),
    same: (a, b) => a.range === b.range,
    timers: {
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => {
        if (id !== undefined) clearTimeout(id);
      },
    },
  });

  async function openCard(mention: PageMention, focus: boolean): Promise<void> {
    const start = performance.now();
    const prefetched = cards.has(mention.entityId);
    if (!prefetched) await prefetch([mention.entityId]);
    const data = cards.get(mention.entityId);
    if (!data || intent.openMention !== mention) return;
    if (focus) {
      const active = document.activeElement;
      focusOrigin = active instanceof HTMLElement && !CardHost.isHost(active) ? active : undefined;
    }
    cardHost.show({
      data,
      anchor: mention.range,
      aliasNote: mention.note,
      pinned: intent.isPinned,
      theme: settings.theme,
      focus,
      onPin: (pinned) => {
        intent.setPinned(pinned);
        if (intent.openMention) void openCard(intent.openMention, false);
      },
      onClose: () => closeAndRestoreFocus(),
      onOpenAll: () =>
        void sendToBackground({ type: 'openBrowse', entityId: mention.entityId }).catch(
          () => undefined,
        ),
    });
    // How long the reader waited once intent was clear (the budget is one frame, DESIGN.md).
    if (INSTRUMENTED) {
      requestAnimationFrame(() =>
        recordMeasure(performance, 'factcards:card', {
          start,
          end: performance.now(),
          detail: { entityId: mention.entityId, prefetched },
        }),
      );
    }
  }

  function closeCard(): void {
    cardHost.hide();
  }

  /** Closes the card and, when focus was in it, returns focus to where it was before. */
  function closeAndRestoreFocus(): void {
    const hadFocus = cardHost.hasFocus();
    intent.hide();
    if (hadFocus || focusOrigin) {
      const origin = focusOrigin;
      focusOrigin = undefined;
      if (origin?.isConnected) origin.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
  }

  function onCardKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeAndRestoreFocus();
    } else if (event.key === 'Tab') {
      // Never trap focus: tabbing out of either end of the card returns to the page.
      const items = cardHost.focusables();
      const active = event.composedPath()[0];
      const leavingEnd = event.shiftKey ? active === items[0] : active === items[items.length - 1];
      if (leavingEnd || items.length === 0) {
        event.preventDefault();
        closeAndRestoreFocus();
      }
    }
  }

  /** Opens the card of the next mention in the viewport (keyboard command). */
  function openNextMention(): boolean {
    if (!scanner) return false;
    const all = scanner.mentions();
    if (all.length === 0) return false;
    const visible = (m: PageMention) => {
      const r = m.range.getBoundingClientRect();
      return (
        r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
      );
    };
    let next = -1;
    for (let step = 1; step <= all.length; step++) {
      const i = (keyboardIndex + step) % all.length;
      if (visible(all[i]!)) {
        next = i;
        break;
      }
    }
    if (next === -1) {
      next = (keyboardIndex + 1) % all.length;
      all[next]!.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    }
    keyboardIndex = next;
    const mention = all[next]!;
    highlights.flash(mention.range, 800);
    intent.show(mention);
    void openCard(mention, true);
    return true;
  }

  function start(): void {
    if (scanner || !isActive()) return;
    scanner = new PageScanner({
      win: window,
      matcher: compile(),
      highlights,
      isOwnUi: CardHost.isHost,
      signal: ctx.signal,
      onPass: (s) => {
        const ids = s.entityIds();
        void prefetch(ids);
        report(s.counts());
        hitTestSoon();
      },
    });
    highlights.setStyle(settings.highlightStyle);
    void scanner.start();
  }

  function stop(): void {
    intent.hide();
    scanner?.stop();
    scanner = undefined;
    cardHost.destroy();
    report({});
  }

  // Pointer: hit-test at most once per frame, only while the pointer moves (and after a scan
  // pass, which may have found the mention already under a resting pointer).
  let pointer: { x: number; y: number; mod: boolean } | undefined;
  let frame = 0;
  const modifierHeld = (e: MouseEvent) =>
    ({ Alt: e.altKey, Shift: e.shiftKey, Control: e.ctrlKey, Meta: e.metaKey })[
      settings.modifierKey
    ];
  const hitTestSoon = () => {
    if (frame || !pointer) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!pointer || !scanner) return;
      const overCard = cardHost.contains(pointer.x, pointer.y);
      const mention = overCard ? undefined : scanner.mentionAt(pointer.x, pointer.y);
      const armed =
        settings.trigger === 'hover' || (settings.trigger === 'modifier' && pointer.mod);
      intent.pointer(
        armed ? mention : mention && intent.openMention === mention ? mention : undefined,
        overCard,
      );
    });
  };
  ctx.addEventListener(
    window,
    'pointermove',
    (event) => {
      if (!scanner || event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY, mod: modifierHeld(event) };
      hitTestSoon();
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(document.documentElement, 'pointerleave', () => {
    pointer = undefined;
    intent.pointer(undefined, false);
  });
  ctx.addEventListener(
    window,
    'click',
    (event) => {
      if (!scanner || settings.trigger !== 'click') return;
      const mention = scanner.mentionAt(event.clientX, event.clientY);
      if (mention) intent.show(mention);
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (!intent.openMention) return;
      if (event.key === 'Escape') {
        closeAndRestoreFocus();
      } else if (
        event.key === 'Tab' &&
        !event.shiftKey &&
        !event.altKey &&
        !event.ctrlKey &&
        !event.metaKey &&
        !cardHost.hasFocus()
      ) {
        const active = document.activeElement;
        focusOrigin =
          active instanceof HTMLElement && !CardHost.isHost(active) ? active : undefined;
        if (cardHost.focusFirst()) event.preventDefault();
      }
    },
    { capture: true },
  );

  const handlers: Handlers<typeof ContentRequests> = {
    runCommand: ({ command }) => {
      if (command === 'close-card') {
        closeAndRestoreFocus();
        return { ok: true };
      }
      return { ok: openNextMention() };
    },
    getPageState: () => ({ hostname, hiddenOnce }),
    reportNow: () => {
      lastReported = '';
      report(scanner?.counts() ?? {});
      return { ok: true };
    },
    setHiddenOnce: ({ hidden }) => {
      hiddenOnce = hidden;
      if (isActive()) start();
      else stop();
      return { ok: true };
    },
    revealMention: ({ entityId, index }) => {
      const list = scanner?.mentions().filter((m) => m.entityId === entityId) ?? [];
      const mention = list[index];
      if (!mention) return { ok: false };
      const el = mention.range.startContainer.parentElement;
      el?.scrollIntoView({
        block: 'center',
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      });
      highlights.flash(mention.range);
      return { ok: true };
    },
  };
  const listener = createListener<typeof ContentRequests>(
    parseContentMessage,
    handlers,
    () => browser.runtime.id,
  );
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

  ctx.onInvalidated(
    watchSettings(({ settings: next }) => {
      const previous = settings;
      settings = next;
      if (
        !sameStrings(previous.disabledSources, next.disabledSources) ||
        !sameStrings(previous.disabledEntities, next.disabledEntities)
      ) {
        cards.clear();
        if (scanner) {
          const open = intent.openMention;
          void prefetch(scanner.entityIds()).then(() => {
            if (open && intent.openMention === open) void openCard(open, false);
          });
        }
      }
      if (!sameStrings(previous.disabledEntities, next.disabledEntities)) {
        intent.hide();
        void scanner?.setMatcher(compile());
      }
      if (previous.highlightStyle !== next.highlightStyle) highlights.setStyle(next.highlightStyle);
      if (previous.theme !== next.theme && intent.openMention)
        void openCard(intent.openMention, false);
      if (isActive()) start();
      else if (scanner) stop();
    }),
  );
  ctx.onInvalidated(
    watchMatcherConfig((stored) => {
      config = stored.config;
      cards.clear();
      void scanner?.setMatcher(compile());
    }),
  );

  start();
}
