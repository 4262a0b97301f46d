/**
 * Search as you type over the browse view's positions: the dataset's substring index
 * (`buildSearchIndex`: quotes, summaries, topics, entity names, publishers) with the query rules
 * of `queryTerms` (every word, or one "quoted phrase"), built once per model, results grouped by
 * entity and capped so a one-letter query never renders thousands. The model's positions are
 * already filtered, so words whose printing sources are all switched off are not searched.
 *
 * Per keystroke it does one `includes` pass and nothing else: the index is kept in salience
 * order, so hits come out sorted, and a query that extends the previous one scans only the
 * previous hits.
 */
import {
  bySalience,
  buildSearchIndex,
  foldForSearch,
  queryTerms,
  type SearchIndex,
} from '../dataset/query';
import type { Entity, Position } from '../dataset/schema';
import type { BrowseModel } from './model';

/** How many results of one entity are rendered before "Show all". @default 10 */
export const RESULTS_PER_ENTITY = 10;

/** One entity's results, most salient first. */
export interface SearchGroup {
  entity: Entity;
  positions: Position[];
  total: number;
}

export interface SearchResults {
  /** The query as folded for matching ('' for an empty query). */
  folded: string;
  total: number;
  groups: SearchGroup[];
}

type Entry = SearchIndex['entries'][number];

/**
 * A search over one model. The index is built when idle after the page is shown (`warm`), or
 * on the first query, then reused for every keystroke.
 */
export class BrowseSearch {
  private entries: Entry[] | undefined;
  private last: { folded: string; hits: Entry[] } | undefined;

  constructor(
    private readonly model: Pick<BrowseModel, 'entities' | 'topics' | 'sources' | 'positions'>,
  ) {}

  private all(): Entry[] {
    // Sources: the model keeps only enabled ones, so a disabled publisher's name finds nothing.
    this.entries ??= buildSearchIndex({
      entities: this.model.entities,
      sources: this.model.sources,
      topics: this.model.topics,
      positions: [...this.model.positions].sort(bySalience),
    }).entries;
    return this.entries;
  }

  /** Builds the index now, so the first keystroke costs no more than the next ones. */
  warm(): void {
    this.all();
  }

  /** Positions matching `query`, grouped by entity (in model order), most salient first. */
  search(query: string): SearchResults {
    const folded = foldForSearch(query).trim();
    if (!folded) {
      this.last = undefined;
      return { folded, total: 0, groups: [] };
    }
    // Typing on only narrows: every word of the old query is a prefix of a word of the new one.
    const previous = this.last;
    const narrow =
      previous &&
      !folded.includes('"') &&
      !previous.folded.includes('"') &&
      folded.startsWith(previous.folded);
    const base = narrow ? previous.hits : this.all();
    const terms = queryTerms(folded);
    const hits: Entry[] = [];
    const byEntity = new Map<string, Position[]>(this.model.entities.map((e) => [e.id, []]));
    for (const entry of base) {
      const { haystack } = entry;
      let ok = true;
      for (const term of terms) {
        if (!haystack.includes(term)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      hits.push(entry);
      byEntity.get(entry.position.entityId)?.push(entry.position);
    }
    this.last = { folded, hits };
    const groups: SearchGroup[] = [];
    for (const entity of this.model.entities) {
      const positions = byEntity.get(entity.id) ?? [];
      if (positions.length > 0) groups.push({ entity, positions, total: positions.length });
    }
    return { folded, total: groups.reduce((n, g) => n + g.total, 0), groups };
  }
}

/** The positions of a group to render: all when expanded, else the first `limit`. */
export function visibleResults(
  group: SearchGroup,
  expanded: boolean,
  limit = RESULTS_PER_ENTITY,
): Position[] {
  return expanded ? group.positions : group.positions.slice(0, limit);
}
