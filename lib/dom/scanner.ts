/**
 * Finds mentions in a live page: reads text in idle-time chunks, hands strings to the pure
 * matcher, keeps the results as Ranges, and rescans only what mutations touched. It never
 * changes the page's nodes (DESIGN.md contract 3) and records a `factcards:scan` measure after
 * every pass (contract 6).
 */
import { detectMentions, mightContainMention, type CompiledMatcher, type Mention } from '../detect';
import {
  BlockClassifier,
  SegmentReader,
  isBlank,
  isBlockElement,
  rangeForSpan,
  type Segment,
} from './blocks';
import { MentionHighlights } from './highlights';
import { recordMeasure } from '../instrumentation';

/** A mention on the page. */
export interface PageMention extends Mention {
  range: Range;
  block: Node;
}

export interface ScannerOptions {
  win: Window & typeof globalThis;
  matcher: CompiledMatcher;
  highlights: MentionHighlights;
  /** The extension's own UI, never scanned. */
  isOwnUi: (el: Element) => boolean;
  /** Called after each pass with the entities present on the page. */
  onPass: (scanner: PageScanner) => void;
  /** Abort to stop every observer and timer. */
  signal: AbortSignal;
}

/**
 * Reading per chunk before yielding to the page, in ms. Matching what was read adds a little
 * (only segments the automaton flags are verified), so a chunk stays near 8 ms, far below a
 * 50 ms long task.
 */
const CHUNK_MS = 6;
/** A root with more elements than this is not probed whole: its text read could be a long task. */
const PROBE_MAX_ELEMENTS = 12_000;
/**
 * Segments that may hold a mention are matched in batches of about this many characters, so the
 * results do not depend on where idle time happened to cut the reading.
 */
const BATCH_CHARS = 32_768;
/**
 * Text left out between two matched segments is passed on as this many spaces at most, so the
 * matcher's distances between blocks (a surname's antecedent, 500 characters) stay as they were.
 */
const GAP_CAP = 2048;
/** How long mutations are gathered before one incremental pass. */
const MUTATION_BATCH_MS = 60;

/** Text, or inline markup: it joins the text of its block (a blank text node or a block does not). */
function joinsText(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === Node.TEXT_NODE) return !isBlank((node as Text).data);
  return node.nodeType === Node.ELEMENT_NODE && !isBlockElement(node as Element);
}

export class PageScanner {
  private readonly byBlock = new Map<Node, PageMention[]>();
  private readonly evidence = new Set<string>();
  private readonly awaiting = new Map<Node, Set<string>>();
  private readonly classifier: BlockClassifier;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  private readonly dirty = new Set<Node>();
  private pruneNeeded = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private matcher: CompiledMatcher;
  /** The batch being filled: segments (undefined: spaces for the text left out), their texts. */
  private batch: (Segment | undefined)[] = [];
  private texts: string[] = [];
  private batchChars = 0;
  /** Full batches waiting to be matched. */
  private full: [(Segment | undefined)[], string[]][] = [];

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
    return this.enqueue(() => this.scanRoots([this.doc], 'full'));
  }

  /** Stops observing and removes every mark. */
  stop(): void {
    this.generation++;
    this.observer.disconnect();
    this.observedRoots.clear();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.byBlock.clear();
    this.awaiting.clear();
    this.evidence.clear();
    this.opts.highlights.clear();
  }

  /** Swaps the matcher (entities switched on or off) and rescans the page. */
  setMatcher(matcher: CompiledMatcher): Promise<void> {
    this.matcher = matcher;
    for (const list of this.byBlock.values())
      for (const m of list) this.opts.highlights.delete(m.range);
    this.byBlock.clear();
    this.awaiting.clear();
    this.evidence.clear();
    const roots: Node[] = [this.doc, ...[...this.observedRoots].filter((r) => r !== this.doc)];
    return this.enqueue(() => this.scanRoots(roots, 'full'));
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

  /** Open shadow roots attached after load are found when the pointer reaches them. */
  private discoverShadowAt(x: number, y: number): void {
    const el = this.doc.elementFromPoint(x, y);
    const root = el?.shadowRoot;
    if (root && !this.observedRoots.has(root)) {
      this.observe(root);
      void this.enqueue(() => this.scanRoots([root], 'incremental'));
    }
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

  /** Waits for idle time (or a short timeout on a busy page). */
  private idle(): Promise<IdleDeadline | undefined> {
    const win = this.opts.win;
    return new Promise((resolve) => {
      if (typeof win.requestIdleCallback === 'function')
        win.requestIdleCallback((d) => resolve(d), { timeout: 300 });
      else win.setTimeout(() => resolve(undefined), 0);
    });
  }

  /**
   * One pass over some roots: read segments in chunks, match them, replace the mentions of the
   * blocks read. Records `factcards:scan` with the busy time (idle gaps excluded); `nodes` counts
   * the nodes visited (text and elements; only elements on a page without any mention).
   */
  private async scanRoots(roots: Node[], kind: 'full' | 'incremental'): Promise<void> {
    const generation = this.generation;
    const perf = this.opts.win.performance;
    const passStart = perf.now();
    let sliceStart = passStart;
    let busy = 0;
    let nodes = 0;
    let found = 0;
    const overdue = () => perf.now() - sliceStart > CHUNK_MS;
    /** Yields to the page; false when the pass was cancelled meanwhile. */
    const pause = async () => {
      busy += perf.now() - sliceStart;
      await this.idle();
      sliceStart = perf.now();
      return generation === this.generation;
    };
    this.classifier.reset();
    // A cancelled pass may have left a batch behind.
    this.closeBatch();
    this.full = [];

    for (let r = 0; r < roots.length; r++) {
      const root = roots[r]!;
      if (!root.isConnected && !(root instanceof this.opts.win.ShadowRoot)) continue;
      if (kind === 'incremental') this.removeWithin(root);
      // Pages without any mention are the common case: native text reads and one automaton pass
      // decide that; then only elements are walked, to find shadow roots. A root too large to read
      // in one go (a long task) is walked whole, in chunks.
      const top =
        root.nodeType === Node.DOCUMENT_NODE
          ? ((root as Document).body ?? (root as Document).documentElement)
          : (root as Element | ShadowRoot);
      const clean = top && this.isClean(top) ? top : undefined;
      if (overdue() && !(await pause())) return;
      const shadowRoots: ShadowRoot[] = [];
      const reader = new SegmentReader(root, this.classifier, shadowRoots, this.mightMatch, clean);
      for (;;) {
        const done = reader.read(overdue);
        this.enqueueSegments(reader, done);
        // Matching gets slices of its own, so a chunk's reading and matching never add up.
        for (let batch = this.full.shift(); batch; batch = this.full.shift()) {
          if (overdue() && !(await pause())) return;
          found += this.match(...batch);
        }
        if (done) break;
        if (!(await pause())) return;
      }
      nodes += reader.visited;
      for (const shadow of shadowRoots) {
        if (this.opts.isOwnUi(shadow.host) || roots.includes(shadow)) continue;
        this.observe(shadow);
        roots.push(shadow);
      }
      if (r < roots.length - 1 && overdue() && !(await pause())) return;
    }
    found += this.retryAwaiting();
    busy += perf.now() - sliceStart;
    recordMeasure(perf, 'factcards:scan', {
      start: passStart,
      duration: busy,
      detail: { mentions: found, nodes, kind, elapsed: perf.now() - passStart },
    });
    this.opts.onPass(this);
  }

  /**
   * Whether a subtree certainly holds no mention. Its text is read natively in two parts, split
   * before the element an eighth of the way in: a page about the entities names one early, and
   * then the rest is not read twice. (A name cut in two by the split is still seen as long as every
   * multi-word alias contains a one-word alias, as every alias in the dataset does.) A subtree too
   * large to read at once (a long task) counts as not clean: it is walked in chunks.
   */
  private isClean(top: Element | ShadowRoot): boolean {
    const elements = top.querySelectorAll('*');
    if (elements.length > PROBE_MAX_ELEMENTS) return false;
    const cut = elements[elements.length >> 3];
    const range = this.doc.createRange();
    range.selectNodeContents(top);
    if (cut) range.setEndBefore(cut);
    if (this.mightMatch(range.toString())) return false;
    if (!cut) return true;
    range.selectNodeContents(top);
    range.setStartBefore(cut);
    return !this.mightMatch(range.toString());
  }

  /** Whether a segment's text holds anything like an alias: the rest never reaches the matcher. */
  private readonly mightMatch = (text: string) => mightContainMention(text, this.matcher);

  /**
   * Adds what a reader kept to the batch, and the text it left out between segments as spaces;
   * a batch is full past BATCH_CHARS, or when the reader is done.
   */
  private enqueueSegments(reader: SegmentReader, done: boolean): void {
    for (const segment of reader.segments) {
      // At most GAP_CAP: the matcher's distances between blocks stay what they would be.
      if (this.texts.length > 0 && segment.gap > 0) {
        this.texts.push(' '.repeat(Math.min(segment.gap - 1, GAP_CAP)));
        this.batch.push(undefined);
      }
      this.texts.push(segment.text);
      this.batch.push(segment);
      this.batchChars += segment.text.length;
      if (this.batchChars > BATCH_CHARS) this.closeBatch();
    }
    reader.clear();
    if (done) this.closeBatch();
  }

  private closeBatch(): void {
    if (this.texts.length > 0) this.full.push([this.batch, this.texts]);
    this.batch = [];
    this.texts = [];
    this.batchChars = 0;
  }

  /** Matches a batch and records its mentions; returns how many were found. */
  private match(batch: (Segment | undefined)[], texts: string[]): number {
    const result = detectMentions(texts, this.matcher, this.evidence);
    for (const id of result.strongEntities) this.evidence.add(id);
    let found = 0;
    batch.forEach((segment, i) => {
      if (!segment) return;
      const waiting = result.awaitingEvidence[i];
      if (waiting && waiting.size > 0) this.awaiting.set(segment.block, new Set(waiting));
      const mentions = result.mentions[i] ?? [];
      found += mentions.length;
      if (mentions.length > 0) this.record(segment, mentions);
    });
    return found;
  }

  private record(segment: Segment, mentions: Mention[]): void {
    const doc = segment.nodes[0]!.ownerDocument;
    const list = this.byBlock.get(segment.block) ?? [];
    const root = segment.nodes[0]!.getRootNode() as Document | ShadowRoot;
    this.opts.highlights.attach(root.nodeType === Node.DOCUMENT_NODE ? this.doc : root);
    for (const m of mentions) {
      const range = rangeForSpan(segment, m.start, m.end, doc);
      list.push({ ...m, range, block: segment.block });
      this.opts.highlights.add(range);
    }
    this.byBlock.set(segment.block, list);
  }

  /** Blocks whose weak mentions waited for evidence that has since appeared get rescanned. */
  private retryAwaiting(): number {
    const blocks: Node[] = [];
    for (const [block, ids] of this.awaiting) {
      if ([...ids].some((id) => this.evidence.has(id))) blocks.push(block);
    }
    if (blocks.length === 0) return 0;
    let found = 0;
    for (const block of blocks) {
      this.awaiting.delete(block);
      if (!block.isConnected) continue;
      this.removeBlock(block);
      const reader = new SegmentReader(
        block,
        this.classifier,
        [],
        (text, of) => of === block && this.mightMatch(text),
      );
      reader.read(() => false);
      this.enqueueSegments(reader, true);
      for (let batch = this.full.shift(); batch; batch = this.full.shift())
        found += this.match(...batch);
    }
    return found;
  }

  private removeBlock(block: Node): void {
    const list = this.byBlock.get(block);
    if (!list) return;
    for (const m of list) this.opts.highlights.delete(m.range);
    this.byBlock.delete(block);
  }

  /** Forgets the mentions of every block inside a root (before rescanning it). */
  private removeWithin(root: Node): void {
    // Deleting the entry being visited is safe while iterating a Map.
    for (const block of this.byBlock.keys()) {
      if (block === root || root.contains(block)) this.removeBlock(block);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const isOwnUi = this.opts.isOwnUi;
    for (const record of records) {
      const target = record.target;
      if (target.nodeType === Node.ELEMENT_NODE && isOwnUi(target as Element)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(target);
        continue;
      }
      // Blocks added or removed between other blocks (a feed's posts) change nothing around them:
      // only they are scanned. Text or inline markup changes its block's text, so the block is.
      let aroundChanged = false;
      if (record.removedNodes.length > 0) {
        this.pruneNeeded = true;
        for (const removed of record.removedNodes) if (joinsText(removed)) aroundChanged = true;
      }
      let added = false;
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && isOwnUi(node as Element)) continue;
        added = true;
        if (joinsText(node)) aroundChanged = true;
        else if (node.nodeType === Node.TEXT_NODE) continue; // blank text between blocks
        this.dirty.add(node);
      }
      if (
        (added || record.removedNodes.length > 0) &&
        joinsText(record.previousSibling) &&
        joinsText(record.nextSibling)
      )
        aroundChanged = true;
      if (aroundChanged) this.dirty.add(target);
    }
    // Throttle, not debounce: a page that mutates constantly (a ticker) must not starve scans.
    if ((this.dirty.size > 0 || this.pruneNeeded) && this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.enqueue(() => this.flush());
      }, MUTATION_BATCH_MS);
    }
  }

  /** One incremental pass over what changed since the last one. */
  private async flush(): Promise<void> {
    this.classifier.reset();
    if (this.pruneNeeded) {
      this.pruneNeeded = false;
      for (const [block, list] of this.byBlock) {
        if (!block.isConnected || list.some((m) => !m.range.startContainer.isConnected))
          this.removeBlock(block);
      }
    }
    // Rescan each changed node's whole block: the text around it decides what it means.
    const roots = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      const isBlockElement =
        node.nodeType === Node.ELEMENT_NODE && this.classifier.blockOf(node) === node;
      roots.add(isBlockElement ? node : this.classifier.blockOf(node));
    }
    this.dirty.clear();
    const minimal = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    if (minimal.length > 0) await this.scanRoots(minimal, 'incremental');
  }
}
