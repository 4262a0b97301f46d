import { useMemo, useRef } from 'preact/hooks';
import {
  buildCompareMatrix,
  PositionsWithout,
  rowPositionIds,
  type CompareRow,
  type Disagreement,
} from '@/lib/browse/compare';
import type { BrowseModel } from '@/lib/browse/model';
import { PositionItem, type PositionLookups } from '../PositionItem';
import { useRovingFocus } from './roving';

function DisputeList({
  disagreements,
  names,
}: {
  disagreements: readonly Disagreement[];
  names: Readonly<Record<string, string>>;
}) {
  if (disagreements.length === 0) return null;
  return (
    <ul class="fc-disputes" aria-label="Disagreements">
      {disagreements.map((d) => (
        <li key={d.entities.join('|')} class="fc-dispute" data-pair={d.entities.join('|')}>
          {names[d.entities[0]] ?? d.entities[0]} vs {names[d.entities[1]] ?? d.entities[1]}
        </li>
      ))}
    </ul>
  );
}

/** The row's lookups: disputes between positions that stand side by side in the row are not repeated. */
function rowLookups(row: CompareRow, lookups: PositionLookups): PositionLookups {
  return { ...lookups, positions: new PositionsWithout(lookups.positions, rowPositionIds(row)) };
}

function CellList({
  row,
  entityId,
  lookups,
}: {
  row: CompareRow;
  entityId: string;
  lookups: PositionLookups;
}) {
  const cell = row.cells.find((c) => c.entityId === entityId);
  if (!cell || cell.positions.length === 0) {
    const by = cell?.addressedBy.map((id) => lookups.names[id] ?? id) ?? [];
    return (
      <p class="fc-empty">
        {by.length > 0
          ? `Nothing of their own recorded; addressed by ${by.join(', ')}.`
          : 'Nothing recorded.'}
      </p>
    );
  }
  return (
    <ul class="fc-list">
      {cell.positions.map((p) => (
        <PositionItem key={p.id} position={p} lookups={lookups} />
      ))}
    </ul>
  );
}

/** Full view: a real table, topics as rows and the entities as columns. */
function MatrixTable({ rows, model }: { rows: readonly CompareRow[]; model: BrowseModel }) {
  const { names } = model.lookups;
  return (
    <table class="fc-compare-table">
      <caption class="fc-sr">Positions by topic (rows) and entity (columns)</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          {model.entities.map((e) => (
            <th key={e.id} scope="col">
              {e.displayName}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const lookups = rowLookups(row, model.lookups);
          return (
            <tr
              key={row.topic.id}
              class="fc-compare-row"
              data-topic-id={row.topic.id}
              data-disputed={row.disagreements.length > 0 ? 'true' : undefined}
            >
              <th scope="row">
                <span class="fc-compare-topic">{row.topic.label}</span>
                <DisputeList disagreements={row.disagreements} names={names} />
              </th>
              {model.entities.map((e) => (
                <td key={e.id} class="fc-compare-cell" data-entity-id={e.id}>
                  <CellList row={row} entityId={e.id} lookups={lookups} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Popup: one block per topic; the entities with something to say side by side. */
function MatrixStack({ rows, model }: { rows: readonly CompareRow[]; model: BrowseModel }) {
  const { names } = model.lookups;
  return (
    <>
      {rows.map((row) => {
        const id = `compare-${row.topic.id}`;
        const speaking = row.cells.filter(
          (c) => c.positions.length > 0 || c.addressedBy.length > 0,
        );
        const lookups = rowLookups(row, model.lookups);
        const silent = row.cells
          .filter((c) => c.positions.length === 0 && c.addressedBy.length === 0)
          .map((c) => names[c.entityId] ?? c.entityId);
        return (
          <section
            key={row.topic.id}
            class="fc-compare-row"
            aria-labelledby={id}
            data-topic-id={row.topic.id}
            data-disputed={row.disagreements.length > 0 ? 'true' : undefined}
          >
            <h3 id={id} class="fc-topic-heading">
              {row.topic.label}
            </h3>
            <DisputeList disagreements={row.disagreements} names={names} />
            <div class="fc-compare-cells">
              {speaking.map((cell) => (
                <div key={cell.entityId} class="fc-compare-cell" data-entity-id={cell.entityId}>
                  <h4 class="fc-compare-entity">{names[cell.entityId] ?? cell.entityId}</h4>
                  <CellList row={row} entityId={cell.entityId} lookups={lookups} />
                </div>
              ))}
            </div>
            {silent.length > 0 ? (
              <p class="fc-hint">Nothing recorded for {silent.join(', ')}.</p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

/**
 * Compare: for each topic, what each entity has said or is reported to hold, side by side with
 * sources, and which of them disagree there (topics with a disagreement come first).
 */
export function ComparePanel({
  model,
  topic,
  disputedOnly,
  layout,
  onChange,
}: {
  model: BrowseModel;
  topic?: string;
  disputedOnly: boolean;
  layout: 'popup' | 'full';
  onChange: (change: { topic?: string; disputed?: boolean }) => void;
}) {
  const rows = useMemo(() => buildCompareMatrix(model), [model]);
  const shown = rows.filter(
    (r) => (!topic || r.topic.id === topic) && (!disputedOnly || r.disagreements.length > 0),
  );
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useRovingFocus(ref, '.fc-position');
  const disputed = rows.filter((r) => r.disagreements.length > 0).length;
  return (
    <div class="fc-compare">
      <div class="fc-filters" role="group" aria-label="Compare options">
        <label class="fc-field" for="fc-compare-topic">
          <span class="fc-field-label">Topic</span>
          <select
            id="fc-compare-topic"
            value={topic ?? ''}
            onChange={(e) => onChange({ topic: e.currentTarget.value || undefined })}
          >
            <option value="">All topics ({rows.length})</option>
            {rows.map((r) => (
              <option key={r.topic.id} value={r.topic.id}>
                {r.topic.label}
                {r.disagreements.length > 0 ? ' (disputed)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label class="fc-check">
          <input
            type="checkbox"
            checked={disputedOnly}
            onChange={(e) => onChange({ disputed: e.currentTarget.checked || undefined })}
          />{' '}
          Only where they disagree ({disputed})
        </label>
      </div>
      <div
        ref={ref}
        onKeyDown={onKeyDown}
        class={layout === 'full' ? 'fc-compare-scroll' : undefined}
      >
        {shown.length === 0 ? (
          <p class="fc-empty">No topic to compare with these options.</p>
        ) : null}
        {shown.length > 0 && layout === 'full' ? <MatrixTable rows={shown} model={model} /> : null}
        {shown.length > 0 && layout === 'popup' ? <MatrixStack rows={shown} model={model} /> : null}
      </div>
    </div>
  );
}
