/**
 * The browse view's model: the dataset as the reader's settings let it be seen (enabled
 * sources and entities only), with the lookups positions render with, grouped for Browse.
 * Pure: the popup and the full view build it from what `DatasetService.dataset()` returned.
 */
import { bySalience, filterPositions, type Filter } from '../dataset/query';
import type { Dataset, Entity, Position, PositionKind, Source, Topic } from '../dataset/schema';

/** The same shape as the card's lookups (`components/PositionItem`), built once per model. */
export interface Lookups {
  sources: ReadonlyMap<string, Source>;
  topics: ReadonlyMap<string, Topic>;
  names: Readonly<Record<string, string>>;
  positions: ReadonlyMap<string, Position>;
}

export interface BrowseModel {
  /** Enabled entities: people first, then by name (IndexedDB returns rows by key, not file order). */
  entities: Entity[];
  /** How many entities the reader switched off (they are left out everywhere). */
  hiddenEntities: number;
  /** All topics, by label. */
  topics: Topic[];
  /** Sources with at least one enabled position, by publisher. */
  sources: Source[];
  /** Positions from enabled sources by enabled entities, each trimmed to its enabled sources. */
  positions: Position[];
  lookups: Lookups;
  /** Each enabled entity's own positions, most salient first. */
  own: ReadonlyMap<string, Position[]>;
  /** Others' positions about each enabled entity, most salient first. */
  about: ReadonlyMap<string, Position[]>;
  /** Where the data came from (`bundle` only while the cache is rebuilt). */
  from: 'cache' | 'bundle';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** People before organizations, then by display name: a stable, neutral order. */
export function byEntity(a: Entity, b: Entity): number {
  return (
    (a.kind === b.kind ? 0 : a.kind === 'person' ? -1 : 1) ||
    collator.compare(a.displayName, b.displayName) ||
    a.id.localeCompare(b.id)
  );
}

/** Topics by label. */
export function byLabel(a: Topic, b: Topic): number {
  return collator.compare(a.label, b.label) || a.id.localeCompare(b.id);
}

/** Builds the view model from a dataset and the reader's filter (settings). */
export function buildBrowseModel(
  dataset: Dataset,
  filter: Filter,
  from: BrowseModel['from'] = 'cache',
): BrowseModel {
  const off = new Set(filter.disabledEntities ?? []);
  const entities = dataset.entities.filter((e) => !off.has(e.id)).sort(byEntity);
  const enabled = new Set(entities.map((e) => e.id));
  const positions = filterPositions(
    dataset.positions.filter((p) => enabled.has(p.entityId)),
    filter,
    dataset.sources,
  );
  const own = new Map<string, Position[]>(entities.map((e) => [e.id, []]));
  const about = new Map<string, Position[]>(entities.map((e) => [e.id, []]));
  for (const p of positions) {
    own.get(p.entityId)?.push(p);
    for (const target of new Set(p.about ?? []))
      if (target !== p.entityId) about.get(target)?.push(p);
  }
  for (const list of [...own.values(), ...about.values()]) list.sort(bySalience);
  const used = new Set(positions.flatMap((p) => p.sourceIds));
  return {
    entities,
    hiddenEntities: dataset.entities.length - entities.length,
    topics: [...dataset.topics].sort(byLabel),
    sources: dataset.sources
      .filter((s) => used.has(s.id))
      .sort((a, b) => collator.compare(a.publisher, b.publisher) || a.id.localeCompare(b.id)),
    positions,
    lookups: {
      sources: new Map(dataset.sources.map((s) => [s.id, s])),
      topics: new Map(dataset.topics.map((t) => [t.id, t])),
      names: Object.fromEntries(dataset.entities.map((e) => [e.id, e.displayName])),
      positions: new Map(positions.map((p) => [p.id, p])),
    },
    own,
    about,
    from,
  };
}

/** Browse's filters: one source, one topic and one kind at most; absent means any. */
export interface PositionFilters {
  source?: string;
  topic?: string;
  kind?: PositionKind;
}

/** Keeps the positions that pass every set filter. */
export function applyFilters(positions: readonly Position[], filters: PositionFilters): Position[] {
  return positions.filter(
    (p) =>
      (!filters.source || p.sourceIds.includes(filters.source)) &&
      (!filters.topic || p.topic === filters.topic) &&
      (!filters.kind || p.kind === filters.kind),
  );
}

/** How many positions each filter value would leave (the options of the filter menus). */
export interface Facets {
  sources: { id: string; label: string; count: number }[];
  topics: { id: string; label: string; count: number }[];
  kinds: { id: PositionKind; count: number }[];
}

/** The filter options present in a set of positions, with counts, in model order. */
export function facetsOf(
  positions: readonly Position[],
  model: Pick<BrowseModel, 'sources' | 'topics'>,
): Facets {
  const sources = new Map<string, number>();
  const topics = new Map<string, number>();
  const kinds = new Map<PositionKind, number>();
  for (const p of positions) {
    for (const s of p.sourceIds) sources.set(s, (sources.get(s) ?? 0) + 1);
    topics.set(p.topic, (topics.get(p.topic) ?? 0) + 1);
    kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  }
  return {
    sources: model.sources
      .filter((s) => sources.has(s.id))
      .map((s) => ({ id: s.id, label: s.publisher, count: sources.get(s.id) ?? 0 })),
    topics: model.topics
      .filter((t) => topics.has(t.id))
      .map((t) => ({ id: t.id, label: t.label, count: topics.get(t.id) ?? 0 })),
    kinds: (['quote', 'paraphrase', 'fact'] as const)
      .filter((k) => kinds.has(k))
      .map((k) => ({ id: k, count: kinds.get(k) ?? 0 })),
  };
}

/** Positions under one topic. */
export interface TopicGroup {
  topic: Topic;
  positions: Position[];
}

/**
 * Groups positions by topic: the largest groups first, ties in the order of `topics` (unknown
 * topic ids last, labelled by id); positions most salient first within each group.
 */
export function groupByTopic(
  positions: readonly Position[],
  topics: readonly Topic[],
): TopicGroup[] {
  const buckets = new Map<string, Position[]>();
  for (const p of positions) {
    const list = buckets.get(p.topic);
    if (list) list.push(p);
    else buckets.set(p.topic, [p]);
  }
  const groups: TopicGroup[] = [];
  for (const topic of topics) {
    const list = buckets.get(topic.id);
    if (!list) continue;
    groups.push({ topic, positions: list.sort(bySalience) });
    buckets.delete(topic.id);
  }
  for (const [id, list] of buckets)
    groups.push({ topic: { id, label: id }, positions: list.sort(bySalience) });
  // Array.prototype.sort is stable: equal sizes keep the order of `topics`.
  return groups.sort((a, b) => b.positions.length - a.positions.length);
}
