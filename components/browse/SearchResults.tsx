import { useRef, useState } from 'preact/hooks';
import { visibleResults, type SearchResults as Results } from '@/lib/browse/search';
import { HighlightedText } from '../HighlightedText';
import { PositionItem, type PositionLookups } from '../PositionItem';
import { useRovingFocus } from './roving';

/**
 * Search results grouped by entity, matches highlighted as text. Each group shows its first
 * results and a button for the rest. Arrow keys move between results; up from the first goes
 * back to the search box.
 */
export function SearchResults({
  results,
  query,
  lookups,
  listRef,
  onBeforeFirst,
}: {
  results: Results;
  query: string;
  lookups: PositionLookups;
  listRef?: { current: HTMLDivElement | null };
  onBeforeFirst?: () => void;
}) {
  const own = useRef<HTMLDivElement>(null);
  const ref = listRef ?? own;
  // Expanded groups belong to one query: typing on collapses them again.
  const [expanded, setExpanded] = useState<{ folded: string; ids: ReadonlySet<string> }>({
    folded: '',
    ids: new Set(),
  });
  const open = expanded.folded === results.folded ? expanded.ids : new Set<string>();
  const onKeyDown = useRovingFocus(ref, '.fc-position', { onBeforeFirst });
  return (
    <div class="fc-results" ref={ref} onKeyDown={onKeyDown}>
      {results.groups.map((group) => {
        const shown = visibleResults(group, open.has(group.entity.id));
        const id = `results-${group.entity.id}`;
        return (
          <section
            key={group.entity.id}
            class="fc-result-group"
            aria-labelledby={id}
            data-entity-id={group.entity.id}
          >
            <h3 id={id} class="fc-topic-heading">
              <HighlightedText text={group.entity.displayName} query={query} />{' '}
              <span class="fc-count">({group.total})</span>
            </h3>
            <ul class="fc-list">
              {shown.map((p) => (
                <PositionItem key={p.id} position={p} lookups={lookups} query={query} />
              ))}
            </ul>
            {shown.length < group.total ? (
              <button
                type="button"
                class="fc-button fc-button-quiet"
                onClick={() =>
                  setExpanded({ folded: results.folded, ids: new Set([...open, group.entity.id]) })
                }
              >
                Show all {group.total} from {group.entity.displayName}
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
