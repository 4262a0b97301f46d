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

/** Owns the two highlights and the stylesheet that styles them. */
export class MentionHighlights {
  private readonly mention: Highlight | undefined;
  private readonly reveal: Highlight | undefined;
  private readonly sheet: CSSStyleSheet | undefined;
  private readonly roots = new Set<Document | ShadowRoot>();
  private revealTimer: ReturnType<typeof setTimeout> | undefined;

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
    if (this.sheet && !root.adoptedStyleSheets.includes(this.sheet)) {
      try {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
        this.roots.add(root);
      } catch {
        // A frozen or foreign adoptedStyleSheets array: the mention stays unmarked but works.
      }
    }
  }

  add(range: Range): void {
    this.mention?.add(range);
  }

  delete(range: Range): void {
    this.mention?.delete(range);
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
    this.mention?.clear();
    this.reveal?.clear();
    this.win.CSS?.highlights?.delete(MENTION_HIGHLIGHT);
    this.win.CSS?.highlights?.delete(REVEAL_HIGHLIGHT);
    for (const root of this.roots) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        // ignore: see attach()
      }
    }
    this.roots.clear();
  }
}
