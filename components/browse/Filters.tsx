import type { Facets, PositionFilters } from '@/lib/browse/model';
import { KIND_LABEL } from '../format';

/**
 * Browse's filters: one native select each for source, topic and kind (labelled, keyboard
 * ready), listing only values present, with counts. A value set from the URL but absent here
 * stays selectable, shown with no positions.
 */
export function Filters({
  facets,
  value,
  labels,
  onChange,
  idPrefix,
}: {
  facets: Facets;
  value: PositionFilters;
  /** Labels for values that may be missing from the facets (from the URL). */
  labels: { source: (id: string) => string; topic: (id: string) => string };
  onChange: (next: PositionFilters) => void;
  idPrefix: string;
}) {
  const sources = [...facets.sources];
  if (value.source && !sources.some((s) => s.id === value.source))
    sources.push({ id: value.source, label: labels.source(value.source), count: 0 });
  const topics = [...facets.topics];
  if (value.topic && !topics.some((t) => t.id === value.topic))
    topics.push({ id: value.topic, label: labels.topic(value.topic), count: 0 });
  const kinds = [...facets.kinds];
  if (value.kind && !kinds.some((k) => k.id === value.kind))
    kinds.push({ id: value.kind, count: 0 });
  const any = !!(value.source || value.topic || value.kind);
  return (
    <div class="fc-filters" role="group" aria-label="Filter positions">
      <label class="fc-field" for={`${idPrefix}-source`}>
        <span class="fc-field-label">Source</span>
        <select
          id={`${idPrefix}-source`}
          value={value.source ?? ''}
          onChange={(e) => onChange({ ...value, source: e.currentTarget.value || undefined })}
        >
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <label class="fc-field" for={`${idPrefix}-topic`}>
        <span class="fc-field-label">Topic</span>
        <select
          id={`${idPrefix}-topic`}
          value={value.topic ?? ''}
          onChange={(e) => onChange({ ...value, topic: e.currentTarget.value || undefined })}
        >
          <option value="">All topics</option>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <label class="fc-field" for={`${idPrefix}-kind`}>
        <span class="fc-field-label">Kind</span>
        <select
          id={`${idPrefix}-kind`}
          value={value.kind ?? ''}
          onChange={(e) =>
            onChange({
              ...value,
              kind: (e.currentTarget.value || undefined) as PositionFilters['kind'],
            })
          }
        >
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {KIND_LABEL[k.id]} ({k.count})
            </option>
          ))}
        </select>
      </label>
      {any ? (
        <button type="button" class="fc-button fc-button-quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
