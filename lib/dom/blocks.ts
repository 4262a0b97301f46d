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

/** Whether an element's text is never scanned, by its name alone (no attribute read). */
export const isExcludedName = (name: string): boolean => EXCLUDED.has(name);

/** Whether an element is phrasing content that joins its block's text, by its name. */
export const isInlineName = (name: string): boolean => INLINE.has(name);

/** Whether an element of this name can have a shadow root (a custom element or one of a few built-ins). */
export const canHostShadow = (name: string): boolean => name.includes('-') || SHADOW_HOST.has(name);

/** Whether an element is editable (its text is the reader's input, never scanned). */
export function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
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

  /** @param isOwnUi the extension's own UI (never scanned), recognised by identity */
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
      const excluded =
        parentInfo.excluded || EXCLUDED.has(name) || isEditable(el) || this.isOwnUi(el);
      info = {
        excluded,
        block: INLINE.has(name) ? parentInfo.block : el,
        kind: name === 'br' ? BR : canHostShadow(name) ? HOST : undefined,
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

/** Where a span of a segment's text starts and ends in the DOM. */
export interface SpanBounds {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Maps a [start, end) span of a segment's text back to text nodes and offsets. */
export function boundsForSpan(segment: Segment, start: number, end: number): SpanBounds {
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
    return [node, Math.min(Math.max(offset - segment.starts[lo]!, 0), node.data.length)] as const;
  };
  const [startNode, startOffset] = at(start, false);
  const [endNode, endOffset] = at(end, true);
  return { startNode, startOffset, endNode, endOffset };
}

/** Maps a [start, end) span of a segment's text back to a DOM Range. */
export function rangeForSpan(segment: Segment, start: number, end: number, doc: Document): Range {
  const b = boundsForSpan(segment, start, end);
  const range = doc.createRange();
  range.setStart(b.startNode, b.startOffset);
  range.setEnd(b.endNode, b.endOffset);
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

/** Options of a {@link SegmentReader}. */
export interface SegmentReaderOptions {
  /** Receives the open shadow roots met on the way. */
  shadowRoots?: ShadowRoot[];
  /** Whether a segment is worth matching; the others only count in the next one's gap. */
  keep?: (text: string, block: Node) => boolean;
  /** Read only the root block's own text: nested blocks are stepped over. */
  own?: boolean;
  /** Start at this node (a child of the root, or deeper) instead of at the root. */
  from?: Node;
  /** Stop before this node (the node after the last one to read, in document order). */
  until?: Node | null;
}

/**
 * Reads a subtree (or a range of it) in document order, resumably, in one pass: classifies
 * elements as they come (excluded subtrees are stepped over), joins text nodes into segments,
 * reads `<br>` as a space and collects open shadow roots. Touching a node is what costs most in a
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

  private readonly shadowRoots: ShadowRoot[];
  private readonly keep: (text: string, block: Node) => boolean;
  private readonly own: boolean;
  private readonly until: Node | null;

  constructor(
    private readonly root: Node,
    private readonly classifier: BlockClassifier,
    options: SegmentReaderOptions = {},
  ) {
    this.shadowRoots = options.shadowRoots ?? [];
    this.keep = options.keep ?? (() => true);
    this.own = options.own ?? false;
    this.until = options.until ?? null;
    // SHOW_ELEMENT | SHOW_TEXT
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 5);
    this.next = null;
    if (root.nodeType === ELEMENT && classifier.info(root).excluded) return;
    if (options.from) {
      this.walker.currentNode = options.from;
      this.next = options.from;
    } else if (root.nodeType !== ELEMENT || this.visitElement(root as Element))
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
      if (node === this.until) {
        node = null;
        break;
      }
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
    if (this.own && el !== this.root && info.block === el) {
      // A nested block is a block of its own: the text on either side of it does not join.
      this.finish();
      return false;
    }
    if (info.kind === BR) this.space = this.block !== null;
    else if (info.kind === HOST && el.shadowRoot) this.shadowRoots.push(el.shadowRoot);
    return true;
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
