// MentionHighlights.attach() where a content script cannot read `adoptedStyleSheets` (Firefox
// before 153: its Xray view has no length, no index and no Array method; the page's own view,
// `wrappedJSObject`, has), and where it can (Chromium, Firefox 153+).
import { afterEach, describe, expect, it } from 'vitest';
import { MentionHighlights } from '@/lib/dom/highlights';

class FakeSheet {
  rules = '';
  replaceSync(text: string) {
    this.rules = text;
  }
}

function fakeWindow() {
  return {
    Highlight: class {
      add() {}
      delete() {}
      clear() {}
    },
    CSS: { highlights: new Map() },
    CSSStyleSheet: FakeSheet,
  } as unknown as Window & typeof globalThis;
}

/** A root as a Firefox < 153 content script sees it: reading or writing its list throws. */
function xrayRoot(pageSheets: unknown[]) {
  const page = { adoptedStyleSheets: pageSheets };
  const xrayList = new Proxy(
    {},
    {
      get(_, key) {
        if (key === 'length') return undefined;
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    },
  );
  const root = {
    wrappedJSObject: page,
    get adoptedStyleSheets() {
      return xrayList;
    },
    set adoptedStyleSheets(_: unknown) {
      throw new Error('Accessing from Xray wrapper is not supported.');
    },
  };
  return { root: root as unknown as Document, page };
}

const g = globalThis as { cloneInto?: unknown };

describe('MentionHighlights.attach', () => {
  afterEach(() => {
    delete g.cloneInto;
  });

  it('adopts its sheet through the page’s view when the content script’s view is unreadable, once, keeping the page’s sheets', () => {
    const clones: unknown[] = [];
    g.cloneInto = (value: unknown[]) => {
      clones.push(value);
      return [...value];
    };
    const own = new FakeSheet();
    const { root, page } = xrayRoot([own]);
    const highlights = new MentionHighlights(fakeWindow());
    highlights.setStyle('underline');
    highlights.attach(root);
    expect(page.adoptedStyleSheets).toHaveLength(2);
    expect(page.adoptedStyleSheets[0]).toBe(own);
    expect((page.adoptedStyleSheets[1] as FakeSheet).rules).toMatch(
      /::highlight\(factcards-mention\)/,
    );
    expect(clones).toHaveLength(1);

    highlights.attach(root);
    expect(page.adoptedStyleSheets, 'attached again: not added twice').toHaveLength(2);

    highlights.clear();
    expect(page.adoptedStyleSheets).toEqual([own]);
  });

  it('uses the plain list where the content script can read it (Chromium, Firefox 153+)', () => {
    const own = new FakeSheet();
    const root = { adoptedStyleSheets: [own] } as unknown as Document;
    const highlights = new MentionHighlights(fakeWindow());
    highlights.attach(root);
    highlights.attach(root);
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.adoptedStyleSheets[0]).toBe(own);
    highlights.clear();
    expect(root.adoptedStyleSheets).toEqual([own]);
  });

  it('leaves the mention unmarked, without throwing, when neither view can be written', () => {
    const { root } = xrayRoot([]);
    const highlights = new MentionHighlights(fakeWindow());
    expect(() => highlights.attach(root)).not.toThrow();
  });
});
