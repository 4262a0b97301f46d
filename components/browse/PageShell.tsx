import type { ComponentChildren } from 'preact';

/** The root of an extension page: theme tokens (`fc-theme-*`), layout, and where data came from. */
export function PageShell({
  theme,
  layout,
  from,
  children,
}: {
  theme: 'system' | 'light' | 'dark';
  layout: 'popup' | 'full';
  /** `cache` or `bundle` once data is shown (tests and bug reports read it). */
  from?: 'cache' | 'bundle';
  children: ComponentChildren;
}) {
  return (
    <div class={`fc-page fc-layout-${layout} fc-theme-${theme}`} data-from={from}>
      {children}
    </div>
  );
}

/** The page header: the name, and links to the full view and the options page. */
export function PageHeader({
  fullHref,
  onOpenFull,
  onOptions,
}: {
  /** The full view's address for the current view (popup only). */
  fullHref?: string;
  onOpenFull?: () => void;
  onOptions: () => void;
}) {
  return (
    <header class="fc-page-header">
      <h1 class="fc-title">Fact Cards</h1>
      <nav class="fc-nav" aria-label="Extension pages">
        {fullHref ? (
          <a
            class="fc-link"
            href={fullHref}
            target="_blank"
            rel="noopener"
            onClick={(event) => {
              if (!onOpenFull) return;
              event.preventDefault();
              onOpenFull();
            }}
          >
            Open full view
          </a>
        ) : null}
        <button type="button" class="fc-link" onClick={onOptions}>
          Options
        </button>
      </nav>
    </header>
  );
}

/** What shows until the data is read, or if it cannot be. */
export function LoadingState({ error }: { error?: string }) {
  return error ? (
    <p class="fc-error" role="alert">
      The positions could not be read: {error}
    </p>
  ) : (
    <p class="fc-hint" role="status">
      Loading positions…
    </p>
  );
}
