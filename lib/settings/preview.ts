/**
 * What importing a file would change, field by field, for the preview the options page shows
 * before anything is stored. Pure.
 */
import { applySettingsOp } from './ops';
import { sanitizeSettings, type BehaviourName, type Settings } from './schema';

/** Entries a list gains and loses. */
export interface ListChange {
  added: string[];
  removed: string[];
}

/** One value that changes. */
export type ValueChange = {
  [K in BehaviourName]: { field: K; from: Settings[K]; to: Settings[K] };
}[BehaviourName];

/** The difference between two settings values, grouped the way the options page is. */
export interface SettingsDiff {
  /** Source ids switched off (`added` to the disabled list) and back on (`removed`). */
  sources: ListChange;
  entities: ListChange;
  sites: ListChange;
  siteExceptions: ListChange;
  behaviour: ValueChange[];
  /** True when nothing would change. */
  none: boolean;
}

function listChange(from: readonly string[], to: readonly string[]): ListChange {
  return {
    added: to.filter((x) => !from.includes(x)),
    removed: from.filter((x) => !to.includes(x)),
  };
}

const BEHAVIOUR: readonly BehaviourName[] = [
  'trigger',
  'modifierKey',
  'dwellMs',
  'highlightStyle',
  'theme',
  'toolbarBadge',
];

/** Compares two settings values. */
export function diffSettings(from: Settings, to: Settings): SettingsDiff {
  const diff: SettingsDiff = {
    sources: listChange(from.disabledSources, to.disabledSources),
    entities: listChange(from.disabledEntities, to.disabledEntities),
    sites: listChange(from.disabledSites, to.disabledSites),
    siteExceptions: listChange(from.siteExceptions, to.siteExceptions),
    behaviour: BEHAVIOUR.filter((field) => from[field] !== to[field]).map(
      (field) => ({ field, from: from[field], to: to[field] }) as ValueChange,
    ),
    none: false,
  };
  const lists = [diff.sources, diff.entities, diff.sites, diff.siteExceptions];
  diff.none =
    diff.behaviour.length === 0 && lists.every((l) => l.added.length + l.removed.length === 0);
  return diff;
}

/** What importing `incoming` (the fields a file holds) would do to `current`. */
export function previewImport(current: Settings, incoming: Partial<Settings>): SettingsDiff {
  const after = sanitizeSettings(applySettingsOp(current, { type: 'replace', settings: incoming }));
  return diffSettings(current, after.settings);
}
