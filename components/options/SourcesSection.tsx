import type { Position, Source } from '@/lib/dataset/schema';
import type { Settings } from '@/lib/settings';
import { plural, shortUrl, sourceStats, visiblePositionCount } from '@/lib/options/summary';
import { formatDate } from '../format';
import { Switch } from './Switch';
import type { ChangeSettings } from './types';

export interface SourcesSectionProps {
  sources: readonly Source[];
  positions: readonly Position[];
  settings: Settings;
  onChange: ChangeSettings;
}

/** One switch per source, with what is known about it and how many positions it backs. */
export function SourcesSection({ sources, positions, settings, onChange }: SourcesSectionProps) {
  const stats = sourceStats(positions);
  const off = new Set(settings.disabledSources);
  const ids = sources.map((s) => s.id);
  const onCount = sources.filter((s) => !off.has(s.id)).length;
  const visible = visiblePositionCount(positions, settings);
  const setSource = (id: string, on: boolean) => onChange({ type: 'setSource', id, on });
  return (
    <section id="sources" class="fco-section" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p class="fco-lead">
        Cards, the popup, search and compare show only positions from the sources switched on. A
        position that several sources back stays while one of them is on, and cites only those.
      </p>
      <div class="fco-toolbar">
        <p class="fco-summary" data-testid="sources-summary">
          {onCount} of {plural(sources.length, 'source')} on · {visible} of{' '}
          {plural(positions.length, 'position')} shown
        </p>
        <div class="fco-buttons" role="group" aria-label="All sources">
          <button
            type="button"
            class="fco-button"
            onClick={() => onChange({ type: 'setSources', ids, on: true })}
          >
            All on
          </button>
          <button
            type="button"
            class="fco-button"
            onClick={() => onChange({ type: 'setSources', ids, on: false })}
          >
            All off
          </button>
        </div>
      </div>
      <ul class="fco-list">
        {sources.map((source) => {
          const id = `source-${source.id}`;
          const stat = stats[source.id] ?? { total: 0, only: 0 };
          const on = !off.has(source.id);
          const meta = [
            source.author ? `By ${source.author}` : undefined,
            formatDate(source.date, source.dateApproximate),
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <li
              key={source.id}
              class={`fco-item${on ? '' : ' fco-item-off'}`}
              data-source-id={source.id}
            >
              <Switch
                checked={on}
                labelledBy={id}
                describedBy={`${id}-count`}
                onChange={(checked) => setSource(source.id, checked)}
              />
              <div class="fco-item-body">
                <h3 id={id} class="fco-item-title">
                  {source.publisher}
                </h3>
                <p class="fco-source-title">
                  {source.title ? (
                    `“${source.title}”`
                  ) : (
                    <span class="fco-muted">Title not known</span>
                  )}
                </p>
                <p class="fco-meta">{meta}</p>
                <p class="fco-meta">
                  {source.url ? (
                    <>
                      Verified link:{' '}
                      <a
                        href={source.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        title={source.url}
                      >
                        {shortUrl(source.url)}
                      </a>
                    </>
                  ) : (
                    'No verified link is known.'
                  )}
                </p>
                {source.notes && source.notes.length > 0 ? (
                  <ul class="fco-notes" aria-label={`Notes on ${source.publisher}`}>
                    {source.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                ) : null}
                <p id={`${id}-count`} class="fco-count">
                  Backs {plural(stat.total, 'position')}
                  {stat.only > 0 ? `; ${stat.only} of them from this source alone` : ''}.
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
