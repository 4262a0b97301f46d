/**
 * What the popup does to the tab it is about, through the message protocol only: read the
 * page's state and mention counts, reveal a mention, and set the site switch.
 */
import { sendToBackground, sendToTab } from '../messaging';
import type { SiteMode } from './site';

/** The top frame's host name and whether the extension is hidden in the tab until reload. */
export interface PageState {
  hostname: string;
  hiddenOnce: boolean;
}

/**
 * Asks the tab's top frame for its state. Undefined when no content script answers: browser
 * pages, the web store, a tab still loading, or a page opened before the extension was installed.
 */
export async function readPageState(tabId: number): Promise<PageState | undefined> {
  try {
    return await sendToTab(tabId, { type: 'getPageState' }, { frameId: 0 });
  } catch {
    return undefined;
  }
}

/** Mentions per entity id in the tab, all frames together; `{}` when unknown. */
export async function readMentionCounts(tabId: number): Promise<Record<string, number>> {
  try {
    return (await sendToBackground({ type: 'getTabMentions', tabId })).counts;
  } catch {
    return {};
  }
}

/** Scrolls the tab to the `index`-th mention of an entity (across frames) and marks it briefly. */
export async function revealMention(
  tabId: number,
  entityId: string,
  index: number,
): Promise<{ ok: boolean; total: number }> {
  try {
    return await sendToBackground({ type: 'revealInTab', tabId, entityId, index });
  } catch {
    return { ok: false, total: 0 };
  }
}

/**
 * Sets the site switch. "On" and "hidden" both mean on for this site (a broader pattern stays,
 * with the host as an exception); "off" remembers it off. The order avoids a flash of
 * highlights: "hidden" hides the tab before the site is switched on, and "on" shows it after.
 * "Off" leaves the tab's hidden flag alone: the remembered switch already wins over it.
 */
export async function applySiteMode(
  tabId: number,
  hostname: string,
  mode: SiteMode,
): Promise<void> {
  if (mode === 'hidden') await sendToTab(tabId, { type: 'setHiddenOnce', hidden: true });
  // Loaded on first use: the popup opens without the storage wrapper the writer needs.
  const { changeSettings } = await import('../settings/writer');
  await changeSettings({ type: 'setSiteOn', host: hostname, on: mode !== 'off' });
  if (mode === 'on')
    await sendToTab(tabId, { type: 'setHiddenOnce', hidden: false }).catch(() => undefined);
}
