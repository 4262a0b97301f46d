import type { PositionLookups } from '../PositionItem';
import { PositionItem } from '../PositionItem';
import type { TopicGroup } from '@/lib/browse/model';

/**
 * Positions under topic headings, rendered with the card's PositionItem (kind badge, quote or
 * summary, date and sources). `level` is the heading level of the topic titles.
 */
export function TopicGroups({
  groups,
  lookups,
  idPrefix,
  level = 3,
  showSpeaker,
  query,
}: {
  groups: readonly TopicGroup[];
  lookups: PositionLookups;
  idPrefix: string;
  level?: 3 | 4;
  showSpeaker?: boolean;
  query?: string;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {groups.map((group) => {
        const id = `${idPrefix}-${group.topic.id}`;
        return (
          <section
            key={group.topic.id}
            class="fc-topic-group"
            aria-labelledby={id}
            data-topic-id={group.topic.id}
          >
            <Heading id={id} class="fc-topic-heading">
              {group.topic.label} <span class="fc-count">({group.positions.length})</span>
            </Heading>
            <ul class="fc-list">
              {group.positions.map((p) => (
                <PositionItem
                  key={p.id}
                  position={p}
                  lookups={lookups}
                  showSpeaker={showSpeaker}
                  query={query}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
