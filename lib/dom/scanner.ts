/**
 * Finds mentions in a live page: reads text in idle-time chunks, hands strings to the pure
 * matcher, keeps the results as Ranges, and rescans only what mutations touched. It never
 * changes the page's nodes (DESIGN.md contract 3) and records a `factcards:scan` measure after
 * every pass (contract 6).
 */
import { detectMentions, mightContainMention, type CompiledMatcher, type Mention } from '../detect';
import { BlockClassifier, rangeForSpan, readSegments, type Segment } from './blocks';
import { MentionHighlights } from './highlights';

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

/** Work per chunk before yielding to the page, in ms (well under a 50 ms long task). */
const CHUNK_MS = 8;
/** How long mutations are gathered before one incremental pass. */
const MUTATION_BATCH_MS = 60;

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
    for (const list of this.byBlock.values()) for (const m of list) this.opts.highlights.delete(m.range);
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
    for (const list of this.byBlock.values()) for (const m of list) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
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
    const shadowRoots = [...this.observedRoots].filter((r): r is ShadowRoot => r instanceof this.opts.win.ShadowRoot);
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = (doc.caretPositionFromPoint as (x: number, y: number, o?: unknown) => CaretPosition | null)(x, y, { shadowRoots });
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      node = range?.startContainer ?? null;
      offset = range?.startOffset ?? 0;
    }
    if (!node) return undefined;
    this.discoverShadowAt(x, y);
    const list = this.byBlock.get(this.classifier.blockOf(node));
    if (!list) return undefined;
    for (const m of list) {
      if (m.range.comparePoint(node, offset) !== 0 && !(m.range.endContainer === node && m.range.endOffset === offset)) continue;
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
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
    this.queue = this.queue.then(() => (generation === this.generation ? task() : undefined)).catch((error: unknown) => {
      console.warn('[factcards] scan failed:', error);
    });
    return this.queue;
  }

  /** Waits for idle time (or a short timeout on a busy page). */
  private idle(): Promise<IdleDeadline | undefined> {
    const win = this.opts.win;
    return new Promise((resolve) => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback((d) => resolve(d), { timeout: 300 });
      else win.setTimeout(() => resolve(undefined), 0);
    });
  }

  /**
   * One pass over some roots: read segments in chunks, match them, replace the mentions of the
   * blocks read. Records `factcards:scan` with the busy time (idle gaps excluded).
   */
  private async scanRoots(roots: Node[], kind: 'full' | 'incremental'): Promise<void> {
    const generation = this.generation;
    const perf = this.opts.win.performance;
    const passStart = perf.now();
    let busy = 0;
    let nodes = 0;
    let found = 0;
    this.classifier.reset();

    for (const root of roots) {
      if (!root.isConnected && !(root instanceof this.opts.win.ShadowRoot)) continue;
      const t0 = perf.now();
      // Pages without any mention are the common case: one native textContent read and one
      // matcher pass decide that, without walking the tree.
      const quick = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body ?? (root as Document).documentElement : root;
      const skip = kind === 'full' && quick !== null && !mightContainMention(quick.textContent ?? '', this.matcher);
      busy += perf.now() - t0;
      if (!skip) {
        const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        this.removeWithin(root);
        for (;;) {
          const chunkStart = perf.now();
          const segments: Segment[] = [];
          const { done, nodes: n } = readSegments(walker, this.classifier, segments, () => perf.now() - chunkStart > CHUNK_MS);
          nodes += n;
          found += this.matchSegments(segments);
          busy += perf.now() - chunkStart;
          if (done) break;
          await this.idle();
          if (generation !== this.generation) return;
        }
      }
      const shadowStart = perf.now();
      const hosts = kind === 'full' || root.nodeType === Node.ELEMENT_NODE ? this.findShadowRoots(root) : [];
      busy += perf.now() - shadowStart;
      for (const shadow of hosts) {
        this.observe(shadow);
        if (!roots.includes(shadow)) roots.push(shadow);
      }
    }
    const t1 = perf.now();
    found += this.retryAwaiting();
    busy += perf.now() - t1;
    try {
      perf.measure('factcards:scan', {
        start: passStart,
        duration: busy,
        detail: { mentions: found, nodes, kind, elapsed: perf.now() - passStart },
      });
    } catch {
      // A page that overrides `performance` must not break scanning.
    }
    this.opts.onPass(this);
  }

  private findShadowRoots(root: Node): ShadowRoot[] {
    const out: ShadowRoot[] = [];
    const scope = root as ParentNode;
    if (typeof scope.querySelectorAll !== 'function') return out;
    if (root.nodeType === Node.ELEMENT_NODE && (root as Element).shadowRoot) out.push((root as Element).shadowRoot!);
    for (const el of scope.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (shadow && !this.observedRoots.has(shadow) && !this.opts.isOwnUi(el)) out.push(shadow);
    }
    return out;
  }

  /** Matches segments and records their mentions; returns how many were found. */
  private matchSegments(segments: Segment[]): number {
    if (segments.length === 0) return 0;
    const result = detectMentions(
      segments.map((s) => s.text),
      this.matcher,
      this.evidence,
    );
    for (const id of result.strongEntities) this.evidence.add(id);
    let found = 0;
    segments.forEach((segment, i) => {
      const waiting = result.awaitingEvidence[i];
      if (waiting && waiting.size > 0) this.awaiting.set(segment.block, new Set(waiting));
      const mentions = result.mentions[i] ?? [];
      if (mentions.length === 0) return;
      found += mentions.length;
      this.record(segment, mentions);
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
      const segments: Segment[] = [];
      readSegments(this.doc.createTreeWalker(block, NodeFilter.SHOW_TEXT), this.classifier, segments, () => false);
      found += this.matchSegments(segments.filter((s) => s.block === block));
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
    for (const block of [...this.byBlock.keys()]) {
      if (block === root || root.contains(block)) this.removeBlock(block);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (target.nodeType === Node.ELEMENT_NODE && this.opts.isOwnUi(target as Element)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(target);
        continue;
      }
      if (record.removedNodes.length > 0) this.pruneNeeded = true;
      let own = true;
      for (const added of record.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE && this.opts.isOwnUi(added as Element)) continue;
        own = false;
        this.dirty.add(added);
      }
      if (!own || record.removedNodes.length > 0) this.dirty.add(target);
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
      for (const [block, list] of [...this.byBlock]) {
        if (!block.isConnected || list.some((m) => !m.range.startContainer.isConnected)) this.removeBlock(block);
      }
    }
    // Rescan each changed node's whole block: the text around it decides what it means.
    const roots = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      const isBlockElement = node.nodeType === Node.ELEMENT_NODE && this.classifier.blockOf(node) === node;
      roots.add(isBlockElement ? node : this.classifier.blockOf(node));
    }
    this.dirty.clear();
    const minimal = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    if (minimal.length > 0) await this.scanRoots(minimal, 'incremental');
  }
}
