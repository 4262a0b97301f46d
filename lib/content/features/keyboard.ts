/**
 * The keyboard path: Esc closes the card and returns focus, Tab moves from the page into the
 * open card and out of either end back to the page (focus is never trapped), and the
 * next-mention command opens the card of the next visible mention with focus in it.
 */
import type { PageMention } from '../../dom/scanner';
import type { Feature, Session } from '../session';

/** Whether a mention is at least partly inside the viewport. */
function visible(session: Session, mention: PageMention): boolean {
  const r = mention.range.getBoundingClientRect();
  const { innerWidth, innerHeight } = session.win;
  return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}

export const keyboard: Feature<'keyboard'> = {
  name: 'keyboard',
  start(session, scope) {
    const { win, intent, cardHost } = session;
    let index = -1;
    const focusedOutsideCard = () => {
      const active = win.document.activeElement;
      return active instanceof win.HTMLElement && !cardHost.isHost(active) ? active : undefined;
    };

    scope.listen<KeyboardEvent>(
      win,
      'keydown',
      (event) => {
        if (!intent.openMention) return;
        if (event.key === 'Escape') {
          session.features.card?.close();
        } else if (
          event.key === 'Tab' &&
          !event.shiftKey &&
          !event.altKey &&
          !event.ctrlKey &&
          !event.metaKey &&
          !cardHost.hasFocus()
        ) {
          session.features.card?.rememberFocusOrigin(focusedOutsideCard());
          if (cardHost.focusFirst()) event.preventDefault();
        }
      },
      { capture: true },
    );

    // Keys inside the card (the host passes on trusted ones only).
    cardHost.onKeyDown(
      scope.guard((event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          session.features.card?.close();
        } else if (event.key === 'Tab') {
          const items = cardHost.focusables();
          const active = event.composedPath()[0];
          const leavingEnd = event.shiftKey ? active === items[0] : active === items.at(-1);
          if (leavingEnd || items.length === 0) {
            event.preventDefault();
            session.features.card?.close();
          }
        }
      }),
    );

    return {
      openNextMention() {
        const all = session.scanner?.mentions() ?? [];
        if (all.length === 0) return false;
        let next = -1;
        for (let step = 1; step <= all.length; step++) {
          const i = (index + step) % all.length;
          if (visible(session, all[i]!)) {
            next = i;
            break;
          }
        }
        if (next === -1) {
          next = (index + 1) % all.length;
          all[next]!.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        }
        index = next;
        const mention = all[next]!;
        session.highlights.flash(mention.range, 800);
        session.features.card?.rememberFocusOrigin(focusedOutsideCard());
        intent.show(mention, true);
        return true;
      },
    };
  },
};
