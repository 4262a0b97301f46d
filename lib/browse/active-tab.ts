/**
 * Which tab the popup is about. Normally the active tab of the popup's window; a `?tabId=`
 * parameter overrides it, so the popup can be opened in a tab of its own and pointed at
 * another one (the real-browser tests do this). Needs no `tabs` permission: only the id is read.
 */

/** The slice of `browser.tabs` this needs (a parameter, so tests pass a fake). */
export interface TabsQuery {
  query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
}

/** A `tabId` parameter, if it is a non-negative integer. */
export function tabIdOverride(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The `?tabId=` override, else the active tab of the current window; undefined when neither. */
export async function resolveActiveTabId(
  search: string,
  tabs: TabsQuery,
): Promise<number | undefined> {
  const override = tabIdOverride(search);
  if (override !== undefined) return override;
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}
