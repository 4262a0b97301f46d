/**
 * Pointer intent: where the reader's pointer rests, hit-tested against the mention ranges at
 * most once per frame, fed to hover intent. Only trusted events count: page script cannot open a
 * card by dispatching pointer events. With the `click` trigger, a trusted click opens the card.
 */
import { sameMention, type Feature } from '../session';

/** The pointer's last position, and whether the trigger's modifier key was held. */
interface PointerState {
  x: number;
  y: number;
  modifier: boolean;
}

export const pointerIntent: Feature = {
  name: 'pointerIntent',
  start(session, scope) {
    const { win, intent, cardHost } = session;
    let pointer: PointerState | undefined;
    let frame = 0;
    const modifierHeld = (e: MouseEvent) =>
      ({ Alt: e.altKey, Shift: e.shiftKey, Control: e.ctrlKey, Meta: e.metaKey })[
        session.settings.modifierKey
      ];

    const hitTest = scope.guard(() => {
      frame = 0;
      const scanner = session.scanner;
      if (!pointer || !scanner) return;
      const overCard = cardHost.contains(pointer.x, pointer.y);
      const mention = overCard ? undefined : scanner.mentionAt(pointer.x, pointer.y);
      const { trigger } = session.settings;
      const armed = trigger === 'hover' || (trigger === 'modifier' && pointer.modifier);
      // Unarmed, only the open card's own mention keeps it open.
      const open = intent.openMention;
      const kept = !!mention && !!open && sameMention(mention, open);
      intent.pointer(armed || kept ? mention : undefined, overCard);
    });
    const hitTestSoon = () => {
      if (frame || !pointer) return;
      frame = win.requestAnimationFrame(hitTest);
    };
    session.life.signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), {
      once: true,
    });

    scope.listen<PointerEvent>(
      win,
      'pointermove',
      (event) => {
        if (!session.scanner || event.pointerType === 'touch') return;
        pointer = { x: event.clientX, y: event.clientY, modifier: modifierHeld(event) };
        hitTestSoon();
      },
      { passive: true, capture: true },
    );
    scope.listen(win.document.documentElement, 'pointerleave', () => {
      pointer = undefined;
      intent.pointer(undefined, false);
    });
    scope.listen<MouseEvent>(
      win,
      'click',
      (event) => {
        if (!session.scanner || session.settings.trigger !== 'click') return;
        const mention = session.scanner.mentionAt(event.clientX, event.clientY);
        if (mention) intent.show(mention);
      },
      { capture: true },
    );
    // A pass may have found the mention already under a resting pointer.
    scope.on('pass', hitTestSoon);
  },
};
