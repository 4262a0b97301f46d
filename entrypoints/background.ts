import { browser } from 'wxt/browser';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { DatasetService } from '@/lib/db';
import { createListener, parseBackgroundMessage, BackgroundRequests } from '@/lib/messaging';
import {
  createBackgroundHandlers,
  followToolbarSettings,
  forgetTab,
  forwardCommand,
  guardMatcherConfig,
  publishMatcherConfig,
} from '@/lib/background/handlers';

export default defineBackground(() => {
  const service = new DatasetService(getBundledDataset);

  browser.runtime.onMessage.addListener(
    createListener(BackgroundRequests, parseBackgroundMessage, createBackgroundHandlers(service), {
      id: () => browser.runtime.id,
      origin: () => browser.runtime.getURL('/'),
    }),
  );
  browser.commands?.onCommand.addListener((command, tab) => void forwardCommand(command, tab?.id));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });

  guardMatcherConfig();
  followToolbarSettings();
  // Every start (install, update, browser start, worker wake-up) checks the cache and the
  // matcher config against the bundle; both are no-ops when they already match.
  void publishMatcherConfig().catch((error: unknown) =>
    console.warn('[factcards] matcher config:', error),
  );
  void service.ensureSeeded().catch((error: unknown) => {
    console.warn('[factcards] seeding the cache failed; answering from the bundle:', error);
  });
});
