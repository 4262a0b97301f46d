/**
 * The background's message handlers and start-up work, separate from the entrypoint so unit
 * tests can drive them with `fakeBrowser`. It trusts no sender: tab-scoped work for a content
 * script acts on the sender's own tab and frame, every stored report is capped, extension pages
 * open only at a limited rate, and the stored matcher config is checked against the bundle.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { getBundledDataset } from '../dataset/bundle';
import { DatasetService } from '../db';
import { matcherConfigFromEntities } from '../detect';
import { BackgroundRequests, sendToTab, type Handlers } from '../messaging';
import { readSettings as loadSettings, watchSettings } from '../settings';
import { showTabState } from './toolbar';
import {
  MATCHER_CONFIG_KEY,
  readMatcherConfig,
  StoredMatcherConfigSchema,
  type StoredMatcherConfig,
} from '../matcher-config';

/** Frames of one tab whose counts are kept (a page with more frames keeps its first ones). */
export const MAX_FRAMES_PER_TAB = 64;
/** Full views opened for one tab at most once per this many ms. */
export const OPEN_BROWSE_TAB_INTERVAL_MS = 1000;
/** Full views opened for all tabs together at most this many per minute. */
export const OPEN_BROWSE_PER_MINUTE = 6;

const FrameCountsSchema = z.record(z.string(), z.record(z.string(), z.int()));
type FrameCounts = z.infer<typeof FrameCountsSchema>;
const tabKey = (tabId: number) => `session:mentions-${tabId}` as const;
/** Whether Fact Cards is off in a tab, as its top frame last said. */
const offKey = (tabId: number) => `session:off-${tabId}` as const;

async function readFrameCounts(tabId: number): Promise<FrameCounts> {
  const parsed = FrameCountsSchema.safeParse(await storage.getItem(tabKey(tabId)));
  return parsed.success ? parsed.data : {};
}

/** Frame ids in document order: the top frame first, then the rest by id. */
function orderedFrames(frames: FrameCounts): string[] {
  return Object.keys(frames).sort((a, b) => Number(a) - Number(b));
}

/** The matcher config the bundle compiles to. */
function bundledMatcherConfig(): StoredMatcherConfig {
  const { dataset, version } = getBundledDataset();
  return { datasetVersion: version, config: matcherConfigFromEntities(dataset.entities) };
}

/**
 * Writes the matcher config (aliases and cues) to extension storage unless what is stored is
 * exactly what the bundle compiles to: a missing, invalid or tampered config (even one carrying
 * the current dataset version) is replaced. Returns whether it wrote.
 */
export async function publishMatcherConfig(): Promise<boolean> {
  const expected = bundledMatcherConfig();
  const read = await readMatcherConfig();
  // Both through the schema, so key order and stripped extras compare alike.
  const canonical = JSON.stringify(StoredMatcherConfigSchema.parse(expected));
  if (read.status === 'ok' && JSON.stringify(read.stored) === canonical) return false;
  if (read.status === 'invalid')
    console.warn(`[factcards] the stored matcher config was invalid (${read.problem}); rewritten.`);
  await browser.storage.local.set({ [MATCHER_CONFIG_KEY]: expected });
  return true;
}

/** Keeps the stored matcher config right: any other writer's change is checked and undone. */
export function guardMatcherConfig(): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(MATCHER_CONFIG_KEY in changes)) return;
    void publishMatcherConfig().catch((error: unknown) =>
      console.warn('[factcards] matcher config:', error),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * A rate limit for opening extension pages: at most one per tab per interval, and at most
 * `perMinute` in all. `now` is injected for tests.
 */
export function createOpenLimiter(now: () => number = Date.now) {
  const lastByTab = new Map<number, number>();
  const recent: number[] = [];
  return (tabId: number | undefined): boolean => {
    const t = now();
    while (recent.length > 0 && t - recent[0]! >= 60_000) recent.shift();
    const key = tabId ?? -1;
    const last = lastByTab.get(key);
    if (last !== undefined && t - last < OPEN_BROWSE_TAB_INTERVAL_MS) return false;
    if (recent.length >= OPEN_BROWSE_PER_MINUTE) return false;
    lastByTab.set(key, t);
    recent.push(t);
    return true;
  };
}

/** Creates the handlers for every background message. */
export function createBackgroundHandlers(
  service: DatasetService,
  options: { now?: () => number } = {},
): Handlers<typeof BackgroundRequests> {
  let tail: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
  const knownEntities = new Set(getBundledDataset().dataset.entities.map((e) => e.id));
  const mayOpen = createOpenLimiter(options.now);
  return {
    async getCards({ entityIds }) {
      const { settings } = await loadSettings();
      const { value, from } = await service.cards(entityIds, settings);
      return { cards: value, from };
    },
    async reportMentions({ counts, off }, sender) {
      const { tabId } = sender;
      if (tabId === undefined) return { ok: false };
      // Only entities the dataset knows are kept: a report is at most four small numbers.
      const kept: Record<string, number> = {};
      for (const [id, n] of Object.entries(counts)) if (knownEntities.has(id)) kept[id] = n;
      let ok = true;
      // Frames report at the same moment: without the queue, two read-modify-writes of the
      // tab's entry interleave and one frame's counts are lost.
      await serially(async () => {
        const frames = await readFrameCounts(tabId);
        const frame = String(sender.frameId ?? 0);
        if (!(frame in frames) && Object.keys(frames).length >= MAX_FRAMES_PER_TAB) {
          ok = false;
          return;
        }
        frames[frame] = kept;
        await storage.setItem(tabKey(tabId), frames);
        // The top frame speaks for the tab: a frame's own site may differ from the tab's.
        if (frame === '0') await storage.setItem(offKey(tabId), off);
        await refreshToolbar(tabId);
      });
      return { ok };
    },
    async getTabMentions({ tabId }) {
      // The tab's counts are forgotten when it starts loading (a new page), and a frame does not
      // repeat a report whose counts did not change, so every frame is asked to report again.
      void sendToTab(tabId, { type: 'reportNow' }).catch(() => undefined);
      const totals: Record<string, number> = {};
      for (const frame of Object.values(await readFrameCounts(tabId))) {
        for (const [entityId, n] of Object.entries(frame))
          if (knownEntities.has(entityId)) totals[entityId] = (totals[entityId] ?? 0) + n;
      }
      return { counts: totals };
    },
    async revealInTab({ tabId, entityId, index }) {
      const frames = await readFrameCounts(tabId);
      const total = Object.values(frames).reduce((sum, f) => sum + (f[entityId] ?? 0), 0);
      if (total === 0) return { ok: false, total };
      let local = index % total;
      for (const frameId of orderedFrames(frames)) {
        const n = frames[frameId]?.[entityId] ?? 0;
        if (local < n) {
          const reply = await sendToTab(
            tabId,
            { type: 'revealMention', entityId, index: local },
            { frameId: Number(frameId) },
          );
          return { ok: reply.ok, total };
        }
        local -= n;
      }
      return { ok: false, total };
    },
    async openBrowse({ entityId }, sender) {
      if (!mayOpen(sender.tabId)) return { ok: false };
      const known = entityId !== undefined && knownEntities.has(entityId);
      const query = known ? `?entity=${encodeURIComponent(entityId)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/browse.html${query}`) });
      return { ok: true };
    },
    async repairMatcherConfig() {
      await publishMatcherConfig();
      return { ok: true };
    },
  };
}

/** Forgets a closed tab's mention counts. */
export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItems([tabKey(tabId), offKey(tabId)]);
}

/** A tab's mentions, all frames together, and whether it is off, from what its frames reported. */
async function tabToolbarState(tabId: number): Promise<{ mentions: number; off: boolean }> {
  let mentions = 0;
  for (const frame of Object.values(await readFrameCounts(tabId)))
    for (const n of Object.values(frame)) mentions += n;
  return { mentions, off: (await storage.getItem<unknown>(offKey(tabId))) === true };
}

/** Shows a tab's reported state on the toolbar button, with the badge as the settings say. */
export async function refreshToolbar(tabId: number): Promise<void> {
  const { settings } = await loadSettings();
  await showTabState(tabId, await tabToolbarState(tabId), settings.toolbarBadge);
}

/** Follows the badge setting live: switching it off or on redraws every open tab's button. */
export function followToolbarSettings(): () => void {
  let badgeOn: boolean | undefined;
  void loadSettings().then(({ settings }) => (badgeOn ??= settings.toolbarBadge));
  return watchSettings(({ settings }) => {
    if (settings.toolbarBadge === badgeOn) return;
    badgeOn = settings.toolbarBadge;
    void browser.tabs
      .query({})
      .then((tabs) =>
        Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refreshToolbar(tab.id)))),
      )
      .catch((error: unknown) => console.warn('[factcards] toolbar:', error));
  });
}

/** Forwards a keyboard command to the active tab's content scripts. */
export async function forwardCommand(command: string, tabId?: number): Promise<void> {
  if (command !== 'next-mention' && command !== 'close-card') return;
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await sendToTab(id, { type: 'runCommand', command }, { frameId: 0 }).catch(() => undefined);
}
