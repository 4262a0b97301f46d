import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { BrowseModel, PositionFilters } from '@/lib/browse/model';
import { BrowseSearch } from '@/lib/browse/search';
import type { BrowseState, BrowseTab } from '@/lib/browse/url-state';
import { ComparePanel } from './CompareTable';
import { EntityDetail } from './EntityDetail';
import { EntityList } from './EntityList';
import { SearchPanel } from './SearchPanel';
import { tabIds, Tabs, type TabDef } from './Tabs';

const VIEWS: readonly TabDef<BrowseTab>[] = [
  { id: 'browse', label: 'Browse' },
  { id: 'search', label: 'Search' },
  { id: 'compare', label: 'Compare' },
];

export interface BrowsePanelProps {
  model: BrowseModel;
  state: BrowseState;
  onChange: (change: Partial<BrowseState>) => void;
  /** `popup`: list and detail take turns, compare stacks; `full`: side by side, compare is a table. */
  layout: 'popup' | 'full';
}

/**
 * Browse, search and compare, shared by the popup and the full view. Controlled: the state
 * (which the full view keeps in its URL) comes in, changes go out.
 */
export function BrowsePanel({ model, state, onChange, layout }: BrowsePanelProps) {
  const search = useMemo(() => new BrowseSearch(model), [model]);
  // Index for search once the page is shown and idle, so even the first keystroke is cheap.
  useEffect(() => {
    const id = requestIdleCallback(() => search.warm(), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [search]);
  // Where focus goes after the next view change, when the reader caused it from the keyboard or pointer.
  const focusNext = useRef<{ detail?: boolean; entity?: string; search?: boolean }>({});
  const take = () => {
    const value = focusNext.current;
    focusNext.current = {};
    return value;
  };
  const entity = model.entities.find((e) => e.id === state.entity);
  const filters: PositionFilters = { source: state.source, topic: state.topic, kind: state.kind };
  const choose = (id: string) => {
    focusNext.current = { detail: layout === 'popup' };
    onChange({ entity: id, source: undefined, topic: undefined, kind: undefined });
  };
  const counts = (id: string) => model.own.get(id)?.length ?? 0;
  const ids = tabIds('fc', state.view);
  const pending = take();

  let panel;
  if (state.view === 'search') {
    panel = (
      <SearchPanel
        search={search}
        query={state.q}
        onQuery={(q) => onChange({ q })}
        lookups={model.lookups}
        autoFocus={pending.search}
      />
    );
  } else if (state.view === 'compare') {
    panel = (
      <ComparePanel
        model={model}
        topic={state.topic}
        disputedOnly={!!state.disputed}
        layout={layout}
        onChange={onChange}
      />
    );
  } else {
    const detail = entity ? (
      <EntityDetail
        key={entity.id}
        entity={entity}
        model={model}
        filters={filters}
        onFilters={(f) => onChange({ source: f.source, topic: f.topic, kind: f.kind })}
        onBack={
          layout === 'popup'
            ? () => {
                focusNext.current = { entity: entity.id };
                onChange({
                  entity: undefined,
                  source: undefined,
                  topic: undefined,
                  kind: undefined,
                });
              }
            : undefined
        }
        autoFocus={pending.detail}
      />
    ) : null;
    const list = (
      <EntityList
        entities={model.entities}
        counts={counts}
        selected={entity?.id}
        focusId={pending.entity}
        onChoose={choose}
      />
    );
    panel =
      layout === 'popup' ? (
        (detail ?? list)
      ) : (
        <div class="fc-browse-split">
          <nav aria-label="Entities">{list}</nav>
          <div class="fc-browse-main">
            {detail ?? (
              <p class="fc-hint">Choose an entity to see its positions, grouped by topic.</p>
            )}
          </div>
        </div>
      );
  }

  return (
    <div class="fc-browse">
      <Tabs
        prefix="fc"
        label="Explore positions"
        tabs={VIEWS}
        selected={state.view}
        onSelect={(view, via) => {
          if (view === state.view) return;
          focusNext.current = { search: view === 'search' && via === 'pointer' };
          onChange({ view });
        }}
      />
      <div class="fc-panel" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab}>
        {state.view !== 'browse' ? (
          <h2 class="fc-sr">{state.view === 'search' ? 'Search positions' : 'Compare by topic'}</h2>
        ) : null}
        {panel}
      </div>
      {model.hiddenEntities > 0 ? (
        <p class="fc-hint">
          {model.hiddenEntities === 1 ? 'One entity is' : `${model.hiddenEntities} entities are`}{' '}
          switched off in the options.
        </p>
      ) : null}
    </div>
  );
}
