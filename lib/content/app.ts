/**
 * The content script's composition root: reads the settings and the matcher config, builds the
 * frame's session, and starts the features, each isolated from the others' errors and bound to
 * `ctx` (lib/content/session.ts).
 */
import { MentionHighlights } from '../dom/highlights';
import type { PageMention } from '../dom/scanner';
import { isSiteOff, readSettings, watchSettings } from '../settings';
import { CardHost } from './card-host';
import { cardControllerFeature } from './features/card-controller';
import { cardDataFeature } from './features/card-data';
import { keyboard } from './features/keyboard';
import { mentionReportingFeature } from './features/mention-reporting';
import { messageHandlers } from './features/message-handlers';
import { pointerIntent } from './features/pointer-intent';
import { scanning } from './features/scanning';
import { HoverIntent } from './intent';
import { matcherConfigReady, watchMatcherConfig } from './matcher-config';
import {
  createSessionEvents,
  sameMention,
  startFeatures,
  type Lifecycle,
  type Session,
} from './session';

/** The top page's host name (an iframe follows the site it is shown on, when it can see it). */
function topHostname(): string {
  try {
    return window.top?.location.hostname || location.hostname;
  } catch {
    return location.hostname;
  }
}

/** Starts Fact Cards in this frame. */
export async function runFactCards(
  ctx: Lifecycle & { setTimeout(handler: () => void, ms: number): number },
): Promise<void> {
  if (document.designMode === 'on') return;
  const { settings } = await readSettings();
  const config = await matcherConfigReady(ctx);
  if (ctx.isInvalid || !config) return;

  const events = createSessionEvents(ctx);
  const timers = {
    setTimeout: (fn: () => void, ms: number) => ctx.setTimeout(fn, ms),
    clearTimeout: (id: number | undefined) => clearTimeout(id),
  };
  const session: Session = {
    ...events,
    life: ctx,
    win: window,
    hostname: topHostname(),
    settings,
    config,
    hiddenOnce: false,
    scanner: undefined,
    highlights: new MentionHighlights(window),
    cardHost: new CardHost(ctx),
    intent: new HoverIntent<PageMention>({
      dwellMs: () => session.settings.dwellMs,
      open: (mention, focus) => session.emit('cardOpen', { mention, focus }),
      close: () => session.emit('cardClose', undefined),
      same: sameMention,
      timers,
    }),
    features: {},
    isActive: () => !session.hiddenOnce && !isSiteOff(session.hostname, session.settings),
  };

  ctx.onInvalidated(
    watchSettings(({ settings: next }) => {
      const previous = session.settings;
      session.settings = next;
      session.emit('settings', { previous, next });
    }),
  );
  ctx.onInvalidated(
    watchMatcherConfig((stored) => {
      session.config = stored.config;
      session.emit('config', stored.config);
    }),
  );

  startFeatures(session, [
    messageHandlers,
    cardDataFeature(),
    mentionReportingFeature(),
    cardControllerFeature(),
    keyboard,
    pointerIntent,
    // Last: its first pass reaches every other feature's listeners.
    scanning,
  ]);
}
