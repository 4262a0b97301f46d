/**
 * What the background and the popup ask of this frame: keyboard commands, the page's state,
 * a fresh mention report, "hidden in this tab", and revealing a mention. Messages are validated
 * against the protocol and accepted only from this extension (lib/messaging.ts).
 */
import { browser } from 'wxt/browser';
import {
  ContentRequests,
  createListener,
  parseContentMessage,
  type Handlers,
} from '../../messaging';
import type { Feature, Session } from '../session';

/** The handlers, apart from the runtime listener (unit tests call them directly). */
export function contentHandlers(session: Session): Handlers<typeof ContentRequests> {
  const { features } = session;
  return {
    runCommand: ({ command }) => {
      if (command === 'close-card') {
        features.card?.close();
        return { ok: true };
      }
      return { ok: features.keyboard?.openNextMention() ?? false };
    },
    getPageState: () => ({ hostname: session.hostname, hiddenOnce: session.hiddenOnce }),
    reportNow: () => {
      features.reporting?.reportNow();
      return { ok: true };
    },
    setHiddenOnce: ({ hidden }) => {
      session.hiddenOnce = hidden;
      features.scanning?.refresh();
      return { ok: true };
    },
    revealMention: ({ entityId, index }) => {
      const list = session.scanner?.mentions().filter((m) => m.entityId === entityId) ?? [];
      const mention = list[index];
      if (!mention) return { ok: false };
      const reduce = session.win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      mention.range.startContainer.parentElement?.scrollIntoView({
        block: 'center',
        behavior: reduce ? 'auto' : 'smooth',
      });
      session.highlights.flash(mention.range);
      return { ok: true };
    },
  };
}

export const messageHandlers: Feature = {
  name: 'messageHandlers',
  start(session) {
    // Only this extension's background and pages can message a content script.
    const listener = createListener(
      ContentRequests,
      parseContentMessage,
      contentHandlers(session),
      {
        id: () => browser.runtime.id,
        origin: () => '',
      },
    );
    browser.runtime.onMessage.addListener(listener);
    session.life.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
};
