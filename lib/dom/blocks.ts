/**
 * Turns a DOM subtree into text segments for the matcher without reading layout: a segment is
 * a run of consecutive text nodes under the same block-level container, so `Yann <b>LeCun</b>`
 * and `Le<wbr>Cun` become one string while `<p>` and `<td>` boundaries stay boundaries.
 */

/** Elements whose text is never scanned (editable, code, non-rendered). */
const EXCLUDED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE',
  'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'TITLE',
]);

/** Phrasing elements that do not break a line: text across them joins into one segment. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL',
  'MARK', 'Q', 'RUBY', 'RB', 'RT', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U',
  'VAR', 'WBR', 'BIG', 'NOBR', 'ACRONYM', 'STRIKE', 'BUTTON', 'OUTPUT', 'METER', 'PROGRESS', 'SLOT',
]);

/** One string for the matcher, and the text nodes it was read from. */
export interface Segment {
  /** The block-level container the text belongs to (an element, or a shadow root / document). */
  block: Node;
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

interface ElementInfo {
  excluded: boolean;
  block: Node;
}

/**
 * Classifies elements (excluded? which block?) with a cache, so each element is inspected once
 * per pass however many text nodes it holds.
 */
export class BlockClassifier {
  private cache = new Map<Node, ElementInfo>();

  /** @param isOwnUi elements of the extension's own UI (never scanned) */
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
      const editable = el.getAttribute('contenteditable');
      const excluded =
        parentInfo.excluded ||
        EXCLUDED.has(el.tagName.toUpperCase()) ||
        (editable !== null && editable !== 'false') ||
        this.isOwnUi(el);
      info = { excluded, block: INLINE.has(el.tagName.toUpperCase()) ? parentInfo.block : el };
    }
    this.cache.set(node, info);
    return info;
  }

  /** The block container a node belongs to (itself when it is a block). */
  blockOf(node: Node): Node {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
    return el ? this.info(el).block : node;
  }

  /** Whether a node is inside an excluded element. */
  isExcluded(node: Node): boolean {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
    return el ? this.info(el).excluded : false;
  }
}

/** Whether a `<br>` sits between two text nodes, which the eye reads as a space. */
function brBetween(prev: Text, next: Text): boolean {
  const a = prev.nextSibling;
  const b = next.previousSibling;
  return (a !== null && a.nodeName === 'BR') || (b !== null && b.nodeName === 'BR');
}

/**
 * Reads text segments from a tree walker, resumably: stops after `budget` text nodes or when
 * `shouldYield()` says so, and returns whether the walk is finished.
 */
export function readSegments(
  walker: TreeWalker,
  classifier: BlockClassifier,
  out: Segment[],
  shouldYield: () => boolean,
): { done: boolean; nodes: number } {
  let count = 0;
  let current = out.length > 0 ? out[out.length - 1] : undefined;
  let node = walker.nextNode() as Text | null;
  while (node) {
    count++;
    const parent = node.parentNode;
    if (parent) {
      const info = classifier.info(parent);
      if (!info.excluded) {
        const data = node.data;
        if (current && current.block === info.block) {
          const last = current.nodes[current.nodes.length - 1]!;
          if (brBetween(last, node)) current.text += ' ';
          current.starts.push(current.text.length);
          current.nodes.push(node);
          current.text += data;
        } else {
          current = { block: info.block, text: data, nodes: [node], starts: [0] };
          out.push(current);
        }
      }
    }
    if ((count & 255) === 0 && shouldYield()) return { done: false, nodes: count };
    node = walker.nextNode() as Text | null;
  }
  return { done: true, nodes: count };
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
