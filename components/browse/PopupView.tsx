import type { ActivePage, BrowseData } from '@/lib/browse/hooks';
import type { SiteMode } from '@/lib/browse/site';
import { canRememberSite } from '@/lib/settings';
import type { BrowseState } from '@/lib/browse/url-state';
import { BrowsePanel } from './BrowsePanel';
import { OnThisPage, type MentionRow } from './OnThisPage';
import { LoadingState, PageHeader, PageShell } from './PageShell';
import { SiteSwitch } from './SiteSwitch';

/**
 * The toolbar popup: the site switch and "On this page" for the active tab, then browse,
 * search and compare. Renders only; the entrypoint passes data and actions in.
 */
export function PopupView({
  data,
  page,
  state,
  onChange,
  onReveal,
  onSiteMode,
  onOptions,
  onOpenFull,
  fullHref,
}: {
  data: BrowseData;
  page: ActivePage;
  state: BrowseState;
  onChange: (change: Partial<BrowseState>) => void;
  onReveal: (entityId: string) => void;
  onSiteMode: (mode: SiteMode) => void;
  onOptions: () => void;
  onOpenFull: () => void;
  fullHref: string;
}) {
  const theme = data.status === 'ready' ? data.settings.theme : 'system';
  const header = <PageHeader fullHref={fullHref} onOpenFull={onOpenFull} onOptions={onOptions} />;
  if (data.status !== 'ready') {
    return (
      <PageShell theme={theme} layout="popup">
        {header}
        <main>
          <LoadingState error={data.status === 'error' ? data.message : undefined} />
        </main>
      </PageShell>
    );
  }
  const { model } = data;
  const mentions: MentionRow[] =
    page.status === 'ready'
      ? model.entities.flatMap((e) => {
          const count = page.counts[e.id] ?? 0;
          return count > 0 ? [{ entityId: e.id, name: e.displayName, count }] : [];
        })
      : [];
  const status = page.status === 'ready' ? (page.mode === 'on' ? 'ready' : 'off') : page.status;
  return (
    <PageShell theme={theme} layout="popup" from={model.from}>
      {header}
      <main>
        <div class="fc-this-page">
          {page.status === 'ready' ? (
            <SiteSwitch
              hostname={page.hostname}
              mode={page.mode}
              rule={page.rule}
              canRemember={canRememberSite(page.hostname)}
              busy={page.busy}
              error={page.error}
              onChange={onSiteMode}
            />
          ) : null}
          <OnThisPage
            status={status}
            mentions={mentions}
            revealed={page.status === 'ready' ? page.revealed : undefined}
            onReveal={onReveal}
          />
        </div>
        <BrowsePanel model={model} state={state} onChange={onChange} layout="popup" />
      </main>
    </PageShell>
  );
}
