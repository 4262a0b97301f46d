import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import {
  applyFilters,
  facetsOf,
  groupByTopic,
  type BrowseModel,
  type PositionFilters,
} from '@/lib/browse/model';
import type { Entity } from '@/lib/dataset/schema';
import { Filters } from './Filters';
import { useRovingFocus } from './roving';
import { TopicGroups } from './TopicGroups';

/**
 * One entity: its positions grouped by topic, then what others said about it, both filtered
 * by source, topic and kind. Arrow keys move between positions.
 */
export function EntityDetail({
  entity,
  model,
  filters,
  onFilters,
  onBack,
  autoFocus,
}: {
  entity: Entity;
  model: BrowseModel;
  filters: PositionFilters;
  onFilters: (next: PositionFilters) => void;
  /** Shown in the popup, where the list and the detail take turns. */
  onBack?: () => void;
  /** Focus the heading on mount (the reader just chose this entity). */
  autoFocus?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = useRovingFocus(list, '.fc-position');
  useLayoutEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [entity.id]);

  const own = model.own.get(entity.id) ?? [];
  const about = model.about.get(entity.id) ?? [];
  const facets = useMemo(() => facetsOf([...own, ...about], model), [own, about, model]);
  const ownGroups = useMemo(
    () => groupByTopic(applyFilters(own, filters), model.topics),
    [own, filters, model.topics],
  );
  const aboutGroups = useMemo(
    () => groupByTopic(applyFilters(about, filters), model.topics),
    [about, filters, model.topics],
  );
  const headingId = `entity-${entity.id}`;
  const nothing = ownGroups.length === 0 && aboutGroups.length === 0;

  return (
    <section class="fc-entity-detail" aria-labelledby={headingId} data-entity-id={entity.id}>
      {onBack ? (
        <button type="button" class="fc-button fc-button-quiet fc-back" onClick={onBack}>
          <span aria-hidden="true">← </span>All entities
        </button>
      ) : null}
      <h2 id={headingId} class="fc-entity-title" tabIndex={-1} ref={heading}>
        {entity.displayName}
      </h2>
      <p class="fc-entity-description">{entity.description}</p>
      <p class="fc-entity-totals" data-own={own.length} data-about={about.length}>
        {own.length} {own.length === 1 ? 'position' : 'positions'} · {about.length} said about{' '}
        {entity.displayName}
      </p>
      <Filters
        idPrefix={`filters-${entity.id}`}
        facets={facets}
        value={filters}
        onChange={onFilters}
        labels={{
          source: (id) => model.lookups.sources.get(id)?.publisher ?? id,
          topic: (id) => model.lookups.topics.get(id)?.label ?? id,
        }}
      />
      <div class="fc-positions" ref={list} onKeyDown={onKeyDown}>
        {nothing ? (
          <p class="fc-empty">
            {own.length + about.length === 0
              ? `No enabled source covers ${entity.displayName}. Sources can be switched on in the options.`
              : 'No positions match these filters.'}
          </p>
        ) : null}
        <TopicGroups groups={ownGroups} lookups={model.lookups} idPrefix={`own-${entity.id}`} />
        {aboutGroups.length > 0 ? (
          <section class="fc-said-about" aria-labelledby={`about-${entity.id}`}>
            <h3 id={`about-${entity.id}`} class="fc-section-title">
              Said about {entity.displayName}
            </h3>
            <TopicGroups
              groups={aboutGroups}
              lookups={model.lookups}
              idPrefix={`about-${entity.id}`}
              level={4}
              showSpeaker
            />
          </section>
        ) : null}
      </div>
    </section>
  );
}
