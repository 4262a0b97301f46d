/**
 * Preact hooks that load and keep the browse view's data, URL state and active page. This is
 * where `browser.*`, IndexedDB (through `./data` and `lib/db.ts`) and storage are reached, so the
 * components in `components/browse/` only render.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../settings';
import { recordMark } from '../instrumentation';
import { resolveActiveTabId } from './active-tab';
import type { BrowsePreload, LoadedDataset, PreloadState } from './data';
import { buildBrowseModel, type BrowseModel } from './model';
import { applySiteMode, readMentionCounts, readPageState, revealMention } from './page';
import { siteModeOf, siteRuleOf, type SiteMode, type SiteRule } from './site';
import { parseBrowseState, serializeBrowseState, type BrowseState } from './url-state';

export type BrowseData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; model: BrowseModel; settings: Settings };

/**
 * The browse view's data, kept live: switching a source off in the options removes its positions
 * here too. The model is rebuilt only when the dataset or the filter changes, so the search
 * index survives a theme change. Subscribes in a layout effect, so data already read renders at once.
 */
export function useBrowseData(preload: BrowsePreload): BrowseData {
  const [data, setData] = useState<BrowseData>({ status: 'loading' });
  useLayoutEffect(() => {
    let model: { dataset: LoadedDataset; key: string; value: BrowseModel } | undefined;
    const publish = ({ dataset, settings, error }: PreloadState) => {
      if (error && !dataset) {
        setData({ status: 'error', message: error });
        return;
      }
      if (!dataset || !settings) return;
      const key = JSON.stringify([settings.disabledSources, settings.disabledEntities]);
      if (model?.dataset !== dataset || model.key !== key) {
        model = { dataset, key, value: buildBrowseModel(dataset.value, settings, dataset.from) };
      }
      setData({ status: 'ready', model: model.value, settings });
    };
    publish(preload.current());
    return preload.subscribe(publish);
  }, [preload]);
  return data;
}

/**
 * The browse state, read from the URL once and written back with `history.replaceState`
 * (debounced: Chromium throttles frequent history calls), keeping the parameters named in `keep`.
 */
export function useBrowseState(
  keep: readonly string[] = [],
): [BrowseState, (change: Partial<BrowseState>) => void] {
  const [state, setState] = useState<BrowseState>(() => parseBrowseState(location.search));
  const update = useCallback(
    (change: Partial<BrowseState>) => setState((current) => ({ ...current, ...change })),
    [],
  );
  const keepKey = keep.join(',');
  useEffect(() => {
    const timer = setTimeout(() => {
      const params = new URLSearchParams(location.search);
      const kept: Record<string, string> = {};
      for (const name of keepKey ? keepKey.split(',') : []) {
        const value = params.get(name);
        if (value !== null) kept[name] = value;
      }
      const next = `${location.pathname}${serializeBrowseState(state, kept)}${location.hash}`;
      if (next !== `${location.pathname}${location.search}${location.hash}`)
        history.replaceState(history.state, '', next);
    }, 250);
    return () => clearTimeout(timer);
  }, [state, keepKey]);
  return [state, update];
}

/** Where the last "show me" went: the entity, which mention (1-based) of how many, and whether it worked. */
export interface Revealed {
  entityId: string;
  position: number;
  total: number;
  ok: boolean;
}

export type ActivePage =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | {
      status: 'ready';
      tabId: number;
      hostname: string;
      hiddenOnce: boolean;
      /** The site switch: what was just chosen while it is applied, else what settings and tab say. */
      mode: SiteMode;
      /** The broader patterns that cover the site, and whether an exception keeps it on. */
      rule: SiteRule;
      /** Mentions per entity id, all frames together. */
      counts: Record<string, number>;
      revealed?: Revealed;
      /** Set while a site switch change is being applied. */
      busy: boolean;
      error?: string;
    };

type PageFields = Omit<Extract<ActivePage, { status: 'ready' }>, 'mode' | 'rule'> & {
  pending?: SiteMode;
};
type InnerPage = { status: 'loading' } | { status: 'unavailable' } | PageFields;

/** How often the popup refreshes the tab's mention counts while it is open. @default 1000 */
export const MENTION_REFRESH_MS = 1000;

/**
 * The tab the popup is about (`?tabId=`, else the active tab): its host name and hidden flag
 * (from its content script), its mention counts (from the background, refreshed while open),
 * and the actions "show the next mention of" and "set the site switch". `sites` comes from the
 * live settings, so a change made in the options shows here too.
 */
export function useActivePage(
  search: string,
  sites: Pick<Settings, 'disabledSites' | 'siteExceptions'> | undefined,
): {
  page: ActivePage;
  reveal: (entityId: string) => void;
  setMode: (mode: SiteMode) => void;
} {
  const [inner, setInner] = useState<InnerPage>({ status: 'loading' });
  const next = useRef(new Map<string, number>());
  const tab = useRef<{ tabId: number; hostname: string } | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const update = (change: (p: PageFields) => PageFields) =>
    setInner((p) => (p.status === 'ready' ? change(p) : p));

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const current = tab.current;
      if (!current) return;
      const counts = await readMentionCounts(current.tabId);
      if (!live) return;
      update((p) => (JSON.stringify(p.counts) !== JSON.stringify(counts) ? { ...p, counts } : p));
      timer = setTimeout(() => void refresh(), MENTION_REFRESH_MS);
    };
    void (async () => {
      const tabId = await resolveActiveTabId(search, browser.tabs);
      const state = tabId === undefined ? undefined : await readPageState(tabId);
      if (!live) return;
      if (tabId === undefined || !state) {
        setInner({ status: 'unavailable' });
        return;
      }
      tab.current = { tabId, hostname: state.hostname };
      const counts = await readMentionCounts(tabId);
      if (!live) return;
      setInner({
        status: 'ready',
        tabId,
        hostname: state.hostname,
        hiddenOnce: state.hiddenOnce,
        counts,
        busy: false,
      });
      timer = setTimeout(() => void refresh(), MENTION_REFRESH_MS);
    })();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  const reveal = useCallback((entityId: string) => {
    const current = tab.current;
    if (!current) return;
    const index = next.current.get(entityId) ?? 0;
    void revealMention(current.tabId, entityId, index).then(({ ok, total }) => {
      next.current.set(entityId, total > 0 ? (index + 1) % total : 0);
      update((p) => ({
        ...p,
        revealed: { entityId, position: total > 0 ? (index % total) + 1 : 0, total, ok },
      }));
    });
  }, []);

  const setMode = useCallback((mode: SiteMode) => {
    const current = tab.current;
    if (!current) return;
    update((p) => ({ ...p, busy: true, pending: mode, error: undefined }));
    // One change at a time, in the order chosen.
    queue.current = queue.current.then(() =>
      applySiteMode(current.tabId, current.hostname, mode).then(
        () =>
          update((p) => ({
            ...p,
            busy: false,
            hiddenOnce: mode === 'hidden' ? true : mode === 'on' ? false : p.hiddenOnce,
          })),
        (error: unknown) =>
          update((p) => ({
            ...p,
            busy: false,
            pending: undefined,
            error: `The page did not answer (${error instanceof Error ? error.message : String(error)}). Reload it and try again.`,
          })),
      ),
    );
  }, []);

  // The chosen mode shows until the settings and the tab agree with it (storage events can
  // arrive after the write resolved), so the switch never flickers back.
  const known = sites ?? { disabledSites: [], siteExceptions: [] };
  const settled =
    inner.status === 'ready' ? siteModeOf(inner.hostname, known, inner.hiddenOnce) : undefined;
  const pending = inner.status === 'ready' ? inner.pending : undefined;
  const busy = inner.status === 'ready' && inner.busy;
  useEffect(() => {
    if (pending !== undefined && !busy && settled === pending)
      update((p) => ({ ...p, pending: undefined }));
  }, [pending, busy, settled]);

  let page: ActivePage;
  if (inner.status !== 'ready') page = inner;
  else {
    const { pending: chosen, ...fields } = inner;
    page = { ...fields, mode: chosen ?? settled ?? 'on', rule: siteRuleOf(inner.hostname, known) };
  }
  return { page, reveal, setMode };
}

/**
 * Records a User Timing mark once, right after the first render in which `ready` is true
 * (`factcards:popup-interactive`: data rendered and handlers attached). Benchmarks read it.
 */
export function useMarkOnce(name: string, ready: boolean, detail?: unknown): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    recordMark(performance, name, detail);
  }, [ready]);
}

/** Keeps `document.title` in step with the view (bookmarks and history read it). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
