/**
 * The content script's shared state, and how its features start: each feature gets a scope whose
 * listeners, timers and event handlers are bound to the script's lifetime (`ctx.signal`) and whose
 * errors are caught and reported under the feature's name, so one failing feature never takes the
 * others down (the way refined-github isolates its features).
 */
import type { CardData } from '../dataset/query';
import type { MatcherConfig } from '../detect';
import type { MentionHighlights } from '../dom/highlights';
import type { PageMention, PageScanner } from '../dom/scanner';
import type { Settings } from '../settings';
import type { CardHost } from './card-host';
import type { HoverIntent } from './intent';

/** The part of WXT's `ContentScriptContext` the features use (tests pass a fake). */
export interface Lifecycle {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
}

/** What happens in a session, as events features can react to. */
export interface SessionEvents {
  /** The stored settings changed (already validated). */
  settings: { previous: Settings; next: Settings };
  /** A new matcher config was stored. */
  config: MatcherConfig;
  /** A scan pass ended. */
  pass: PageScanner;
  /** Fact Cards started (true) or stopped (false) marking this frame. */
  active: boolean;
  /** Hover intent (or the keyboard) opened a mention's card; `focus` moves focus into it. */
  cardOpen: { mention: PageMention; focus: boolean };
  /** The open card was closed. */
  cardClose: undefined;
}

export type SessionEventName = keyof SessionEvents;

/** What features offer each other; a feature that failed to start leaves its entry empty. */
export interface FeatureApis {
  scanning: { refresh(): void };
  cardData: {
    /** Card data already fetched for an entity. */
    get(entityId: string): CardData | undefined;
    /** Fetches (once) and returns an entity's card data; undefined when unavailable. */
    load(entityId: string): Promise<CardData | undefined>;
  };
  reporting: { reportNow(): void };
  card: {
    /** Closes the card; returns focus to where it was when it was in the card. */
    close(): void;
    /** Renders the open card again (new data, theme or pin state). */
    refresh(): void;
    /** Where focus returns when the card closes (the keyboard moved it into the card). */
    rememberFocusOrigin(el: HTMLElement | undefined): void;
  };
  keyboard: { openNextMention(): boolean };
}

/** The state every feature shares in one frame. */
export interface Session {
  readonly life: Lifecycle;
  readonly win: Window & typeof globalThis;
  /** The top page's host name (what the site switch is about). */
  readonly hostname: string;
  settings: Settings;
  config: MatcherConfig;
  /** "Hidden in this tab" from the popup: off until the page reloads. */
  hiddenOnce: boolean;
  /** The page scanner, while Fact Cards is active in this frame. */
  scanner: PageScanner | undefined;
  readonly highlights: MentionHighlights;
  readonly cardHost: CardHost;
  readonly intent: HoverIntent<PageMention>;
  readonly features: Partial<FeatureApis>;
  /** Whether Fact Cards should mark this frame now. */
  isActive(): boolean;
  emit<K extends SessionEventName>(type: K, payload: SessionEvents[K]): void;
  /** Adds a listener for the session's lifetime (see {@link FeatureScope.on}). */
  subscribe<K extends SessionEventName>(
    type: K,
    listener: (payload: SessionEvents[K]) => void,
  ): () => void;
}

/** A feature's helpers: everything they register ends with the script and reports its errors. */
export interface FeatureScope {
  readonly name: string;
  /** Reacts to a session event; an error in the listener is reported and goes no further. */
  on<K extends SessionEventName>(type: K, listener: (payload: SessionEvents[K]) => void): void;
  /**
   * Listens to a DOM event until the script ends. Untrusted events (`isTrusted: false`, made by
   * page script) are dropped unless `trusted: false` is passed: a page must not drive the card.
   */
  listen<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions & { trusted?: boolean },
  ): void;
  /** A timer cleared when the script ends. */
  setTimeout(callback: () => void, ms: number): number;
  /** Wraps a callback so that its errors are reported under the feature's name. */
  guard<A extends unknown[]>(callback: (...args: A) => unknown): (...args: A) => void;
  warn(...args: unknown[]): void;
}

/** A feature: started once per frame; may return what it offers the other features. */
export interface Feature<K extends keyof FeatureApis = keyof FeatureApis> {
  name: K | string;
  start(session: Session, scope: FeatureScope): FeatureApis[K] | void;
}

/** Creates the event part of a session (the rest is plain state set by the caller). */
export function createSessionEvents(life: Lifecycle): Pick<Session, 'emit' | 'subscribe'> {
  const listeners = new Map<SessionEventName, Set<(payload: never) => void>>();
  return {
    emit(type, payload) {
      for (const listener of listeners.get(type) ?? [])
        (listener as (p: typeof payload) => void)(payload);
    },
    subscribe(type, listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener as (payload: never) => void);
      const remove = () => set.delete(listener as (payload: never) => void);
      life.signal.addEventListener('abort', remove, { once: true });
      return remove;
    },
  };
}

/** The scope of one feature in a session. */
export function featureScope(session: Session, name: string): FeatureScope {
  const { life, win } = session;
  const warn = (...args: unknown[]) => console.warn(`[factcards] ${name}:`, ...args);
  const guard =
    <A extends unknown[]>(callback: (...args: A) => unknown) =>
    (...args: A): void => {
      if (life.isInvalid) return;
      try {
        const result = callback(...args);
        if (result instanceof Promise) result.catch(warn);
      } catch (error) {
        warn(error);
      }
    };
  return {
    name,
    warn,
    guard,
    on(type, listener) {
      session.subscribe(type, guard(listener));
    },
    listen(target, type, handler, options = {}) {
      const { trusted = true, ...rest } = options;
      const safe = guard(handler as (event: Event) => void);
      target.addEventListener(
        type,
        (event) => {
          if (trusted && !event.isTrusted) return;
          safe(event);
        },
        { ...rest, signal: life.signal },
      );
    },
    setTimeout(callback, ms) {
      const id = win.setTimeout(guard(callback), ms);
      life.signal.addEventListener('abort', () => win.clearTimeout(id), { once: true });
      return id;
    },
  };
}

/**
 * Starts features in order, each isolated: one that throws while starting is reported and left
 * out (its API stays empty), and the rest start as usual.
 */
export function startFeatures(session: Session, features: readonly Feature[]): void {
  for (const feature of features) {
    const scope = featureScope(session, feature.name);
    try {
      const api = feature.start(session, scope);
      if (api) (session.features as Record<string, unknown>)[feature.name] = api;
    } catch (error) {
      scope.warn('could not start:', error);
    }
  }
}

/** Whether two mentions are the same mention: same entity, same text, same offsets. */
export function sameMention(a: PageMention, b: PageMention): boolean {
  const x = a.range;
  const y = b.range;
  return (
    a.entityId === b.entityId &&
    x.startContainer === y.startContainer &&
    x.startOffset === y.startOffset &&
    x.endContainer === y.endContainer &&
    x.endOffset === y.endOffset
  );
}
