/**
 * The one element the extension adds to a page: a shadow-root host on `<html>` (not `<body>`,
 * which pages restyle or hide), created on first use, rendering the Preact card.
 */
import { render } from 'preact';
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Card } from '@/components/Card';
import type { CardData } from '@/lib/dataset/query';
import cardCss from '@/components/card.css?inline';
import positionsCss from '@/components/positions.css?inline';
import themeCss from '@/components/theme.css?inline';

export const CARD_HOST_TAG = 'factcards-card';

export interface ShowCardOptions {
  data: CardData;
  anchor: Range;
  aliasNote?: string;
  pinned: boolean;
  theme: 'system' | 'light' | 'dark';
  /** Move focus into the card (keyboard open). */
  focus: boolean;
  onPin: (pinned: boolean) => void;
  onClose: () => void;
  onOpenAll: () => void;
}

/** Resets the host against page CSS: `all: initial` (with !important, which wins from inside). */
const HOST_RESET = ':host { all: initial !important; display: contents !important; }';

/** Keys typed in the card must not reach the page's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * Lazily mounts the host and renders, places and removes the card.
 *
 * Why not WXT's `createShadowRootUi`: it brings auto-mount helpers, an isolated `<html>` and, in
 * `ui` mode, a fetch of the CSS — about 6 kB of the 40 kB content-script budget for a host we
 * need once. This is the same idea (shadow root, `all: initial`, isolated key events) in a page.
 */
export class CardHost {
  private host: HTMLElement | undefined;
  private shadow: ShadowRoot | undefined;
  private container: HTMLElement | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private current: ShowCardOptions | undefined;

  /** @param onKeyDown keys pressed inside the card (they do not reach the page) */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onKeyDown: (event: KeyboardEvent) => void,
  ) {}

  /** Whether an element is the card host (the extension's own UI). */
  static isHost(el: Element): boolean {
    return el.localName === CARD_HOST_TAG;
  }

  /** The card element, when one is open. */
  get cardElement(): HTMLElement | undefined {
    return (this.container?.querySelector('.fc-card') as HTMLElement | null) ?? undefined;
  }

  /** Whether a point is over the open card. */
  contains(x: number, y: number): boolean {
    const card = this.cardElement;
    if (!card) return false;
    const r = card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  /** Whether focus is inside the card. */
  hasFocus(): boolean {
    const card = this.cardElement;
    const active = this.shadow?.activeElement;
    return !!card && !!active && card.contains(active);
  }

  private mount(): HTMLElement {
    if (this.container && this.host?.isConnected) return this.container;
    const host = (this.host ??= document.createElement(CARD_HOST_TAG));
    if (!this.shadow) {
      this.shadow = host.attachShadow({
        mode: import.meta.env.WXT_SHADOW_MODE === 'closed' ? 'closed' : 'open',
      });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`${HOST_RESET}\n${themeCss}\n${positionsCss}\n${cardCss}`);
      this.shadow.adoptedStyleSheets = [sheet];
      this.container = document.createElement('div');
      this.shadow.append(this.container);
      this.container.addEventListener('keydown', this.onKeyDown);
      for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
      this.ctx.onInvalidated(() => this.destroy());
    }
    // On <html>, not <body>: pages restyle, replace or hide body's unknown children.
    document.documentElement.append(host);
    return this.container!;
  }

  /** Renders (or re-renders) the card next to its anchor. */
  show(options: ShowCardOptions): void {
    const container = this.mount();
    const sameAnchor = this.current?.anchor === options.anchor;
    this.current = options;
    render(
      <Card
        data={options.data}
        aliasNote={options.aliasNote}
        pinned={options.pinned}
        theme={options.theme}
        onPin={options.onPin}
        onClose={options.onClose}
        onOpenAll={options.onOpenAll}
      />,
      container,
    );
    const card = this.cardElement;
    if (!card) return;
    if (!sameAnchor) {
      this.stopAutoUpdate?.();
      const anchor = options.anchor;
      const reference = {
        getBoundingClientRect: () => anchor.getBoundingClientRect(),
        getClientRects: () => anchor.getClientRects(),
        contextElement: anchor.startContainer.parentElement ?? undefined,
      };
      const place = () =>
        void computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          // The reference is the mention's whole box: for a name wrapped over two lines the card
          // sits beside both lines rather than over one (floating-ui's `inline()` is not needed).
          middleware: [
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight, elements }) {
                elements.floating.style.maxHeight = `${Math.max(120, Math.min(availableHeight, window.innerHeight * 0.7))}px`;
              },
            }),
          ],
        }).then(({ x, y }) => {
          card.style.left = `${x}px`;
          card.style.top = `${y}px`;
        });
      // Follow the mention through scrolling (of the page or any container) and resizes. This
      // replaces floating-ui's autoUpdate, whose observers cost more bundle than they earn here.
      let frame = 0;
      const schedule = () => {
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
      };
      const listen = { capture: true, passive: true } as const;
      window.addEventListener('scroll', schedule, listen);
      window.addEventListener('resize', schedule, listen);
      this.stopAutoUpdate = () => {
        cancelAnimationFrame(frame);
        window.removeEventListener('scroll', schedule, listen);
        window.removeEventListener('resize', schedule, listen);
      };
      place();
    }
    if (options.focus) card.focus({ preventScroll: true });
  }

  /** Moves focus to the first control in the card (Tab from the page). */
  focusFirst(): boolean {
    const first = this.cardElement?.querySelector<HTMLElement>('a[href], button, summary');
    first?.focus({ preventScroll: true });
    return !!first;
  }

  /** The card's focusable controls, in order. */
  focusables(): HTMLElement[] {
    return [...(this.cardElement?.querySelectorAll<HTMLElement>('a[href], button, summary') ?? [])];
  }

  /** Removes the card (the host stays, empty, for the next one). */
  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.current = undefined;
    if (this.container) render(null, this.container);
  }

  /** Removes the host from the page entirely (extension switched off here). */
  destroy(): void {
    this.hide();
    this.host?.remove();
  }
}
