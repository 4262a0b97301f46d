/**
 * Turns a DOM subtree into text segments for the matcher without reading layout: a segment is
 * a run of consecutive text nodes under the same block-level container, so `Yann <b>LeCun</b>`
 * and `Le<wbr>Cun` become one string while `<p>` and `<td>` boundaries stay boundaries.
 */

/** Elements whose text is never scanned (editable, code, non-rendered), by `localName`. */
const EXCLUDED = new Set(
  'script style noscript template textarea input select option code pre kbd samp svg math iframe object canvas video audio title'.split(
    ' ',
  ),
);

/** Phrasing elements that do not break a line: text across them joins into one segment. */
const INLINE = new Set(
  'a abbr b bdi bdo cite data del dfn em font i ins label mark q ruby rb rt s small span strong sub sup time tt u var wbr big nobr acronym strike button output meter progress slot'.split(
    ' ',
  ),
);

/** Built-ins that can have a shadow root (custom elements can too). */
const SHADOW_HOST = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(
    ' ',
  ),
);

/** A segment is cut (at a text node boundary) past this length when a chunk must end. */
const MAX_SEGMENT = 8192;

/** Whether an element is a block container (its text is a segment of its own). */
export function isBlockElement(el: Element): boolean {
  return !INLINE.has(el.localName);
}

/** Whether a string is only whitespace (such text nodes between blocks are not read). */
export const isBlank = (text: string): boolean => /^[ \t\n\r\f\u00a0]*$/.test(text);

/** One string for the matcher, and the text nodes it was read from. */
export interface Segment {
  /** The block-level container the text belongs to (an element, or a shadow root / document). */
  block: Node;
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

export interface ElementInfo {
  excluded: boolean;
  block: Node;
  /** `<br>` (read as a space), or an element that can have a shadow root. */
  kind?: typeof BR | typeof HOST | undefined;
}

const BR = 1;
const HOST = 2;

/**
 * Classifies elements (excluded? which block?) with a cache, so each element is inspected once
 * per pass however many text nodes it holds.
 */
export class BlockClassifier {
  private cache = new Map<Node, ElementInfo>();

  /**
   * @param isOwnUi elements of the extension's own UI (never scanned); it is a custom element, so
   * only elements with a `-` in their name are asked
   */
  constructor(private readonly isOwnUi: (el: Element) => boolean) {}

  /** Forgets cached answers (after mutations). */
  reset(): void {
    this.cache.clear();
  }

  /** Excluded flag and block container of a text node's parent. */
  info(node: Node): ElementInfo {
    const cached = this.cache.get(node);
    if (cached) return cached;
    let info: ElementInfo;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      // A document, document fragment or shadow root: a block of its own, never excluded.
      info = { excluded: false, block: node };
    } else {
      const el = node as Element;
      const parent = el.parentNode;
      const parentInfo = parent ? this.info(parent) : { excluded: false, block: el };
      const name = el.localName;
      const editable = el.getAttribute('contenteditable');
      const custom = name.includes('-');
      const excluded =
        parentInfo.excluded ||
        EXCLUDED.has(name) ||
        (editable !== null && editable !== 'false') ||
        (custom && this.isOwnUi(el));
      info = {
        excluded,
        block: INLINE.has(name) ? parentInfo.block : el,
        kind: name === 'br' ? BR : custom || SHADOW_HOST.has(name) ? HOST : undefined,
      };
    }
    this.cache.set(node, info);
    return info;
  }

  /** The block container a node belongs to (itself when it is a block). */
  blockOf(node: Node): Node {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
    return el ? this.info(el).block : node;
  }
}

/** Maps a [start, end) span of a segment's text back to a DOM Range. */
export function rangeForSpan(segment: Segment, start: number, end: number, doc: Document): Range {
  const at = (offset: number, isEnd: boolean) => {
    // Binary search for the last node starting at or before the offset.
    let lo = 0;
    let hi = segment.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = segment.starts[mid]!;
      if (s < offset || (!isEnd && s === offset)) lo = mid;
      else hi = mid - 1;
    }
    const node = segment.nodes[lo]!;
    return { node, offset: Math.min(Math.max(offset - segment.starts[lo]!, 0), node.data.length) };
  };
  const s = at(start, false);
  const e = at(end, true);
  const range = doc.createRange();
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/** A segment read by a {@link SegmentReader}. */
export interface ReadSegment extends Segment {
  /**
   * Text left out right before this segment (blank text between blocks, segments `keep` turned
   * down), as the matcher would have counted it: each left-out segment is its length plus one.
   */
  gap: number;
}

/** The node after a walker's current node and its subtree. */
function skipSubtree(walker: TreeWalker): Node | null {
  let next = walker.nextSibling();
  while (!next && walker.parentNode()) next = walker.nextSibling();
  return next;
}

// Node and NodeFilter constants, spelt out once (the bundle keeps every `Node.TEXT_NODE`).
const ELEMENT = 1;
const TEXT = 3;

/**
 * Reads a subtree in document order, resumably, in one pass: classifies elements as they come
 * (excluded subtrees are stepped over), joins text nodes into segments, reads `<br>` as a space,
 * collects open shadow roots, and walks a `clean` subtree (known to hold no mention: the page's
 * body when its text has none) by its elements only. Touching a node is what costs most in a
 * content script's world, so each node is touched once.
 */
export class SegmentReader {
  /** Segments read since the last {@link clear}. */
  readonly segments: ReadSegment[] = [];
  /** Nodes visited. */
  visited = 0;
  private readonly walker: TreeWalker;
  private next: Node | null;
  private block: Node | null = null;
  /** The segment being read: its text nodes, their offsets, its text in parts. */
  private nodes: Text[] = [];
  private starts: number[] = [];
  private readonly parts: string[] = [];
  private len = 0;
  private space = false;
  private gap = 0;

  /**
   * @param shadowRoots receives the open shadow roots met on the way
   * @param keep whether a segment is worth matching; the others only count in the next one's gap
   * @param clean a subtree known to hold no mention: only its elements are visited
   */
  constructor(
    root: Node,
    private readonly classifier: BlockClassifier,
    private readonly shadowRoots: ShadowRoot[] = [],
    private readonly keep: (text: string, block: Node) => boolean = () => true,
    private readonly clean?: Node,
  ) {
    // SHOW_ELEMENT | SHOW_TEXT
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 5);
    this.next = null;
    if (root.nodeType === ELEMENT && classifier.info(root).excluded) return;
    if (root === clean) this.elementsOnly(root);
    else if (root.nodeType !== ELEMENT || this.visitElement(root as Element))
      this.next = this.walker.nextNode();
  }

  /** Forgets the segments read so far (call after matching them). */
  clear(): void {
    this.segments.length = 0;
  }

  /**
   * Reads until the subtree ends, or, once `overdue()` (asked every few nodes) says so, at the next
   * segment boundary. Every segment read is complete when it returns. Returns whether it is done.
   */
  read(overdue: () => boolean): boolean {
    const { classifier, walker } = this;
    let node = this.next;
    let late = false;
    let lastParent: Node | null = null;
    let info: ElementInfo | undefined;
    while (node) {
      if ((++this.visited & 31) === 0) late ||= overdue();
      if (node.nodeType === TEXT) {
        const parent = node.parentNode;
        if (parent !== lastParent) {
          lastParent = parent;
          info = parent ? classifier.info(parent) : undefined;
        }
        if (info && !info.excluded) {
          const data = (node as Text).data;
          const joins = info.block === this.block;
          if (late && (!joins || this.len > MAX_SEGMENT)) break;
          if (!joins) {
            this.finish();
            if (isBlank(data)) {
              this.gap += data.length + 1;
              node = walker.nextNode();
              continue;
            }
            this.block = info.block;
          } else if (this.space) {
            this.parts.push(' ');
            this.len++;
          }
          this.space = false;
          this.starts.push(this.len);
          this.nodes.push(node as Text);
          this.parts.push(data);
          this.len += data.length;
        }
        node = walker.nextNode();
      } else if (late && this.block === null) {
        break;
      } else {
        node = this.visitElement(node as Element) ? walker.nextNode() : skipSubtree(walker);
      }
    }
    this.finish();
    this.next = node;
    return node === null;
  }

  /** Handles an element the walk reached; false when its subtree is not to be read. */
  private visitElement(el: Element): boolean {
    const info = this.classifier.info(el);
    if (info.excluded) return false;
    if (el === this.clean) {
      this.finish();
      this.elementsOnly(el);
      return false;
    }
    if (info.kind === BR) this.space = this.block !== null;
    else if (info.kind === HOST && el.shadowRoot) this.shadowRoots.push(el.shadowRoot);
    return true;
  }

  /**
   * Visits only the elements of a subtree without text to read, for their shadow roots: by name
   * alone, without classifying them (the scanner leaves out its own UI's).
   */
  private elementsOnly(root: Node): void {
    // SHOW_ELEMENT
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1);
    for (let node: Node | null = root; node; node = walker.nextNode()) {
      this.visited++;
      const name = (node as Element).localName;
      if (name && (name.includes('-') || SHADOW_HOST.has(name)) && (node as Element).shadowRoot)
        this.shadowRoots.push((node as Element).shadowRoot!);
    }
  }

  private finish(): void {
    const block = this.block;
    if (block === null) return;
    const parts = this.parts;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    if (this.keep(text, block)) {
      this.segments.push({ block, text, nodes: this.nodes, starts: this.starts, gap: this.gap });
      this.nodes = [];
      this.starts = [];
      this.gap = 0;
    } else {
      this.gap += text.length + 1;
      this.nodes.length = this.starts.length = 0;
    }
    parts.length = this.len = 0;
    this.block = null;
    this.space = false;
  }
}
