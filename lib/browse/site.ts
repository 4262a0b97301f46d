/**
 * The popup's three-state site switch, as pure functions over the settings' `disabledSites`
 * and the tab's "hidden once" flag:
 * - `on`: the extension runs on this site;
 * - `off`: off for this site, remembered (a pattern in `disabledSites`, listed in the options);
 * - `hidden`: hidden in this tab until it reloads (the content script's `setHiddenOnce`).
 */
import { isSiteDisabled, SitePatternSchema, sitePatternFor } from '../settings';

export type SiteMode = 'on' | 'off' | 'hidden';

/** The switch position for a page. "Off for this site" wins over "hidden once". */
export function siteModeOf(
  hostname: string,
  disabledSites: readonly string[],
  hiddenOnce: boolean,
): SiteMode {
  if (hostname && isSiteDisabled(hostname, disabledSites)) return 'off';
  return hiddenOnce ? 'hidden' : 'on';
}

/** Whether a site can be remembered as off (has a host name a site pattern can hold). */
export function canRememberSite(hostname: string): boolean {
  return SitePatternSchema.safeParse(sitePatternFor(hostname)).success;
}

/** The patterns that switch a host off (its own, or a `*.` pattern of a parent domain). */
export function patternsCovering(hostname: string, disabledSites: readonly string[]): string[] {
  return disabledSites.filter((pattern) => isSiteDisabled(hostname, [pattern]));
}

/**
 * The `disabledSites` for a mode: `off` adds this host's pattern (unless already covered);
 * `on` and `hidden` remove every pattern covering it, since both mean "on for this site".
 */
export function disabledSitesFor(
  mode: SiteMode,
  hostname: string,
  disabledSites: readonly string[],
): string[] {
  if (mode === 'off') {
    if (!canRememberSite(hostname) || isSiteDisabled(hostname, disabledSites))
      return [...disabledSites];
    return [...disabledSites, sitePatternFor(hostname)];
  }
  const covering = new Set(patternsCovering(hostname, disabledSites));
  return disabledSites.filter((p) => !covering.has(p));
}
