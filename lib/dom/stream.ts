/**
 * Reading a page's text the way the floor does: one TreeWalker over text nodes, `data` of each,
 * and a native prefilter test per node, so clean text costs about what reading it costs. Only the
 * text nodes that may hold a mention are handed on; the scanner reads their blocks properly.
 * Before that, a page without any mention is found out with a few native `Range.toString()`
 * reads (no node visited at all).
 */

/** Shown to the walker: text nodes only. */
const SHOW_TEXT = 4;

/** Code units that can sit inside a name across a text-node boundary (`Le<wbr>Cun`). */
function joinsWord(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c >= 0xc0 ||
    c === 0x2e || // x.AI
    c === 0x27 ||
    c === 0x2d ||
    c === 0x40 // @handle
  );
}

/** Whether a short text is only spaces and line breaks (the whitespace between tags). */
function isIndentation(text: string): boolean {
  if (text.length > 64 || text.charCodeAt(0) > 0x20) return false;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return false;
  return true;
}

/** How far a name split across two text nodes is looked for on each side. */
const JOIN_REACH = 16;

/**
 * Walks the text nodes under a root in document order, resumably, and reports those the test
 * flags (or whose start, joined to the end of the node before, the test flags).
 */
export class TextStream {
  private readonly walker: TreeWalker;
  private previous: Text | undefined;
  /** Characters read so far (plus one per text node), for distances between candidates. */
  pos = 0;
  /** Text nodes visited. */
  visited = 0;
  private finished = false;

  /**
   * @param from start at this node instead of the root's start
   * @param limit stop after reading about this many characters
   */
  constructor(
    root: Node,
    from?: Node,
    private readonly limit = Infinity,
  ) {
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
    if (from) this.walker.currentNode = from;
  }

  /**
   * Reads on until the root is done or `overdue()` (asked every few nodes) says to stop;
   * returns whether it is done.
   */
  read(
    overdue: () => boolean,
    mayMatch: (text: string) => boolean,
    onCandidate: (node: Text, at: number) => void,
  ): boolean {
    if (this.finished) return true;
    const walker = this.walker;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      this.visit(node as Text, mayMatch, onCandidate);
      if (this.pos > this.limit) break;
      if ((++count & 15) === 0 && overdue()) return false;
    }
    this.finished = true;
    return true;
  }

  private visit(
    node: Text,
    mayMatch: (text: string) => boolean,
    onCandidate: (node: Text, at: number) => void,
  ): void {
    this.visited++;
    const data = node.data;
    const at = this.pos;
    this.pos += data.length + 1;
    const previous = this.previous;
    this.previous = node;
    if (data.length === 0) return;
    // Indentation between tags (half the text nodes of a page) is skipped without a regex call.
    if (isIndentation(data)) return;
    if (data.length >= 3 && mayMatch(data)) {
      onCandidate(node, at);
      return;
    }
    // A name split across two text nodes (`Le<wbr>Cun`, `x.<b>AI</b>`): the seam, joined.
    if (previous && joinsWord(data.charCodeAt(0))) {
      const before = previous.data;
      if (before.length > 0 && joinsWord(before.charCodeAt(before.length - 1))) {
        const joined = before.slice(-JOIN_REACH) + data.slice(0, JOIN_REACH);
        if (mayMatch(joined)) onCandidate(node, at);
      }
    }
  }
}

/**
 * Whether the text under `top` certainly holds nothing the test flags, read natively in parts
 * (each a `Range.toString()` of about an eighth of its elements, so no part is a long task);
 * otherwise the node from which to read it text node by text node (the parts before are clean).
 */
export function probeClean(
  top: Element | ShadowRoot | Document,
  mayMatch: (text: string) => boolean,
  parts = 8,
): { clean: true } | { clean: false; from: Node | undefined } {
  const doc = top.nodeType === 9 ? (top as Document) : top.ownerDocument!;
  const elements =
    'getElementsByTagName' in top ? top.getElementsByTagName('*') : top.querySelectorAll('*');
  const count = elements.length;
  const range = doc.createRange();
  let from: Node | undefined;
  for (let k = 0; k < parts; k++) {
    const cut = k === 0 ? undefined : elements[Math.floor((k * count) / parts)];
    const next = k === parts - 1 ? undefined : elements[Math.floor(((k + 1) * count) / parts)];
    if (k > 0 && !cut) break;
    range.selectNodeContents(top);
    if (cut) range.setStartBefore(cut);
    if (next && next !== cut) range.setEndBefore(next);
    if (mayMatch(range.toString())) return { clean: false, from };
    from = next;
    if (!next) break;
  }
  return { clean: true };
}
