import type { Facets, PositionFilters } from '@/lib/browse/model';
import { KIND_LABEL } from '../format';

interface Option {
  id: string;
  label: string;
  count: number;
}

/** One labelled native select over a facet; "" means all. */
function FacetSelect({
  id,
  label,
  allLabel,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  options: readonly Option[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label class="fc-field" for={id}>
      <span class="fc-field-label">{label}</span>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The facet's options, plus the selected value when the facet lacks it (set from the URL). */
function withSelected(
  options: Option[],
  selected: string | undefined,
  label: (id: string) => string,
): Option[] {
  return selected && !options.some((o) => o.id === selected)
    ? [...options, { id: selected, label: label(selected), count: 0 }]
    : options;
}

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
  const kindLabel = (id: string) => KIND_LABEL[id as keyof typeof KIND_LABEL] ?? id;
  const any = !!(value.source || value.topic || value.kind);
  return (
    <div class="fc-filters" role="group" aria-label="Filter positions">
      <FacetSelect
        id={`${idPrefix}-source`}
        label="Source"
        allLabel="All sources"
        options={withSelected([...facets.sources], value.source, labels.source)}
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
      />
      <FacetSelect
        id={`${idPrefix}-topic`}
        label="Topic"
        allLabel="All topics"
        options={withSelected([...facets.topics], value.topic, labels.topic)}
        value={value.topic}
        onChange={(topic) => onChange({ ...value, topic })}
      />
      <FacetSelect
        id={`${idPrefix}-kind`}
        label="Kind"
        allLabel="All kinds"
        options={withSelected(
          facets.kinds.map((k) => ({ ...k, label: kindLabel(k.id) })),
          value.kind,
          kindLabel,
        )}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as PositionFilters['kind'] })}
      />
      {any ? (
        <button type="button" class="fc-button fc-button-quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
