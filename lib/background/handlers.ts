/**
 * The background's message handlers and start-up work, separate from the entrypoint so unit
 * tests can drive them with `fakeBrowser`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { getBundledDataset } from '../dataset/bundle';
import { DatasetService } from '../db';
import { matcherConfigFromEntities } from '../detect';
import { BackgroundRequests, sendToTab, type Handlers } from '../messaging';
import { readSettings as loadSettings } from '../settings';
import { MATCHER_CONFIG_KEY, readMatcherConfig, type StoredMatcherConfig } from '../matcher-config';

const FrameCountsSchema = z.record(z.string(), z.record(z.string(), z.int()));
type FrameCounts = z.infer<typeof FrameCountsSchema>;
const tabKey = (tabId: number) => `session:mentions-${tabId}` as const;

async function readFrameCounts(tabId: number): Promise<FrameCounts> {
  const parsed = FrameCountsSchema.safeParse(await storage.getItem(tabKey(tabId)));
  return parsed.success ? parsed.data : {};
}

/** Frame ids in document order: the top frame first, then the rest by id. */
function orderedFrames(frames: FrameCounts): string[] {
  return Object.keys(frames).sort((a, b) => Number(a) - Number(b));
}

/** Writes the matcher config (aliases and cues) to extension storage when the dataset changed. */
export async function publishMatcherConfig(): Promise<void> {
  const { dataset, version } = getBundledDataset();
  if ((await readMatcherConfig())?.datasetVersion === version) return;
  const stored: StoredMatcherConfig = {
    datasetVersion: version,
    config: matcherConfigFromEntities(dataset.entities),
  };
  await browser.storage.local.set({ [MATCHER_CONFIG_KEY]: stored });
}

/** Creates the handlers for every background message. */
export function createBackgroundHandlers(
  service: DatasetService,
): Handlers<typeof BackgroundRequests> {
  let tail: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    async getCards({ entityIds }) {
      const { settings } = await loadSettings();
      const { value, from } = await service.cards(entityIds, settings);
      return { cards: value, from };
    },
    async reportMentions({ counts }, sender) {
      const { tabId } = sender;
      if (tabId === undefined) return { ok: false };
      // Frames report at the same moment: without the queue, two read-modify-writes of the
      // tab's entry interleave and one frame's counts are lost.
      await serially(async () => {
        const frames = await readFrameCounts(tabId);
        frames[String(sender.frameId ?? 0)] = counts;
        await storage.setItem(tabKey(tabId), frames);
      });
      return { ok: true };
    },
    async getTabMentions({ tabId }) {
      // The tab's counts are forgotten when it starts loading (a new page), and a frame does not
      // repeat a report whose counts did not change, so every frame is asked to report again.
      void sendToTab(tabId, { type: 'reportNow' }).catch(() => undefined);
      const totals: Record<string, number> = {};
      for (const frame of Object.values(await readFrameCounts(tabId))) {
        for (const [entityId, n] of Object.entries(frame))
          totals[entityId] = (totals[entityId] ?? 0) + n;
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
    async openBrowse({ entityId }) {
      const query = entityId ? `?entity=${encodeURIComponent(entityId)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/browse.html${query}`) });
      return { ok: true };
    },
  };
}

/** Forgets a closed tab's mention counts. */
export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItem(tabKey(tabId));
}

/** Forwards a keyboard command to the active tab's content scripts. */
export async function forwardCommand(command: string, tabId?: number): Promise<void> {
  if (command !== 'next-mention' && command !== 'close-card') return;
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await sendToTab(id, { type: 'runCommand', command }, { frameId: 0 }).catch(() => undefined);
}
