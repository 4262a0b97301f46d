/**
 * The card controller: renders the open mention's card in the host, keeps it in step with its
 * data, the theme and the pin, returns focus when it closes, and opens the full view, only from
 * a trusted click on the card (the host stops untrusted ones) and at most once per click.
 */
import { INSTRUMENTED, recordMeasure } from '../../instrumentation';
import { sendToBackground } from '../../messaging';
import type { PageMention } from '../../dom/scanner';
import type { Feature } from '../session';

/** How the feature asks for the full view (tests pass a fake). */
export type OpenBrowse = (entityId: string) => Promise<unknown>;

const openBrowseInBackground: OpenBrowse = (entityId) =>
  sendToBackground({ type: 'openBrowse', entityId });

/** Builds the feature around a way to open the full view. */
export function cardControllerFeature(
  openBrowse: OpenBrowse = openBrowseInBackground,
): Feature<'card'> {
  return {
    name: 'card',
    start(session, scope) {
      const { intent, cardHost, win } = session;
      /** Where focus was before it moved into the card (restored on close). */
      let focusOrigin: HTMLElement | undefined;
      let opening: PageMention | undefined;

      const render = async (mention: PageMention, focus: boolean) => {
        const start = win.performance.now();
        const cardData = session.features.cardData;
        const prefetched = !!cardData?.get(mention.entityId);
        const data = await cardData?.load(mention.entityId);
        if (!data || intent.openMention !== mention) return;
        cardHost.show({
          data,
          anchor: mention.range,
          aliasNote: mention.note,
          pinned: intent.isPinned,
          theme: session.settings.theme,
          focus,
          onPin: scope.guard((pinned: boolean) => {
            intent.setPinned(pinned);
            refresh();
          }),
          onClose: scope.guard(() => close()),
          onOpenAll: scope.guard(() => {
            // One tab per click: a second activation while the first request is out does nothing.
            if (opening === mention) return;
            opening = mention;
            void openBrowse(mention.entityId)
              .catch(() => undefined)
              .finally(() => (opening = undefined));
          }),
        });
        // How long the reader waited once intent was clear (the budget is one frame, docs/DESIGN.md).
        if (INSTRUMENTED)
          win.requestAnimationFrame(() =>
            recordMeasure(win.performance, 'factcards:card', {
              start,
              end: win.performance.now(),
              detail: { entityId: mention.entityId, prefetched },
            }),
          );
      };
      const refresh = () => {
        const open = intent.openMention;
        if (open) void render(open, false).catch(scope.warn);
      };
      /** Closes the card and, when focus was in it, returns focus to where it was before. */
      const close = () => {
        const hadFocus = cardHost.hasFocus();
        intent.hide();
        if (!hadFocus && !focusOrigin) return;
        const origin = focusOrigin;
        focusOrigin = undefined;
        if (origin?.isConnected) origin.focus({ preventScroll: true });
        else (win.document.activeElement as HTMLElement | null)?.blur?.();
      };

      scope.on('cardOpen', ({ mention, focus }) => render(mention, focus));
      scope.on('cardClose', () => cardHost.hide());
      scope.on('settings', ({ previous, next }) => {
        if (previous.theme !== next.theme) refresh();
      });
      return {
        close,
        refresh,
        /** Remembers where focus was before the keyboard moved it into the card. */
        rememberFocusOrigin(el: HTMLElement | undefined) {
          focusOrigin = el;
        },
      };
    },
  };
}
