import type { BrowseData } from '@/lib/browse/hooks';
import type { BrowseState } from '@/lib/browse/url-state';
import { BrowsePanel } from './BrowsePanel';
import { LoadingState, PageHeader, PageShell } from './PageShell';

/** The full view (`browse.html`): browse, search and compare on a whole page. */
export function FullView({
  data,
  state,
  onChange,
  onOptions,
}: {
  data: BrowseData;
  state: BrowseState;
  onChange: (change: Partial<BrowseState>) => void;
  onOptions: () => void;
}) {
  const theme = data.status === 'ready' ? data.settings.theme : 'system';
  return (
    <PageShell
      theme={theme}
      layout="full"
      from={data.status === 'ready' ? data.model.from : undefined}
    >
      <PageHeader onOptions={onOptions} />
      <main>
        {data.status === 'ready' ? (
          <BrowsePanel model={data.model} state={state} onChange={onChange} layout="full" />
        ) : (
          <LoadingState error={data.status === 'error' ? data.message : undefined} />
        )}
      </main>
    </PageShell>
  );
}

/** The full view's title for a state: the entity, topic or query it shows. */
export function fullViewTitle(data: BrowseData, state: BrowseState): string {
  if (data.status !== 'ready') return 'Fact Cards';
  const { lookups } = data.model;
  if (state.view === 'search' && state.q.trim()) return `“${state.q.trim()}” — Fact Cards`;
  if (state.view === 'compare')
    return `${state.topic ? `${lookups.topics.get(state.topic)?.label ?? state.topic}: compare` : 'Compare'} — Fact Cards`;
  if (state.entity && lookups.names[state.entity])
    return `${lookups.names[state.entity]} — Fact Cards`;
  return 'Fact Cards: browse positions';
}
