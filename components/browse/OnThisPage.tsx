import { useRef } from 'preact/hooks';
import type { Revealed } from '@/lib/browse/hooks';
import { useRovingFocus } from './roving';

export interface MentionRow {
  entityId: string;
  name: string;
  count: number;
}

/**
 * The entities mentioned in the tab and how often. Choosing one scrolls the page to its next
 * mention and marks it briefly (the page's DOM is not touched: the content script uses a
 * highlight); choosing it again goes on to the next, across frames.
 */
export function OnThisPage({
  status,
  mentions,
  revealed,
  onReveal,
}: {
  status: 'loading' | 'unavailable' | 'off' | 'ready';
  mentions: readonly MentionRow[];
  revealed?: Revealed;
  onReveal: (entityId: string) => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const onKeyDown = useRovingFocus(ref, '.fc-mention', { orientation: 'both' });
  const name = (id: string) => mentions.find((m) => m.entityId === id)?.name ?? id;
  let message: string | undefined;
  if (status === 'loading') message = 'Looking at the page…';
  else if (status === 'unavailable') message = 'Fact Cards does not run on this page.';
  else if (status === 'off') message = 'Fact Cards is off here, so nothing is marked.';
  else if (mentions.length === 0) message = 'None of the four is mentioned on this page.';
  return (
    <section class="fc-on-page" aria-labelledby="fc-on-page-title">
      <h2 id="fc-on-page-title" class="fc-section-title">
        On this page
      </h2>
      {message ? (
        <p class="fc-hint" data-on-page-status={status}>
          {message}
        </p>
      ) : (
        <>
          <ul
            class="fc-mentions"
            aria-label="Entities mentioned on this page"
            ref={ref}
            onKeyDown={onKeyDown}
          >
            {mentions.map((m) => (
              <li key={m.entityId}>
                <button
                  type="button"
                  class="fc-mention"
                  data-entity-id={m.entityId}
                  data-count={m.count}
                  onClick={() => onReveal(m.entityId)}
                >
                  {m.name}
                  <span class="fc-badge-count" aria-hidden="true">
                    {m.count}
                  </span>
                  <span class="fc-sr">, {m.count === 1 ? '1 mention' : `${m.count} mentions`}</span>
                </button>
              </li>
            ))}
          </ul>
          <p
            class="fc-hint"
            role="status"
            data-revealed={
              revealed ? `${revealed.entityId}:${revealed.position}/${revealed.total}` : undefined
            }
          >
            {revealed
              ? revealed.ok
                ? `${name(revealed.entityId)}: mention ${revealed.position} of ${revealed.total}.`
                : `Could not scroll to ${name(revealed.entityId)}; the page may have changed.`
              : 'Choose a name to scroll to its next mention.'}
          </p>
        </>
      )}
    </section>
  );
}
