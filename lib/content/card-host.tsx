/**
 * The one element the extension adds to a page: a plain `<div>` on `<html>` (not `<body>`, which
 * pages restyle or hide) with a closed shadow root, created on first use, rendering the Preact card.
 *
 * Why a built-in element and not a custom element name: a page can define a custom element name
 * first, and then either break the card or, through `attachInternals()`, reach its closed shadow
 * root. A `<div>` the page did not create, with no attribute and a closed root, is recognised by
 * identity only; the page's prototypes and custom elements do not exist in the content script's
 * world, and `:host { all: initial !important }` wins over the page's CSS.
 */
import { render } from 'preact';
import { Card } from '@/components/Card';
import type { CardData } from '@/lib/dataset/query';
import cardCss from '@/components/card.css?inline';
import positionsCss from '@/components/positions.css?inline';
import themeCss from '@/components/theme.css?inline';
import { placeCard } from './placement';
import type { Lifecycle } from './session';

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

/**
 * Resets the host against page CSS: `all: initial` with `!important`, which wins from inside a
 * shadow tree; pseudo-elements a page may add to every `div` are switched off too.
 */
const HOST_RESET = `:host { all: initial !important; display: contents !important; }
:host::before, :host::after { content: none !important; display: none !important; }`;

/** Keys typed in the card must not reach the page's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * Events the card acts on. Page script cannot reach into a closed shadow root, but should an
 * untrusted one get there anyway, it stops at the card's container before any control sees it.
 */
const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'input',
  'change',
  'toggle',
] as const;

/**
 * Lazily mounts the host and renders, places and removes the card.
 *
 * Why not WXT's `createShadowRootUi`: it brings auto-mount helpers, an isolated `<html>` and, in
 * `ui` mode, a fetch of the CSS, about 6 kB of the 40 kB content-script budget for a host we
 * need once. This is the same idea (shadow root, `all: initial`, isolated key events) in a page.
 */
export class CardHost {
  private host: HTMLElement | undefined;
  private shadow: ShadowRoot | undefined;
  private container: HTMLElement | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private current: ShowCardOptions | undefined;
  private keyHandler: ((event: KeyboardEvent) => void) | undefined;

  constructor(
    private readonly life: Lifecycle,
    private readonly doc: Document = document,
  ) {
    life.onInvalidated(() => this.destroy());
  }

  /** Whether an element is the card host (the extension's own UI): by identity, never by name. */
  isHost(el: Element | null | undefined): boolean {
    return !!el && el === this.host;
  }

  /** Receives the keys pressed inside the card (they do not reach the page). */
  onKeyDown(handler: (event: KeyboardEvent) => void): void {
    this.keyHandler = handler;
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
    if (!this.host || !this.shadow || !this.container) {
      const host = this.doc.createElement('div');
      const shadow = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`${HOST_RESET}\n${themeCss}\n${positionsCss}\n${cardCss}`);
      shadow.adoptedStyleSheets = [sheet];
      const container = this.doc.createElement('div');
      shadow.append(container);
      const untrusted = (event: Event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      };
      for (const type of GUARDED_EVENTS) container.addEventListener(type, untrusted, true);
      container.addEventListener('keydown', (event) => {
        if (event.isTrusted) this.keyHandler?.(event);
      });
      for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
      // The host is ours: whatever page script puts on it (`inert`, `hidden`, a style, light DOM
      // children) is taken off again, so the page cannot disable or cover the card through it.
      new MutationObserver(() => {
        for (const name of host.getAttributeNames()) host.removeAttribute(name);
        if (host.firstChild) host.replaceChildren();
      }).observe(host, { attributes: true, childList: true });
      this.host = host;
      this.shadow = shadow;
      this.container = container;
    }
    // On <html>, not <body>: pages restyle, replace or hide body's unknown children.
    this.doc.documentElement.append(this.host);
    return this.container;
  }

  /** Renders (or re-renders) the card next to its anchor. */
  show(options: ShowCardOptions): void {
    if (this.life.isInvalid) return;
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
      const place = () => {
        // Natural size first: the height the card would take without a limit.
        card.style.maxHeight = '';
        const size = card.getBoundingClientRect();
        const { x, y, maxHeight } = placeCard(
          anchor.getBoundingClientRect(),
          { width: size.width, height: size.height },
          { width: window.innerWidth, height: window.innerHeight },
        );
        card.style.maxHeight = `${maxHeight}px`;
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      };
      // Follow the mention through scrolling (of the page or any container) and resizes. This
      // is all floating-ui's autoUpdate would do here, without its observers.
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
    const first = this.focusables()[0];
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

  /** Removes the host from the page entirely (extension switched off here, or script ended). */
  destroy(): void {
    this.hide();
    this.host?.remove();
  }
}
