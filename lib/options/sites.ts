/**
 * The options page's site list: turning what a reader types (a host, a URL, `*.example.com`)
 * into the patterns `isSiteDisabled` understands, with a reason when it cannot.
 */
import { SitePatternSchema, sitePatternFor } from '../settings';

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

/** Adds a pattern once; returns the list unchanged (same array) when it is already there. */
export function addSitePattern(list: readonly string[], pattern: string): readonly string[] {
  return list.includes(pattern) ? list : [...list, pattern];
}

/** Removes a pattern. */
export function removeSitePattern(list: readonly string[], pattern: string): string[] {
  return list.filter((p) => p !== pattern);
}

/** What a pattern covers, in words. */
export function describeSitePattern(pattern: string): string {
  return pattern.startsWith('*.') ? `${pattern.slice(2)} and all its subdomains` : pattern;
}
