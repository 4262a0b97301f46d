/**
 * The popup's three-state site switch, as pure functions over the settings' site patterns and
 * exceptions and the tab's "hidden once" flag:
 * - `on`: the extension runs on this site;
 * - `off`: off for this site, remembered (a pattern in `disabledSites`, listed in the options);
 * - `hidden`: hidden in this tab until it reloads (the content script's `setHiddenOnce`).
 *
 * A broader pattern (`*.example.com` on news.example.com) is never removed from here: "on"
 * keeps it and adds the host as an exception (the `setSiteOn` operation).
 */
import { isSiteOff, patternsCovering, sitePatternFor, type Settings } from '../settings';

export type SiteMode = 'on' | 'off' | 'hidden';

type SiteSettings = Pick<Settings, 'disabledSites' | 'siteExceptions'>;

/** The switch position for a page. "Off for this site" wins over "hidden once". */
export function siteModeOf(
  hostname: string,
  settings: SiteSettings,
  hiddenOnce: boolean,
): SiteMode {
  if (hostname && isSiteOff(hostname, settings)) return 'off';
  return hiddenOnce ? 'hidden' : 'on';
}

/** How the settings decide a site, for the switch to explain itself. */
export interface SiteRule {
  /** Patterns broader than the host's own that cover it (`*.example.com`), which the switch never removes. */
  broader: string[];
  /** Whether the host is on by an exception to those patterns. */
  exception: boolean;
}

/** The patterns broader than the host's own that cover it, and whether an exception overrides them. */
export function siteRuleOf(hostname: string, settings: SiteSettings): SiteRule {
  const own = sitePatternFor(hostname);
  const broader = hostname
    ? patternsCovering(hostname, settings.disabledSites).filter((p) => p !== own)
    : [];
  return { broader, exception: broader.length > 0 && settings.siteExceptions.includes(own) };
}
