/**
 * Pure queries over dataset records: the same code answers from IndexedDB rows and from the
 * bundle in memory, so a broken cache changes where data comes from, never what is shown.
 */
import * as z from 'zod/mini';
import {
  EntitySchema,
  PositionSchema,
  SourceSchema,
  TopicSchema,
  type Dataset,
  type Entity,
  type Position,
  type Source,
} from './schema';
import { earliestSource } from './integrity';

/** Who the card is about: the entity without its detection data (aliases, cues). */
export const CardEntitySchema = z.pick(EntitySchema, {
  id: true,
  displayName: true,
  kind: true,
  description: true,
  roles: true,
});

/** Everything a card needs for one entity, already filtered by the reader's settings. */
export const CardDataSchema = z.object({
  entity: CardEntitySchema,
  /** The entity's own positions from enabled sources, most salient first. */
  positions: z.array(PositionSchema),
  /** Others' positions about this entity ("Said about …"). */
  about: z.array(PositionSchema),
  /** Positions the shown ones respond to, are disputed by or are other accounts of, shown inline. */
  related: z.array(PositionSchema),
  sources: z.array(SourceSchema),
  topics: z.array(TopicSchema),
  /** Display names of every entity, for "LeCun on Musk" labels. */
  names: z.record(z.string(), z.string()),
  /** All positions by or about the entity from enabled sources (the footer's "All N positions"). */
  total: z.int(),
});
export type CardData = z.infer<typeof CardDataSchema>;

/** Which sources and entities the reader has switched off. */
export interface Filter {
  disabledSources: readonly string[];
  disabledEntities?: readonly string[];
}

/**
 * Drops positions whose every source is disabled and trims the sources of the rest, so a
 * position backed by several sources stays while one of them is enabled. An excerpt goes with
 * the sources that print it: when every one of them is off, the words are dropped and the
 * position is shown as what the remaining outlets report (a `quote` becomes a `paraphrase`).
 * Given the `sources`, a `reported` date follows the earliest source still on, so it always
 * matches a citation on screen.
 */
export function filterPositions(
  positions: readonly Position[],
  filter: Filter,
  sources: readonly Pick<Source, 'id' | 'date' | 'dateApproximate'>[] = [],
): Position[] {
  const off = new Set(filter.disabledSources);
  if (off.size === 0) return [...positions];
  const out: Position[] = [];
  for (const p of positions) {
    const sourceIds = p.sourceIds.filter((id) => !off.has(id));
    if (sourceIds.length === 0) continue;
    if (sourceIds.length === p.sourceIds.length) {
      out.push(p);
      continue;
    }
    out.push(redate(withoutUnprintedWords(p, sourceIds, off), sources));
  }
  return out;
}

/** The position cited only by `sourceIds`; its excerpt kept only while a source printing it is on. */
function withoutUnprintedWords(
  p: Position,
  sourceIds: string[],
  off: ReadonlySet<string>,
): Position {
  if (p.quote === undefined) return { ...p, sourceIds };
  // A cached row without quoteSourceIds predates them: every source printed its quote.
  const quoteSourceIds = (p.quoteSourceIds ?? p.sourceIds).filter((id) => !off.has(id));
  if (quoteSourceIds.length > 0) return { ...p, sourceIds, quoteSourceIds };
  const { quote: _words, quoteSourceIds: _printers, ...claim } = p;
  return { ...claim, sourceIds, kind: p.kind === 'quote' ? 'paraphrase' : p.kind };
}

/** A `reported` position dated by the earliest of its remaining sources (when they are known). */
function redate(
  p: Position,
  sources: readonly Pick<Source, 'id' | 'date' | 'dateApproximate'>[],
): Position {
  if (p.dateIs !== 'reported') return p;
  const first = earliestSource(sources.filter((s) => p.sourceIds.includes(s.id)));
  if (!first || (first.date === p.date && !!first.dateApproximate === !!p.dateApproximate))
    return p;
  const { dateApproximate: _approximate, ...rest } = p;
  return { ...rest, date: first.date, ...(first.dateApproximate ? { dateApproximate: true } : {}) };
}

/** Most salient first, then newest first; stable by id. */
export function bySalience(a: Position, b: Position): number {
  return a.salience - b.salience || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The records a card is built from; any subset of a dataset that holds them will do. */
export interface CardInputs {
  entity: Entity;
  own: readonly Position[];
  about: readonly Position[];
  lookupPosition: (id: string) => Position | undefined;
  sources: readonly Source[];
  topics: Dataset['topics'];
  names: Record<string, string>;
}

/** Builds one entity's card from its records and the reader's filter. */
export function buildCard(input: CardInputs, filter: Filter): CardData {
  const positions = filterPositions(input.own, filter, input.sources).sort(bySalience);
  const about = filterPositions(
    input.about.filter((p) => p.entityId !== input.entity.id),
    filter,
    input.sources,
  ).sort(bySalience);
  const shown = new Set([...positions, ...about].map((p) => p.id));
  const relatedIds = new Set<string>();
  for (const p of [...positions, ...about]) {
    for (const id of [...(p.respondsTo ?? []), ...(p.disputedBy ?? []), ...(p.otherAccounts ?? [])])
      if (!shown.has(id)) relatedIds.add(id);
  }
  const related = filterPositions(
    [...relatedIds].map((id) => input.lookupPosition(id)).filter((p): p is Position => !!p),
    filter,
    input.sources,
  );
  const used = new Set([...positions, ...about, ...related].flatMap((p) => p.sourceIds));
  const usedTopics = new Set([...positions, ...about, ...related].map((p) => p.topic));
  const { id, displayName, kind, description, roles } = input.entity;
  return {
    entity: { id, displayName, kind, description, roles },
    positions,
    about,
    related,
    // Sorted by id so the cache (key order) and the bundle (file order) give equal answers.
    sources: input.sources.filter((s) => used.has(s.id)).sort(byId),
    topics: input.topics.filter((t) => usedTopics.has(t.id)).sort(byId),
    names: input.names,
    total: positions.length + about.length,
  };
}

/** Card data for entity ids straight from an in-memory dataset (the bundle fallback). */
export function cardsFromDataset(
  ds: Dataset,
  entityIds: readonly string[],
  filter: Filter,
): CardData[] {
  const byId = new Map(ds.positions.map((p) => [p.id, p]));
  const names = Object.fromEntries(ds.entities.map((e) => [e.id, e.displayName]));
  const disabled = new Set(filter.disabledEntities ?? []);
  return entityIds.flatMap((id) => {
    const entity = ds.entities.find((e) => e.id === id);
    if (!entity || disabled.has(id)) return [];
    return [
      buildCard(
        {
          entity,
          own: ds.positions.filter((p) => p.entityId === id),
          about: ds.positions.filter((p) => p.about?.includes(id)),
          lookupPosition: (pid) => byId.get(pid),
          sources: ds.sources,
          topics: ds.topics,
          names,
        },
        filter,
      ),
    ];
  });
}

/** Number of positions each source backs (before filtering). */
export function countPositionsPerSource(positions: readonly Position[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of positions) for (const s of p.sourceIds) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** Lower-cases and strips accents and typographic quotes so "Musk’s" finds "Musk's". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A search index: each position's searchable text, folded once. */
export interface SearchIndex {
  entries: { position: Position; haystack: string }[];
}

/**
 * Indexes quotes, summaries, topics, entity names and publishers. Substring search over
 * pre-folded text: phrases from quotes must match exactly as typed, which token-based
 * full-text libraries do not promise, and 10,000 positions scan well inside one frame.
 */
export function buildSearchIndex(
  ds: Pick<Dataset, 'entities' | 'sources' | 'topics' | 'positions'>,
): SearchIndex {
  const names = new Map(ds.entities.map((e) => [e.id, e.displayName]));
  const publishers = new Map(ds.sources.map((s) => [s.id, s.publisher]));
  const topics = new Map(ds.topics.map((t) => [t.id, t.label]));
  return {
    entries: ds.positions.map((position) => ({
      position,
      haystack: foldForSearch(
        [
          position.summary,
          position.quote ?? '',
          topics.get(position.topic) ?? position.topic,
          names.get(position.entityId) ?? '',
          ...(position.about ?? []).map((id) => names.get(id) ?? ''),
          ...position.sourceIds.map((id) => publishers.get(id) ?? ''),
          position.reportedBy ?? '',
        ].join('\n'),
      ),
    })),
  };
}

/** The words a folded query must all contain, or its one phrase when it is in double quotes. */
export function queryTerms(folded: string): string[] {
  return /^".*"$/.test(folded) ? [folded.slice(1, -1)] : folded.split(' ');
}
