/**
 * Pure numbers and words for the options page: what each source backs, what the reader's
 * switches leave visible, and human names for settings fields.
 */
import { countPositionsPerSource, filterPositions } from '../dataset/query';
import type { Position } from '../dataset/schema';
import type { SettingName, Settings, SettingsProblem } from '../settings';

/** How many positions a source backs, and how many of those no other source backs. */
export interface SourceStats {
  total: number;
  /** Positions that disappear when this source alone is switched off. */
  only: number;
}

/** Per-source position counts (before filtering). */
export function sourceStats(positions: readonly Position[]): Record<string, SourceStats> {
  const totals = countPositionsPerSource(positions);
  const stats: Record<string, SourceStats> = {};
  for (const [id, total] of Object.entries(totals)) stats[id] = { total, only: 0 };
  for (const p of positions) {
    const [first] = p.sourceIds;
    if (p.sourceIds.length === 1 && first !== undefined) {
      const entry = (stats[first] ??= { total: 0, only: 0 });
      entry.only++;
    }
  }
  return stats;
}

/** Each entity's own positions (before filtering). */
export function entityPositionCounts(positions: readonly Position[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of positions) counts[p.entityId] = (counts[p.entityId] ?? 0) + 1;
  return counts;
}

/** How many positions the reader's switches leave visible (sources and entities). */
export function visiblePositionCount(
  positions: readonly Position[],
  settings: Pick<Settings, 'disabledSources' | 'disabledEntities'>,
): number {
  const offEntities = new Set(settings.disabledEntities);
  return filterPositions(positions, settings).filter((p) => !offEntities.has(p.entityId)).length;
}

/** The options page's name for each settings field. */
export const SETTING_LABELS: Readonly<Record<SettingName, string>> = {
  disabledSources: 'Sources',
  disabledEntities: 'People and companies',
  disabledSites: 'Sites',
  siteExceptions: 'Site exceptions',
  trigger: 'What opens a card',
  modifierKey: 'Key to hold',
  dwellMs: 'Delay before a card opens',
  highlightStyle: 'How names are marked',
  theme: 'Theme',
  toolbarBadge: 'Toolbar badge',
};

/** Why an entry of a list setting is left out when it is invalid. */
export const ENTRY_REASONS: Readonly<
  Record<'disabledSources' | 'disabledEntities' | 'disabledSites' | 'siteExceptions', string>
> = {
  disabledSources: 'not a source id',
  disabledEntities: 'not an entity id',
  disabledSites: 'not a site pattern such as example.com or *.example.com',
  siteExceptions: 'not a host name such as news.example.com',
};

/** A stored value as the reader may see it, shortened. */
export function shownValue(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One sentence per problem of the stored settings: which field or entry, and what happened to it. */
export function describeProblem(problem: SettingsProblem): string {
  const label = SETTING_LABELS[problem.field];
  if ('entry' in problem && problem.field in ENTRY_REASONS) {
    const reason = ENTRY_REASONS[problem.field as keyof typeof ENTRY_REASONS];
    return `${label}: ${shownValue(problem.entry)} was left out (${reason}).`;
  }
  return `${label}: the stored value was invalid, so it is at its default.`;
}

/** Words for the values of the single-value settings, as the Behaviour section names them. */
export function describeSettingValue(field: SettingName, value: unknown): string {
  const words: Partial<Record<SettingName, Record<string, string>>> = {
    trigger: {
      hover: 'Rest the pointer on a name',
      click: 'Click a name',
      modifier: 'Rest the pointer on a name while holding a key',
    },
    highlightStyle: {
      underline: 'Dotted underline',
      background: 'Tinted background',
      none: 'Not marked',
    },
    theme: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
  };
  if (field === 'dwellMs') return `${String(value)} ms`;
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  return words[field]?.[String(value)] ?? String(value);
}

/** "1 position" / "3 positions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A verified address as a short, readable link text: host and path, without `https://` or `www.`. */
export function shortUrl(url: string, max = 64): string {
  let text = url;
  try {
    const parsed = new URL(url);
    text = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    // Not a URL: show it as it is.
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
