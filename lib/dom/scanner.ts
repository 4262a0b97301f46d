/**
 * Finds mentions in a live page, candidate first: text is read the way the floor reads it, one
 * text node after another with the matcher's native prefilter (lib/dom/stream.ts), after a few
 * native reads that find out whether there is anything to look for at all; only around
 * candidates are blocks segmented, matched and turned into ranges. Long text is matched in overlapping windows, and all work runs in short slices.
 * A mention is a value (entity, text node, offsets): a rescan that finds the same mention keeps
 * its range, so marks never flicker and hover intent survives. Mutations rescan only what changed:
 * the changed block's own text, or the subtrees added. It never changes the page's nodes
 * (docs/DESIGN.md contract 3); the instrumented build records `factcards:scan` after every pass
 * (contract 6).
 */
import { detectMentions, nextCandidate, type CompiledMatcher, type Mention } from '../detect';
import { INSTRUMENTED, recordMeasure } from '../instrumentation';
import {
  BlockClassifier,
  SegmentReader,
  boundsForSpan,
  isBlockElement,
  isBlank,
  type ReadSegment,
  type Segment,
} from './blocks';
import { MentionHighlights } from './highlights';
import { TextStream, probeClean } from './stream';
import { createSlices, idle, type Slices } from './schedule';

/** A mention on the page. */
export interface PageMention extends Mention {
  range: Range;
  block: Node;
}

export interface ScannerOptions {
  win: Window & typeof globalThis;
  matcher: CompiledMatcher;
  highlights: MentionHighlights;
  /** The extension's own UI, never scanned (recognised by identity). */
  isOwnUi: (el: Element) => boolean;
  /** Called after each pass with the entities present on the page. */
  onPass: (scanner: PageScanner) => void;
  /** Abort to stop every observer and timer. */
  signal: AbortSignal;
}

/** Segments that may hold a mention are matched in batches of about this many characters. */
const BATCH_CHARS = 16_384;
/**
 * A segment longer than this is matched in windows of this size, each with the text before it
 * that a bare surname may refer back to and the text after it that cues may come from.
 */
const WINDOW_CHARS = 16_384;
/** What a window sees before its own text: the matcher's coreference reach, and some. */
const WINDOW_BEFORE = 700;
/** How much text in view is read first when a page is reloaded far down. */
const VIEWPORT_CHARS = 24_576;
/** What a window sees after its own text: the cue reach plus the longest name. */
const WINDOW_AFTER = 300;
/**
 * Text left out between two matched segments is passed on as this many spaces at most, so the
 * matcher's distances between blocks (a surname's antecedent, 500 characters) stay as they were.
 */
const GAP_CAP = 2048;
/** How long mutations are gathered before one incremental pass. */
const MUTATION_BATCH_MS = 60;
/**
 * Elements that are not HTML's own: custom elements (and unknown ones), which may carry an open
 * shadow root anywhere in the page, found natively without visiting every element.
 */
const CUSTOM_ELEMENTS = `:not(${
  // The commonest first: most elements are ruled out by the first few names.
  'div span a p li td tr img i b br ul em strong h2 h3 section article table tbody button input label time small figure figcaption header footer nav main aside blockquote h1 h4 h5 h6 ol dl dt dd pre code form select option textarea th thead tfoot caption col colgroup iframe video audio source picture canvas sup sub abbr cite q mark hr html head body title meta link style script noscript template slot address area base bdi bdo data datalist del details dfn dialog embed fieldset hgroup ins kbd legend map menu meter object optgroup output progress rp rt ruby s samp search summary track u var wbr font center big tt strike nobr marquee acronym applet basefont dir frame frameset noframes image listing plaintext xmp svg math'
    .split(' ')
    .join(',')
},svg *,math *)`;

/** Text, or inline markup: it joins the text of its block (a blank text node or a block does not). */
function joinsText(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === Node.TEXT_NODE) return !isBlank((node as Text).data);
  return node.nodeType === Node.ELEMENT_NODE && !isBlockElement(node as Element);
}

/** What one pass is asked to read. */
interface Work {
  node: Node;
  /** `subtree`: everything under `node`; `own`: only block `node`'s own text. */
  scope: 'subtree' | 'own';
}

/** A segment waiting to be matched, with where its text starts among everything read. */
interface Pending {
  segment: Segment;
  at: number;
}

const sameBounds = (m: PageMention, b: ReturnType<typeof boundsForSpan>) =>
  m.range.startContainer === b.startNode &&
  m.range.startOffset === b.startOffset &&
  m.range.endContainer === b.endNode &&
  m.range.endOffset === b.endOffset;

export class PageScanner {
  private readonly byBlock = new Map<Node, PageMention[]>();
  /** The own text of each block with mentions when it was matched (its fingerprint). */
  private readonly matchedText = new Map<Node, string>();
  private readonly evidence = new Set<string>();
  private readonly awaiting = new Map<Node, Set<string>>();
  private readonly classifier: BlockClassifier;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  /** Blocks whose own text changed, and subtrees added, since the last pass. */
  private readonly dirtyBlocks = new Set<Node>();
  private readonly addedRoots = new Set<Node>();
  private pruneNeeded = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private matcher: CompiledMatcher;

  constructor(private readonly opts: ScannerOptions) {
    this.matcher = opts.matcher;
    this.classifier = new BlockClassifier(opts.isOwnUi);
    this.observer = new opts.win.MutationObserver((records) => this.onMutations(records));
    opts.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  private get doc(): Document {
    return this.opts.win.document;
  }

  /** Starts the first full pass and the mutation observer. */
  start(): Promise<void> {
    this.observe(this.doc);
    return this.enqueue(() => this.pass('full', [{ node: this.doc, scope: 'subtree' }]));
  }

  /** Stops observing and removes every mark. */
  stop(): void {
    this.generation++;
    this.observer.disconnect();
    this.observedRoots.clear();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.byBlock.clear();
    this.matchedText.clear();
    this.awaiting.clear();
    this.evidence.clear();
    this.opts.highlights.clear();
  }

  /**
   * Swaps the matcher (entities switched on or off) and rescans the page. Marks stay until the
   * rescan decides them: a mention found again keeps its range.
   */
  setMatcher(matcher: CompiledMatcher): Promise<void> {
    this.matcher = matcher;
    this.generation++;
    this.awaiting.clear();
    this.evidence.clear();
    this.matchedText.clear();
    const roots: Work[] = [this.doc, ...[...this.observedRoots].filter((r) => r !== this.doc)].map(
      (node) => ({ node, scope: 'subtree' }),
    );
    return this.enqueue(() => this.pass('full', roots));
  }

  /** Every mention, in document order. */
  mentions(): PageMention[] {
    const all = [...this.byBlock.values()].flat();
    return all.sort((a, b) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      } catch {
        // Ranges in different trees (a shadow root): order by their blocks instead.
        return a.block.compareDocumentPosition(b.block) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }
    });
  }

  /** Mentions per entity id. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const list of this.byBlock.values())
      for (const m of list) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
    return counts;
  }

  /** Entity ids with at least one mention. */
  entityIds(): string[] {
    return Object.keys(this.counts());
  }

  /**
   * The mention under a point, by caret hit-testing against the mention ranges; then checks the
   * range's own boxes, because a caret snaps to the nearest character even in empty space.
   */
  mentionAt(x: number, y: number): PageMention | undefined {
    const doc = this.doc;
    const shadowRoots = [...this.observedRoots].filter(
      (r): r is ShadowRoot => r instanceof this.opts.win.ShadowRoot,
    );
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = (
        doc.caretPositionFromPoint as (x: number, y: number, o?: unknown) => CaretPosition | null
      )(x, y, { shadowRoots });
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      node = range?.startContainer ?? null;
      offset = range?.startOffset ?? 0;
    }
    if (!node) return undefined;
    // The caret lands in text for every root we know; elsewhere it may be an unknown shadow host.
    if (node.nodeType !== Node.TEXT_NODE) this.discoverShadowAt(x, y);
    const list = this.byBlock.get(this.classifier.blockOf(node));
    if (!list) return undefined;
    for (const m of list) {
      if (
        m.range.comparePoint(node, offset) !== 0 &&
        !(m.range.endContainer === node && m.range.endOffset === offset)
      )
        continue;
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
          return m;
      }
    }
    return undefined;
  }

  /** Open shadow roots on built-in elements are found when the pointer reaches them. */
  private discoverShadowAt(x: number, y: number): void {
    const el = this.doc.elementFromPoint(x, y);
    const root = el?.shadowRoot;
    if (root && !this.observedRoots.has(root)) this.addShadowRoot(root, 'incremental');
  }

  private addShadowRoot(root: ShadowRoot, kind: 'full' | 'incremental'): void {
    if (this.observedRoots.has(root) || this.opts.isOwnUi(root.host)) return;
    this.observe(root);
    if (kind === 'incremental')
      void this.enqueue(() => this.pass('incremental', [{ node: root, scope: 'subtree' }]));
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const generation = this.generation;
    this.queue = this.queue
      .then(() => (generation === this.generation ? task() : undefined))
      .catch((error: unknown) => {
        console.warn('[factcards] scan failed:', error);
      });
    return this.queue;
  }

  /** Whether a text may hold a mention (the prefilter, at native speed). */
  private readonly mayMatch = (text: string) => nextCandidate(text, this.matcher) !== -1;

  /**
   * One pass: reads what it is given chunk by chunk, keeps the segments around candidates,
   * matches them in batches and windows, and swaps each block's marks once its new list is ready.
   * Records `factcards:scan` with the busy time (idle gaps excluded) and the nodes visited.
   */
  private async pass(kind: 'full' | 'incremental', work: Work[]): Promise<void> {
    const generation = this.generation;
    const { win } = this.opts;
    await idle(win);
    if (generation !== this.generation) return;
    const passStart = win.performance.now();
    const slices = createSlices(win);
    const cancelled = () => generation !== this.generation;
    const results = new Map<Node, PageMention[]>();
    const run = new PassRun(this, slices, results);
    this.classifier.reset();
    this.prune();
    let nodes = 0;

    for (let w = 0; w < work.length; w++) {
      const { node, scope } = work[w]!;
      if (!node.isConnected && !(node instanceof win.ShadowRoot)) continue;
      const shadowRoots: ShadowRoot[] = [];
      if (scope === 'own') {
        nodes += this.readOwn(node, run, undefined, shadowRoots);
      } else {
        if (node.nodeType === Node.ELEMENT_NODE && this.classifier.info(node).excluded) continue;
        const top =
          node.nodeType === Node.DOCUMENT_NODE
            ? ((node as Document).body ?? (node as Document).documentElement)
            : (node as Element | ShadowRoot);
        if (!top) continue;
        // Most pages name none of the four: a few native reads say so, and nothing else is read.
        const probe = probeClean(top, this.mayMatch, kind === 'full' ? 8 : 1);
        if (!probe.clean) {
          // Reloaded far down a long page: the text in view is read (and marked) first.
          const focus = kind === 'full' && node === this.doc ? this.viewportBlock() : undefined;
          if (focus) {
            const read = await this.streamBlocks(
              top,
              focus,
              VIEWPORT_CHARS,
              run,
              slices,
              shadowRoots,
            );
            if (read === undefined) return;
            nodes += read;
            await run.flush(true);
          }
          const read = await this.streamBlocks(top, probe.from, Infinity, run, slices, shadowRoots);
          if (read === undefined) return;
          nodes += read;
        }
        // Custom elements anywhere, and their open shadow roots, natively (no element visited).
        if ('querySelectorAll' in top)
          for (const host of top.querySelectorAll(CUSTOM_ELEMENTS))
            if (host.shadowRoot) shadowRoots.push(host.shadowRoot);
      }
      for (const shadow of shadowRoots) {
        if (this.observedRoots.has(shadow) || this.opts.isOwnUi(shadow.host)) continue;
        this.observe(shadow);
        work.push({ node: shadow, scope: 'subtree' });
      }
      await run.flush(false);
      if (cancelled()) return;
    }
    await run.flush(true);
    if (cancelled()) return;
    // Weak mentions that waited for evidence found since: their blocks once more.
    const retry = [...this.awaiting]
      .filter(([, ids]) => [...ids].some((id) => this.evidence.has(id)))
      .map(([block]) => block);
    for (const block of retry) {
      this.awaiting.delete(block);
      if (block.isConnected) nodes += this.readOwn(block, run, undefined, [], true);
    }
    await run.flush(true);
    if (cancelled()) return;
    if (kind === 'full') this.forgetUnseen(work, results);
    const busy = slices.finish();
    if (INSTRUMENTED)
      recordMeasure(win.performance, 'factcards:scan', {
        start: passStart,
        duration: busy,
        detail: { mentions: run.found, nodes, kind, elapsed: win.performance.now() - passStart },
      });
    this.opts.onPass(this);
  }

  /**
   * Reads text nodes from `from` (or the start) like the floor does, and hands every block with a
   * candidate to the pass, in slices. Returns the nodes visited, or undefined if cancelled.
   */
  private async streamBlocks(
    top: Node,
    from: Node | undefined,
    limit: number,
    run: PassRun,
    slices: Slices,
    shadowRoots: ShadowRoot[],
  ): Promise<number | undefined> {
    const generation = this.generation;
    const stream = new TextStream(top, from, limit);
    const blocks: { block: Node; at: number }[] = [];
    const seen = new Set<Node>();
    let nodes = 0;
    const onCandidate = (text: Text, at: number) => {
      const parent = text.parentNode;
      if (!parent) return;
      const info = this.classifier.info(parent);
      if (info.excluded || seen.has(info.block)) return;
      seen.add(info.block);
      blocks.push({ block: info.block, at });
    };
    for (;;) {
      const done = stream.read(slices.overdue, this.mayMatch, onCandidate);
      for (const { block, at } of blocks.splice(0)) {
        nodes += this.readOwn(block, run, at, shadowRoots);
        if (slices.overdue()) {
          await run.flush(false);
          if (slices.overdue()) await slices.pause();
          if (generation !== this.generation) return undefined;
        }
      }
      if (done) break;
      await run.flush(false);
      await slices.pause();
      if (generation !== this.generation) return undefined;
    }
    return nodes + stream.visited;
  }

  /**
   * The block at the top of the viewport when the page is scrolled well down (a reload restores
   * the scroll position); undefined near the top, where document order is viewport order. One
   * layout query at the start of a full pass, never in the reading loop.
   */
  private viewportBlock(): Node | undefined {
    const { win } = this.opts;
    if (win.scrollY < win.innerHeight / 2) return undefined;
    const doc = this.doc;
    const x = win.innerWidth / 2;
    // A few points down the viewport: one may fall in a margin, an image or a gap.
    for (const y of [0.2, 0.4, 0.6, 0.8].map((f) => win.innerHeight * f)) {
      const caret =
        typeof doc.caretPositionFromPoint === 'function'
          ? doc.caretPositionFromPoint(x, y)
          : doc.caretRangeFromPoint?.(x, y);
      let node = caret && ('offsetNode' in caret ? caret.offsetNode : caret.startContainer);
      // Between two text runs the caret is in their element: the text after it will do.
      if (node && node.nodeType === Node.ELEMENT_NODE) {
        const offset = 'offset' in caret! ? caret.offset : (caret as Range).startOffset;
        node = node.childNodes[offset] ?? node.firstChild;
        while (node && node.nodeType === Node.ELEMENT_NODE) node = node.firstChild;
      }
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const block = this.classifier.blockOf(node);
      if (block.nodeType === Node.ELEMENT_NODE) return block;
    }
    return undefined;
  }

  /**
   * A block's own text (not its nested blocks'): read, and its segments that may hold a mention
   * handed to the pass. After a change, unchanged text with all its marks still in place is left
   * alone (its fingerprint). Returns the nodes visited.
   * @param at where the candidate that led here was read (undefined: after a mutation)
   * @param fresh match again even if the text is unchanged (new evidence since)
   */
  private readOwn(
    block: Node,
    run: PassRun,
    at: number | undefined,
    shadowRoots: ShadowRoot[],
    fresh = false,
  ): number {
    if (block.nodeType === Node.ELEMENT_NODE && this.classifier.info(block).excluded) {
      run.result(block);
      return 0;
    }
    const reader = new SegmentReader(block, this.classifier, { own: true, shadowRoots });
    reader.read(() => false);
    const text = reader.segments.map((s) => s.text).join('\n');
    const marked = this.byBlock.get(block);
    if (
      at === undefined &&
      !fresh &&
      marked &&
      this.matchedText.get(block) === text &&
      marked.every((m) => m.range.startContainer.isConnected && m.range.endContainer.isConnected)
    )
      return reader.visited;
    run.result(block, text);
    const kept = reader.segments.filter((s) => this.mayMatch(s.text));
    this.addSegments(kept, Math.max(0, (at ?? 0) - text.length), run);
    return reader.visited;
  }

  private addSegments(segments: readonly ReadSegment[], start: number, run: PassRun): void {
    let at = start;
    for (const segment of segments) {
      at += segment.gap;
      run.add({ segment, at });
      at += segment.text.length + 1;
    }
  }

  /** Matches texts and returns, per text, its mentions; evidence and waits are recorded. */
  matchTexts(texts: string[], segments: (Segment | undefined)[]): Mention[][] {
    const result = detectMentions(texts, this.matcher, this.evidence);
    for (const id of result.strongEntities) this.evidence.add(id);
    segments.forEach((segment, i) => {
      const waiting = result.awaitingEvidence[i];
      if (segment && waiting && waiting.size > 0)
        this.awaiting.set(segment.block, new Set(waiting));
    });
    return result.mentions;
  }

  /**
   * Turns a segment's mentions into page mentions, reusing the range of a mention found before
   * at the same place (same entity, same text node and offsets).
   */
  toPageMentions(segment: Segment, mentions: readonly Mention[]): PageMention[] {
    const previous = this.byBlock.get(segment.block);
    // Previous marks by their start: finding the same mention again costs a lookup, not a scan.
    let byStart: Map<Node, Map<number, PageMention[]>> | undefined;
    if (previous && previous.length > 0) {
      byStart = new Map();
      for (const p of previous) {
        let offsets = byStart.get(p.range.startContainer);
        if (!offsets) byStart.set(p.range.startContainer, (offsets = new Map()));
        const list = offsets.get(p.range.startOffset) ?? [];
        list.push(p);
        offsets.set(p.range.startOffset, list);
      }
    }
    const doc = segment.nodes[0]!.ownerDocument;
    return mentions.map((m) => {
      const bounds = boundsForSpan(segment, m.start, m.end);
      const same = byStart
        ?.get(bounds.startNode)
        ?.get(bounds.startOffset)
        ?.find((p) => p.entityId === m.entityId && sameBounds(p, bounds));
      if (same) return same;
      const range = doc.createRange();
      range.setStart(bounds.startNode, bounds.startOffset);
      range.setEnd(bounds.endNode, bounds.endOffset);
      return { ...m, range, block: segment.block };
    });
  }

  /** Replaces a block's marks with its new list at once: kept ranges are not touched. */
  swap(block: Node, next: PageMention[], text?: string): void {
    const { highlights } = this.opts;
    const previous = this.byBlock.get(block) ?? [];
    const keep = new Set(next);
    for (const m of previous) if (!keep.has(m)) highlights.delete(m.range);
    const had = new Set(previous);
    let attached: Node | undefined;
    for (const m of next) {
      if (had.has(m)) continue;
      // The registry and sheet, once per block (a block's mentions share one root).
      if (!attached) {
        const root = m.range.startContainer.getRootNode() as Document | ShadowRoot;
        attached = root.nodeType === Node.DOCUMENT_NODE ? this.doc : root;
        highlights.attach(attached as Document | ShadowRoot);
      }
      highlights.add(m.range);
    }
    if (next.length > 0) {
      this.byBlock.set(block, next);
      if (text !== undefined) this.matchedText.set(block, text);
    } else {
      this.byBlock.delete(block);
      this.matchedText.delete(block);
    }
  }

  /** After a full pass: marks of blocks the pass read but found nothing in are removed. */
  private forgetUnseen(work: readonly Work[], results: Map<Node, PageMention[]>): void {
    const roots = work.map((w) => w.node);
    for (const block of this.byBlock.keys()) {
      if (results.has(block)) continue;
      if (roots.some((root) => root === block || root.contains(block))) this.swap(block, []);
    }
  }

  /** Forgets the marks of blocks that left the page or whose text nodes did. */
  private prune(): void {
    if (!this.pruneNeeded) return;
    this.pruneNeeded = false;
    for (const [block, list] of this.byBlock) {
      if (
        !block.isConnected ||
        list.some((m) => !m.range.startContainer.isConnected || !m.range.endContainer.isConnected)
      )
        this.swap(block, []);
    }
    for (const block of this.awaiting.keys()) if (!block.isConnected) this.awaiting.delete(block);
  }

  private onMutations(records: MutationRecord[]): void {
    const isOwnUi = this.opts.isOwnUi;
    for (const record of records) {
      const target = record.target;
      if (target.nodeType === Node.ELEMENT_NODE && isOwnUi(target as Element)) continue;
      if (record.type === 'characterData') {
        if (target.parentNode) this.dirtyBlocks.add(target.parentNode);
        continue;
      }
      // Blocks added or removed between other blocks (a feed's posts) change nothing around them:
      // only they are scanned. Text or inline markup changes its block's own text.
      let aroundChanged = false;
      if (record.removedNodes.length > 0) {
        this.pruneNeeded = true;
        for (const removed of record.removedNodes) if (joinsText(removed)) aroundChanged = true;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && isOwnUi(node as Element)) continue;
        if (joinsText(node)) aroundChanged = true;
        else if (node.nodeType === Node.ELEMENT_NODE) this.addedRoots.add(node);
      }
      if (
        (record.addedNodes.length > 0 || record.removedNodes.length > 0) &&
        joinsText(record.previousSibling) &&
        joinsText(record.nextSibling)
      )
        aroundChanged = true;
      if (aroundChanged) this.dirtyBlocks.add(target);
    }
    // Throttle, not debounce: a page that mutates constantly (a ticker) must not starve scans.
    if (
      (this.dirtyBlocks.size > 0 || this.addedRoots.size > 0 || this.pruneNeeded) &&
      this.flushTimer === undefined
    ) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.enqueue(() => this.flushMutations());
      }, MUTATION_BATCH_MS);
    }
  }

  /** One incremental pass over what changed since the last one. */
  private flushMutations(): Promise<void> {
    this.classifier.reset();
    const added = [...this.addedRoots].filter((n) => n.isConnected);
    // An added subtree inside another added one is read with it.
    const outermost = added.filter((n) => !added.some((o) => o !== n && o.contains(n)));
    const work: Work[] = outermost.map((node) => ({ node, scope: 'subtree' }));
    const blocks = new Set<Node>();
    for (const node of this.dirtyBlocks) {
      if (!node.isConnected) continue;
      const block = this.classifier.blockOf(node);
      if (!outermost.some((o) => o === block || o.contains(block))) blocks.add(block);
    }
    for (const block of blocks) work.push({ node: block, scope: 'own' });
    this.addedRoots.clear();
    this.dirtyBlocks.clear();
    if (work.length === 0 && !this.pruneNeeded) return Promise.resolve();
    return this.pass('incremental', work);
  }
}

/**
 * The matching side of one pass: segments in, in document order, matched in batches (a long
 * segment in windows), each batch in its own slice, and every block's new marks swapped in once
 * the block is done.
 */
class PassRun {
  private pending: Pending[] = [];
  private chars = 0;
  private readonly touched = new Set<Node>();
  /** Own texts of blocks read again, kept as their fingerprints when their marks are swapped. */
  private readonly texts = new Map<Node, string>();
  /** Measured matching cost, to size batches and windows to a few ms each. */
  private msPerChar = 0;
  found = 0;

  constructor(
    private readonly scanner: PageScanner,
    private readonly slices: Slices,
    private readonly results: Map<Node, PageMention[]>,
  ) {}

  /** A block about to be read again: it ends with what this pass finds, maybe nothing. */
  result(block: Node, text?: string): void {
    // Read again in this pass (after the viewport was read first): its list starts over.
    this.results.set(block, []);
    if (text !== undefined) this.texts.set(block, text);
    this.touched.add(block);
  }

  add(item: Pending): void {
    this.pending.push(item);
    this.chars += item.segment.text.length;
  }

  /**
   * How many characters one matcher call may take: a few ms of work whatever the text, from what
   * the last calls cost (name- or cue-dense text costs far more per character than prose).
   */
  private get budget(): number {
    if (this.msPerChar <= 0) return BATCH_CHARS;
    return Math.max(2048, Math.min(BATCH_CHARS, Math.floor(4 / this.msPerChar)));
  }

  private timed<T>(chars: number, work: () => T): T {
    const perf = performance;
    const t0 = perf.now();
    const result = work();
    const perChar = (perf.now() - t0) / Math.max(1, chars);
    this.msPerChar = this.msPerChar === 0 ? perChar : 0.5 * this.msPerChar + 0.5 * perChar;
    return result;
  }

  /** Matches what is pending when a batch is full (or `all`), in slices; then swaps marks. */
  async flush(all: boolean): Promise<void> {
    while (this.pending.length > 0 && (all || this.chars >= this.budget)) {
      if (this.slices.overdue()) await this.slices.pause();
      const first = this.pending[0]!;
      if (first.segment.text.length > WINDOW_CHARS) {
        this.pending.shift();
        this.chars -= first.segment.text.length;
        await this.matchWindows(first);
        continue;
      }
      // A batch: consecutive segments up to the budget, none of them long.
      const batch: Pending[] = [];
      let size = 0;
      const budget = this.budget;
      while (this.pending.length > 0) {
        const next = this.pending[0]!;
        if (next.segment.text.length > WINDOW_CHARS) break;
        if (batch.length > 0 && size + next.segment.text.length > budget) break;
        batch.push(this.pending.shift()!);
        size += next.segment.text.length;
      }
      this.chars -= size;
      this.timed(size, () => this.matchBatch(batch));
    }
    this.swapTouched();
  }

  private matchBatch(batch: readonly Pending[]): void {
    const texts: string[] = [];
    const segments: (Segment | undefined)[] = [];
    let end = -1;
    for (const { segment, at } of batch) {
      // Between segments, the text left out as spaces (capped): the matcher's distances hold.
      if (end >= 0 && at > end) {
        texts.push(' '.repeat(Math.min(at - end - 1, GAP_CAP)));
        segments.push(undefined);
      }
      texts.push(segment.text);
      segments.push(segment);
      end = at + segment.text.length;
    }
    const mentions = this.scanner.matchTexts(texts, segments);
    segments.forEach((segment, i) => {
      if (segment) this.collect(segment, mentions[i] ?? []);
    });
  }

  /**
   * One long segment, window by window: each window in its own slice, seeing the text before it
   * that a bare surname may refer to and after it where cues may be, and keeping the mentions
   * that start in its own part. Marks are swapped in after every window.
   */
  private async matchWindows({ segment }: Pending): Promise<void> {
    const { text } = segment;
    for (let from = 0; from < text.length;) {
      if (this.slices.overdue()) await this.slices.pause();
      const to = Math.min(text.length, from + Math.min(WINDOW_CHARS, this.budget));
      const lead = Math.max(0, from - WINDOW_BEFORE);
      const window = text.slice(lead, Math.min(text.length, to + WINDOW_AFTER));
      const [mentions = []] = this.timed(window.length, () =>
        this.scanner.matchTexts([window], [segment]),
      );
      const own: Mention[] = [];
      for (const m of mentions) {
        const start = m.start + lead;
        if (start >= from && start < to) own.push({ ...m, start, end: m.end + lead });
      }
      this.collect(segment, own);
      this.swapTouched();
      from = to;
    }
  }

  private collect(segment: Segment, mentions: readonly Mention[]): void {
    const list = this.results.get(segment.block) ?? [];
    const page = this.scanner.toPageMentions(segment, mentions);
    for (const m of page) list.push(m);
    this.results.set(segment.block, list);
    this.touched.add(segment.block);
    this.found += page.length;
  }

  private swapTouched(): void {
    for (const block of this.touched)
      this.scanner.swap(block, this.results.get(block) ?? [], this.texts.get(block));
    this.touched.clear();
  }
}
