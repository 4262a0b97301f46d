import type { Entity, Position } from '@/lib/dataset/schema';
import type { Settings } from '@/lib/settings';
import { entityPositionCounts, plural } from '@/lib/options/summary';
import { Switch } from './Switch';
import type { ChangeSettings } from './types';

export interface EntitiesSectionProps {
  entities: readonly Entity[];
  positions: readonly Position[];
  settings: Settings;
  onChange: ChangeSettings;
}

/** One switch per person or company: a switched-off entity is neither highlighted nor carded. */
export function EntitiesSection({ entities, positions, settings, onChange }: EntitiesSectionProps) {
  const counts = entityPositionCounts(positions);
  const off = new Set(settings.disabledEntities);
  const setEntity = (id: string, on: boolean) => onChange({ type: 'setEntity', id, on });
  return (
    <section id="entities" class="fco-section" aria-labelledby="entities-title">
      <h2 id="entities-title">People and companies</h2>
      <p class="fco-lead">Names switched off are neither marked on pages nor given a card.</p>
      <ul class="fco-list fco-list-compact">
        {entities.map((entity) => {
          const id = `entity-${entity.id}`;
          const on = !off.has(entity.id);
          return (
            <li
              key={entity.id}
              class={`fco-item${on ? '' : ' fco-item-off'}`}
              data-entity-id={entity.id}
            >
              <Switch
                checked={on}
                labelledBy={id}
                describedBy={`${id}-desc`}
                onChange={(checked) => setEntity(entity.id, checked)}
              />
              <div class="fco-item-body">
                <h3 id={id} class="fco-item-title">
                  {entity.displayName}
                </h3>
                <p id={`${id}-desc`} class="fco-meta">
                  {entity.description}
                </p>
                <p class="fco-count">
                  {plural(counts[entity.id] ?? 0, 'position')} attributed to {entity.displayName}.
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
