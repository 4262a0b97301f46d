/**
 * Marks mentions with the CSS Custom Highlight API: no element, attribute or node of the page
 * changes. The `::highlight()` rules live in a constructed stylesheet adopted by the document
 * (and by each open shadow root that holds mentions), never in a `<style>` element.
 */

export const MENTION_HIGHLIGHT = 'factcards-mention';
export const REVEAL_HIGHLIGHT = 'factcards-reveal';

export type HighlightStyle = 'underline' | 'background' | 'none';

function rulesFor(style: HighlightStyle): string {
  const mention =
    style === 'underline'
      ? 'text-decoration: underline dotted 2px; text-decoration-color: #7c4dff; text-underline-offset: 3px;'
      : style === 'background'
        ? 'background-color: rgba(255, 200, 0, 0.35);'
        : '';
  return `::highlight(${MENTION_HIGHLIGHT}) { ${mention} }
::highlight(${REVEAL_HIGHLIGHT}) { background-color: #ffd54a; color: #111; }`;
}

/** Firefox content-script globals (absent elsewhere). */
interface Waivable {
  wrappedJSObject?: { adoptedStyleSheets: ArrayLike<CSSStyleSheet> };
}
declare const cloneInto:
  (<T>(value: T, target: object, options?: { wrapReflectors?: boolean }) => T) | undefined;

/**
 * A root's adopted sheets, read and written in a way every browser's content script can.
 * Before Firefox 153 a content script's (Xray) view of `adoptedStyleSheets` has no length,
 * index or Array method (`includes` throws, an index read throws "Accessing from Xray wrapper
 * is not supported", and so does the setter), so there the page's own view is used. The page
 * can read that list anyway: this gives it nothing new.
 */
function adoptedSheets(root: Document | ShadowRoot): {
  list: ArrayLike<CSSStyleSheet>;
  set: (next: CSSStyleSheet[]) => void;
} {
  const own = root.adoptedStyleSheets;
  const page = (root as Waivable).wrappedJSObject;
  if (typeof own.length === 'number' || !page || typeof cloneInto !== 'function')
    return { list: own, set: (next) => (root.adoptedStyleSheets = next) };
  return {
    list: page.adoptedStyleSheets,
    set: (next) => (page.adoptedStyleSheets = cloneInto(next, page, { wrapReflectors: true })),
  };
}

/** Whether a list entry is `sheet`: read through the page's view it is the sheet's waived wrapper. */
function isSheet(entry: CSSStyleSheet | undefined, sheet: CSSStyleSheet): boolean {
  return entry === sheet || entry === (sheet as Waivable).wrappedJSObject;
}

/** Index reads only (see adoptedSheets): no `includes`, `filter` or spread. */
function hasSheet(list: ArrayLike<CSSStyleSheet>, sheet: CSSStyleSheet): boolean {
  for (let i = 0; i < list.length; i++) if (isSheet(list[i], sheet)) return true;
  return false;
}

/** A plain array of `list`'s sheets without `drop`, then `add` when given. */
function copyWith(
  list: ArrayLike<CSSStyleSheet>,
  add: CSSStyleSheet | undefined,
  drop?: CSSStyleSheet,
): CSSStyleSheet[] {
  const next: CSSStyleSheet[] = [];
  for (let i = 0; i < list.length; i++) if (!drop || !isSheet(list[i], drop)) next.push(list[i]!);
  if (add) next.push(add);
  return next;
}

/**
 * How often, at most, marks reach the highlight. Chromium revalidates every range of every
 * highlight in the first frame after any change (its markers are rebuilt from scratch), so a
 * pass that adds ranges frame after frame costs the page quadratic rendering work: on a 5 MB page
 * that was a dozen rendering tasks over 50 ms. Changes are applied together, in their order, at
 * most this often; the first change after a quiet spell goes out at once (the viewport's marks).
 */
export const HIGHLIGHT_FLUSH_MS = 250;

/** Owns the two highlights and the stylesheet that styles them. */
export class MentionHighlights {
  private readonly mention: Highlight | undefined;
  private readonly reveal: Highlight | undefined;
  private readonly sheet: CSSStyleSheet | undefined;
  private readonly roots = new Set<Document | ShadowRoot>();
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  /** Changes not yet applied, in order: a range to add (true) or delete (false). */
  private pending: [Range, boolean][] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushQueued = false;
  private lastFlush = -Infinity;

  constructor(private readonly win: Window & typeof globalThis) {
    const supported = typeof win.Highlight === 'function' && !!win.CSS?.highlights;
    this.mention = supported ? new win.Highlight() : undefined;
    this.reveal = supported ? new win.Highlight() : undefined;
    try {
      this.sheet = new win.CSSStyleSheet();
    } catch {
      this.sheet = undefined;
    }
  }

  /** Applies a highlight style live. */
  setStyle(style: HighlightStyle): void {
    this.sheet?.replaceSync(rulesFor(style));
  }

  /** Makes sure the registry and the stylesheet are in place for a root (pages may remove them). */
  attach(root: Document | ShadowRoot): void {
    const registry = this.win.CSS?.highlights;
    if (registry && this.mention && registry.get(MENTION_HIGHLIGHT) !== this.mention)
      registry.set(MENTION_HIGHLIGHT, this.mention);
    if (registry && this.reveal && registry.get(REVEAL_HIGHLIGHT) !== this.reveal)
      registry.set(REVEAL_HIGHLIGHT, this.reveal);
    if (!this.sheet) return;
    try {
      const sheets = adoptedSheets(root);
      if (!hasSheet(sheets.list, this.sheet)) {
        sheets.set(copyWith(sheets.list, this.sheet));
        this.roots.add(root);
      }
    } catch {
      // A frozen or foreign adoptedStyleSheets array: the mention stays unmarked but works.
    }
  }

  /** Marks a range (applied with the other changes of its batch: see HIGHLIGHT_FLUSH_MS). */
  add(range: Range): void {
    this.queue(range, true);
  }

  /** Unmarks a range, in the same batch as the marks that replace it: marks never blink. */
  delete(range: Range): void {
    this.queue(range, false);
  }

  private queue(range: Range, add: boolean): void {
    if (!this.mention) return;
    this.pending.push([range, add]);
    if (this.flushQueued) return;
    this.flushQueued = true;
    const wait = this.lastFlush + HIGHLIGHT_FLUSH_MS - this.win.performance.now();
    // At the end of this task when quiet for a while, so a whole batch lands in one frame.
    if (wait <= 0) queueMicrotask(() => this.flush());
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  /** Applies every pending change now. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushQueued = false;
    this.lastFlush = this.win.performance.now();
    const pending = this.pending;
    this.pending = [];
    for (const [range, add] of pending)
      if (add) this.mention?.add(range);
      else this.mention?.delete(range);
  }

  /** Marks one range strongly for a moment (the popup's "show me"). */
  flash(range: Range, ms = 1600): void {
    if (!this.reveal) return;
    this.reveal.clear();
    this.reveal.add(range);
    clearTimeout(this.revealTimer);
    this.revealTimer = setTimeout(() => this.reveal?.clear(), ms);
  }

  /** Removes every mark and stylesheet (extension switched off for the page). */
  clear(): void {
    clearTimeout(this.flushTimer);
    this.flushQueued = false;
    this.pending = [];
    this.mention?.clear();
    this.reveal?.clear();
    this.win.CSS?.highlights?.delete(MENTION_HIGHLIGHT);
    this.win.CSS?.highlights?.delete(REVEAL_HIGHLIGHT);
    for (const root of this.roots) {
      try {
        const sheets = adoptedSheets(root);
        if (this.sheet) sheets.set(copyWith(sheets.list, undefined, this.sheet));
      } catch {
        // ignore: see attach()
      }
    }
    this.roots.clear();
  }
}
