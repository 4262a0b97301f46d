/**
 * Every change to the settings is one of these small operations, applied by the writer to the
 * value stored at that moment (see ./writer). An operation says what the reader did ("switch this
 * source off"), never "store this whole object", so two pages changing different things at once
 * both keep their change. Pure: settings in, settings out.
 */
import { isSiteDisabled, isSiteOff, sitePatternFor, canRememberSite } from './sites';
import {
  defaultSettings,
  SettingsListEntries,
  type BehaviourName,
  type Settings,
  type SettingName,
} from './schema';

type BehaviourOp = {
  [K in BehaviourName]: { type: 'setBehaviour'; field: K; value: Settings[K] };
}[BehaviourName];

/** A change to the settings. */
export type SettingsOp =
  /** Switch the extension off on a pattern's sites (an exact pattern also drops its exception). */
  | { type: 'addSite'; pattern: string }
  /** Forget a pattern, and the exceptions no remaining pattern needs. */
  | { type: 'removeSite'; pattern: string }
  /** Keep the extension on for a host that a pattern covers. */
  | { type: 'addSiteException'; host: string }
  | { type: 'removeSiteException'; host: string }
  /**
   * The popup's switch for the site of a tab. On: drop the host's own pattern, and if a broader
   * pattern still covers it, add an exception (the pattern stays). Off: drop the exception, and
   * add the host's own pattern unless a pattern already covers it.
   */
  | { type: 'setSiteOn'; host: string; on: boolean }
  | { type: 'setSource'; id: string; on: boolean }
  /** Switch several sources at once ("All on", "All off"); other ids in the list are kept. */
  | { type: 'setSources'; ids: readonly string[]; on: boolean }
  | { type: 'setEntity'; id: string; on: boolean }
  | BehaviourOp
  /** Replace the fields given (all of them for a complete file); the others stay. */
  | { type: 'replace'; settings: Partial<Settings> }
  /**
   * Undo a replace: `before` and `after` are the settings on either side of it. Only what the
   * replace changed is reverted, and only where it was not changed again since: list entries it
   * added are removed and entries it removed come back; a value returns if it is still the one
   * the replace set.
   */
  | { type: 'revert'; before: Settings; after: Settings }
  | { type: 'reset' }
  /** Store the current value as read (validated), dropping what was invalid. */
  | { type: 'repair' };

const LISTS = Object.keys(SettingsListEntries) as (keyof typeof SettingsListEntries)[];
const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);
const withItem = (list: readonly string[], item: string) =>
  list.includes(item) ? [...list] : [...list, item];
const toggled = (list: readonly string[], id: string, on: boolean) =>
  on ? without(list, id) : withItem(list, id);

/** Exceptions that some pattern still covers (the others do nothing). */
function neededExceptions(settings: Settings): string[] {
  return settings.siteExceptions.filter((host) => isSiteDisabled(host, settings.disabledSites));
}

function setSiteOn(s: Settings, hostname: string, on: boolean): Settings {
  if (!canRememberSite(hostname)) return s;
  const host = sitePatternFor(hostname);
  if (!on) {
    const next = { ...s, siteExceptions: without(s.siteExceptions, host) };
    return isSiteOff(host, next)
      ? next
      : { ...next, disabledSites: withItem(next.disabledSites, host) };
  }
  const next = { ...s, disabledSites: without(s.disabledSites, host) };
  return isSiteDisabled(host, next.disabledSites)
    ? { ...next, siteExceptions: withItem(next.siteExceptions, host) }
    : { ...next, siteExceptions: without(next.siteExceptions, host) };
}

function revert(current: Settings, before: Settings, after: Settings): Settings {
  const next = { ...current } as Record<SettingName, unknown>;
  for (const name of Object.keys(before) as SettingName[]) {
    if (LISTS.includes(name as (typeof LISTS)[number])) {
      const field = name as (typeof LISTS)[number];
      const added = after[field].filter((x) => !before[field].includes(x));
      const removed = before[field].filter((x) => !after[field].includes(x));
      next[field] = [
        ...current[field].filter((x) => !added.includes(x)),
        ...removed.filter((x) => !current[field].includes(x)),
      ];
    } else if (current[name] === after[name]) {
      next[name] = before[name];
    }
  }
  return next as Settings;
}

/** Applies one operation to `current`. The result is validated again by the writer. */
export function applySettingsOp(current: Settings, op: SettingsOp): Settings {
  const s = current;
  switch (op.type) {
    case 'addSite': {
      const exact = !op.pattern.startsWith('*.');
      return {
        ...s,
        disabledSites: withItem(s.disabledSites, op.pattern),
        siteExceptions: exact ? without(s.siteExceptions, op.pattern) : s.siteExceptions,
      };
    }
    case 'removeSite': {
      const next = { ...s, disabledSites: without(s.disabledSites, op.pattern) };
      return { ...next, siteExceptions: neededExceptions(next) };
    }
    case 'addSiteException':
      return { ...s, siteExceptions: withItem(s.siteExceptions, sitePatternFor(op.host)) };
    case 'removeSiteException':
      return { ...s, siteExceptions: without(s.siteExceptions, op.host) };
    case 'setSiteOn':
      return setSiteOn(s, op.host, op.on);
    case 'setSource':
      return { ...s, disabledSources: toggled(s.disabledSources, op.id, op.on) };
    case 'setSources': {
      const rest = s.disabledSources.filter((id) => !op.ids.includes(id));
      return { ...s, disabledSources: op.on ? rest : [...rest, ...op.ids] };
    }
    case 'setEntity':
      return { ...s, disabledEntities: toggled(s.disabledEntities, op.id, op.on) };
    case 'setBehaviour':
      return { ...s, [op.field]: op.value };
    case 'replace':
      return { ...s, ...op.settings };
    case 'revert':
      return revert(s, op.before, op.after);
    case 'reset':
      return defaultSettings();
    case 'repair':
      return s;
  }
}
