/**
 * The toolbar button's per-tab state: a badge with the number of mentions on the page (the sum
 * of what its frames report), and the "off" icon while Fact Cards is off in the tab (the site is
 * switched off, or it is hidden in this tab). Both are tab-specific, so the browser resets them
 * when the tab loads another page; the new page's content script reports again. No permission is
 * needed: the action API is available to every extension with a toolbar button.
 */
import { browser } from 'wxt/browser';

/** The toolbar button's icons, on and off (public/icon/, public/icon-off/; see wxt.config.ts). */
export const TOOLBAR_ICON_PATHS = {
  on: { 16: '/icon/16.png', 32: '/icon/32.png' },
  off: { 16: '/icon-off/16.png', 32: '/icon-off/32.png' },
} as const;

/** The badge's colour: the mark's blue, readable on light and dark toolbars with white text. */
const BADGE_COLOR = '#2f5fb3';

/** What the toolbar shows for one tab. */
export interface TabToolbarState {
  /** Mentions on the page, all frames together. */
  mentions: number;
  /** Fact Cards marks nothing in this tab (site off, or hidden in the tab). */
  off: boolean;
}

/** The badge text for a count: empty for none, and at most four characters. */
export function badgeText(mentions: number, badgeOn: boolean): string {
  if (!badgeOn || mentions <= 0) return '';
  return mentions > 999 ? '999+' : String(mentions);
}

/** Chrome's `action` (MV3) or Firefox's `browserAction` (MV2). */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

/**
 * Shows a tab's state on the toolbar button. Never throws: the tab may have closed meanwhile,
 * and the badge is only a hint.
 */
export async function showTabState(
  tabId: number,
  state: TabToolbarState,
  badgeOn: boolean,
): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  const text = badgeText(state.off ? 0 : state.mentions, badgeOn);
  try {
    await Promise.all([
      button.setBadgeText({ tabId, text }),
      text ? button.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : undefined,
      button.setIcon({ tabId, path: state.off ? TOOLBAR_ICON_PATHS.off : TOOLBAR_ICON_PATHS.on }),
    ]);
  } catch {
    // The tab closed or navigated away meanwhile: its state went with it.
  }
}
