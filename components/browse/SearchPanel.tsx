import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { BrowseSearch } from '@/lib/browse/search';
import type { PositionLookups } from '../PositionItem';
import { focusFirstItem } from './roving';
import { SearchResults } from './SearchResults';

/**
 * One box that searches quotes, summaries, topics, entity names and publishers as you type.
 * No debounce: the index is built once and a keystroke costs well under a frame.
 */
export function SearchPanel({
  search,
  query,
  onQuery,
  lookups,
  autoFocus,
}: {
  search: BrowseSearch;
  query: string;
  onQuery: (query: string) => void;
  lookups: PositionLookups;
  autoFocus?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const results = useMemo(() => search.search(query), [search, query]);
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);
  const status = !results.folded
    ? 'Type to search every position.'
    : results.total === 0
      ? `No positions match “${query.trim()}”.`
      : `${results.total} ${results.total === 1 ? 'position matches' : 'positions match'}.`;
  return (
    <div class="fc-search">
      <label class="fc-field fc-search-field" for="fc-search-input">
        <span class="fc-field-label">Search positions</span>
        <input
          id="fc-search-input"
          ref={input}
          type="search"
          value={query}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="fc-search-hint"
          onInput={(e) => onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && focusFirstItem(list.current, '.fc-position'))
              e.preventDefault();
          }}
        />
      </label>
      <p id="fc-search-hint" class="fc-hint">
        Quotes, summaries, topics, names and publishers. Every word must match; put a phrase in
        "double quotes".
      </p>
      <p class="fc-status" role="status">
        {status}
      </p>
      <SearchResults
        results={results}
        query={query}
        lookups={lookups}
        listRef={list}
        onBeforeFirst={() => input.current?.focus()}
      />
    </div>
  );
}
