/**
 * Roving focus for lists: one item is in the tab order, arrow keys move between items,
 * Home and End jump to the ends. Items are found by a selector, so lists rendered by shared
 * components (PositionItem's `<li>`) can take part without knowing it.
 */
import type { RefObject } from 'preact';
import { useCallback, useLayoutEffect } from 'preact/hooks';

export interface RovingOptions {
  /** Which arrow keys move: up/down, left/right, or both. @default 'vertical' */
  orientation?: 'vertical' | 'horizontal' | 'both';
  /** Called on "previous" from the first item (e.g. back to a search box). */
  onBeforeFirst?: () => void;
  /** Called after focus moved to an item (tabs activate on focus). */
  onMove?: (item: HTMLElement, index: number) => void;
}

function items(container: HTMLElement | null, selector: string): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(selector)] : [];
}

/** Puts exactly one item (the focused one, a `data-current` one, or the first) in the tab order. */
function normalize(list: HTMLElement[]): void {
  if (list.length === 0) return;
  const active = document.activeElement;
  const current =
    list.find((el) => el === active || el.contains(active)) ??
    list.find((el) => el.getAttribute('tabindex') === '0') ??
    list.find((el) => el.dataset['current'] === 'true') ??
    list[0];
  for (const el of list) el.tabIndex = el === current ? 0 : -1;
}

/** Moves focus to an item and makes it the list's tab stop. */
export function focusItem(list: HTMLElement[], index: number): HTMLElement | undefined {
  const target = list[index];
  if (!target) return undefined;
  for (const el of list) el.tabIndex = el === target ? 0 : -1;
  target.focus();
  target.scrollIntoView?.({ block: 'nearest' });
  return target;
}

/**
 * Makes the items under `ref` matching `selector` a roving-focus list. Returns the keydown
 * handler to put on the container. Focus inside an item (a link in a position) counts as on it.
 */
export function useRovingFocus(
  ref: RefObject<HTMLElement | null>,
  selector: string,
  options: RovingOptions = {},
): (event: KeyboardEvent) => void {
  const { orientation = 'vertical', onBeforeFirst, onMove } = options;
  useLayoutEffect(() => normalize(items(ref.current, selector)));
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      const list = items(ref.current, selector);
      const at = list.findIndex((el) => el === target || el.contains(target));
      if (at === -1) return;
      const prev =
        orientation === 'horizontal'
          ? ['ArrowLeft']
          : orientation === 'vertical'
            ? ['ArrowUp']
            : ['ArrowUp', 'ArrowLeft'];
      const next =
        orientation === 'horizontal'
          ? ['ArrowRight']
          : orientation === 'vertical'
            ? ['ArrowDown']
            : ['ArrowDown', 'ArrowRight'];
      let to: number;
      if (prev.includes(event.key)) {
        if (at === 0 && onBeforeFirst) {
          event.preventDefault();
          onBeforeFirst();
          return;
        }
        to =
          orientation === 'horizontal' ? (at - 1 + list.length) % list.length : Math.max(0, at - 1);
      } else if (next.includes(event.key)) {
        to =
          orientation === 'horizontal' ? (at + 1) % list.length : Math.min(list.length - 1, at + 1);
      } else if (event.key === 'Home') to = 0;
      else if (event.key === 'End') to = list.length - 1;
      else return;
      event.preventDefault();
      const moved = focusItem(list, to);
      if (moved) onMove?.(moved, to);
    },
    [ref, selector, orientation, onBeforeFirst, onMove],
  );
}

/** Focuses the first item of a roving list under `container` (e.g. ArrowDown from a search box). */
export function focusFirstItem(container: HTMLElement | null, selector: string): boolean {
  return !!focusItem(items(container, selector), 0);
}
