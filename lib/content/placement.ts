/**
 * Where the card goes: below the mention's left edge, or above it when it fits there and not
 * below, shifted to stay inside the viewport, and never taller than the room it has. Pure numbers
 * in and out, so it is tested with tables; the card host reads the rectangles and applies it.
 *
 * Why not floating-ui: this is the one placement the card needs (bottom-start, flip, shift, size),
 * and floating-ui's core and DOM packages cost about 4 kB of the content script's 40 kB budget.
 */

/** A box in viewport coordinates (a `DOMRect` will do). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card's position (`position: fixed`) and the height it may take. */
export interface Placement {
  x: number;
  y: number;
  maxHeight: number;
  side: 'below' | 'above';
}

export interface PlacementOptions {
  /** Between the mention and the card. @default 6 */
  gap?: number;
  /** Kept free at the viewport's edges. @default 8 */
  padding?: number;
  /** The card never takes more of the viewport's height than this. @default 0.7 */
  maxShare?: number;
  /** Nor less than this, even when the room is smaller (it then scrolls inside). @default 120 */
  minHeight?: number;
}

/**
 * Places a card of natural size `card` next to `anchor` in a viewport of `viewport` size.
 * @param anchor the mention's bounding box
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  options: PlacementOptions = {},
): Placement {
  const { gap = 6, padding = 8, maxShare = 0.7, minHeight = 120 } = options;
  const cap = viewport.height * maxShare;
  const below = viewport.height - anchor.bottom - gap - padding;
  const above = anchor.top - gap - padding;
  const wanted = Math.min(card.height, cap);
  // Below unless it only fits above; when it fits nowhere, the side with more room.
  const side = wanted <= below || (wanted > above && below >= above) ? 'below' : 'above';
  const room = side === 'below' ? below : above;
  const maxHeight = Math.max(minHeight, Math.min(room, cap));
  const height = Math.min(card.height, maxHeight);
  const y = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  const x = Math.max(padding, Math.min(anchor.left, viewport.width - padding - card.width));
  return { x, y, maxHeight, side };
}
