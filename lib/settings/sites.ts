/**
 * Site patterns: which sites the extension is off on, and turning what a reader types (a host, a
 * URL, `*.example.com`) into a pattern. `example.com` covers example.com and www.example.com;
 * `*.example.com` covers example.com and every subdomain. A host in `siteExceptions` is on
 * whatever pattern covers it.
 *
 * `isSiteOff` and `isSiteDisabled` run in the content script: keep them small.
 */
import { SiteHostSchema, SitePatternSchema, type Settings } from './schema';

/** The form a host name takes in patterns and exceptions: lower case, without `www.`. */
export function sitePatternFor(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether a host name is covered by one of the disabled-site patterns. */
export function isSiteDisabled(hostname: string, patterns: readonly string[]): boolean {
  const host = sitePatternFor(hostname);
  return patterns.some((pattern) =>
    pattern.startsWith('*.')
      ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
      : host === sitePatternFor(pattern),
  );
}

/** Whether the extension is off on a host: a pattern covers it and no exception names it. */
export function isSiteOff(
  hostname: string,
  settings: Pick<Settings, 'disabledSites' | 'siteExceptions'>,
): boolean {
  return (
    !settings.siteExceptions.includes(sitePatternFor(hostname)) &&
    isSiteDisabled(hostname, settings.disabledSites)
  );
}

/** The patterns that cover a host (its own, or a `*.` pattern of a parent domain). */
export function patternsCovering(hostname: string, patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => isSiteDisabled(hostname, [pattern]));
}

/** Whether a host can be stored as a pattern or an exception (it has a name a pattern can hold). */
export function canRememberSite(hostname: string): boolean {
  return SiteHostSchema.safeParse(sitePatternFor(hostname)).success;
}

/** What a pattern covers, in words. */
export function describeSitePattern(pattern: string): string {
  return pattern.startsWith('*.') ? `${pattern.slice(2)} and all its subdomains` : pattern;
}

/** A normalized pattern, or why the input is not one. */
export type SiteInput = { ok: true; pattern: string } | { ok: false; error: string };

/** The host name of `text` read as a host (with optional port and path) or as a URL; undefined if neither. */
function hostOf(text: string): string | undefined {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  try {
    const url = new URL(hasScheme ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Normalizes a typed site: lower case, `www.` dropped, a URL reduced to its host, an
 * international name in its ASCII (punycode) form. `*.example.com` covers example.com and every
 * subdomain; a wildcard over a whole top-level domain (`*.com`) is refused.
 */
export function normalizeSiteInput(input: string): SiteInput {
  const text = input.trim().toLowerCase();
  if (text === '')
    return { ok: false, error: 'Type a site, for example example.com or *.example.com.' };
  if (
    /^[a-z][a-z0-9+.-]*:/.test(text) &&
    !/^https?:\/\//.test(text) &&
    !/^[a-z0-9.-]+:\d+/.test(text)
  ) {
    return { ok: false, error: 'Only web sites (http or https addresses) can be listed.' };
  }
  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  if (rest.includes('*'))
    return { ok: false, error: 'A wildcard can only open the pattern, as in *.example.com.' };
  if (wildcard && /^[a-z][a-z0-9+.-]*:\/\//.test(rest))
    return {
      ok: false,
      error: 'Write a wildcard pattern without an address scheme, as in *.example.com.',
    };
  const host = hostOf(rest);
  if (!host) return { ok: false, error: `“${input.trim()}” is not a site address.` };
  const pattern = wildcard ? `*.${host}` : sitePatternFor(host);
  if (!SitePatternSchema.safeParse(pattern).success) {
    return {
      ok: false,
      error: `“${input.trim()}” is not a host name this list can hold (letters, digits, hyphens and dots).`,
    };
  }
  if (wildcard && !host.includes('.') && host !== 'localhost') {
    return {
      ok: false,
      error: `*.${host} would cover every site under .${host}; name a site instead.`,
    };
  }
  return { ok: true, pattern };
}
