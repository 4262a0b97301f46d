/** Opening the other extension pages from the popup and the full view. */
import { browser } from 'wxt/browser';
import { serializeBrowseState, type BrowseState } from './url-state';

/** The full view's address for a state, relative to the extension root (an `<a href>`). */
export function fullViewPath(state: BrowseState): string {
  return `/browse.html${serializeBrowseState(state)}`;
}

/** Opens the full view in a new tab, with the popup's current view. */
export async function openFullView(state: BrowseState): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(fullViewPath(state) as '/browse.html') });
}

/** Opens the options page (in a tab, as the manifest asks). */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Closes the page when it is the toolbar popup (not when the popup page is open in a tab). */
export async function closeIfPopup(): Promise<void> {
  if (!(await browser.tabs.getCurrent())) window.close();
}
