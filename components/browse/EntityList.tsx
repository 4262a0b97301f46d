import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Entity } from '@/lib/dataset/schema';
import { useRovingFocus } from './roving';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The entities with their one-line description and how many positions (from enabled sources)
 * each holds. One tab stop; arrow keys move, Enter or Space chooses.
 */
export function EntityList({
  entities,
  counts,
  selected,
  focusId,
  onChoose,
}: {
  entities: readonly Entity[];
  /** Own positions per entity id. */
  counts: (id: string) => number;
  selected?: string;
  /** Focus this entity's button when the list mounts (coming back from its detail). */
  focusId?: string;
  onChoose: (id: string) => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const onKeyDown = useRovingFocus(ref, '.fc-entity');
  useLayoutEffect(() => {
    if (!focusId) return;
    const button = ref.current?.querySelector<HTMLElement>(`[data-entity-id="${focusId}"]`);
    if (!button) return;
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.fc-entity') ?? [])
      el.tabIndex = el === button ? 0 : -1;
    button.focus();
    // Only on mount: later renders must not pull focus back here.
  }, []);
  return (
    <ul class="fc-entity-list" aria-label="Entities" ref={ref} onKeyDown={onKeyDown}>
      {entities.map((entity) => (
        <li key={entity.id}>
          <button
            type="button"
            class="fc-entity"
            data-entity-id={entity.id}
            data-current={entity.id === selected ? 'true' : undefined}
            aria-current={entity.id === selected ? 'true' : undefined}
            onClick={() => onChoose(entity.id)}
          >
            <span class="fc-entity-name">{entity.displayName}</span>
            <span class="fc-entity-count">
              {plural(counts(entity.id), 'position', 'positions')}
            </span>
            <span class="fc-entity-description">{entity.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
