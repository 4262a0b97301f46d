import { useRef, useState } from 'preact/hooks';
import {
  describeSitePattern,
  normalizeSiteInput,
  patternsCovering,
  type Settings,
  type SettingsProblem,
} from '@/lib/settings';
import { ENTRY_REASONS, shownValue } from '@/lib/options/summary';
import type { ChangeSettings } from './types';

export interface SitesSectionProps {
  settings: Settings;
  /** Entries of the stored site lists that were invalid and left out. */
  problems: readonly SettingsProblem[];
  onChange: ChangeSettings;
}

/** Invalid stored entries of one list, each with why it was left out. */
function LeftOut({
  field,
  problems,
}: {
  field: 'disabledSites' | 'siteExceptions';
  problems: readonly SettingsProblem[];
}) {
  const entries = problems.filter((p) => p.field === field && 'entry' in p);
  if (entries.length === 0) return null;
  return (
    <div class="fco-error" data-testid={`left-out-${field}`}>
      <p>
        {entries.length === 1 ? 'One stored entry was' : `${entries.length} stored entries were`}{' '}
        left out of this list, because each is {ENTRY_REASONS[field]}:
      </p>
      <ul class="fco-details">
        {entries.map((p, i) => (
          <li key={i}>
            <code>{shownValue(p.entry)}</code>
          </li>
        ))}
      </ul>
      <p>The rest of the list applies. The next change here saves it without them.</p>
    </div>
  );
}

/**
 * The sites where the extension is off: a list with remove buttons and a form to add one, and
 * the exceptions (sites kept on although a pattern covers them), each with a remove button.
 */
export function SitesSection({ settings, problems, onChange }: SitesSectionProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const sites = settings.disabledSites;
  const exceptions = settings.siteExceptions;

  const add = (event: Event) => {
    event.preventDefault();
    const result = normalizeSiteInput(draft);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (sites.includes(result.pattern)) {
      setError(`${result.pattern} is already in the list.`);
      return;
    }
    setError(undefined);
    setDraft('');
    onChange({ type: 'addSite', pattern: result.pattern });
    setStatus(`Added ${result.pattern}: Fact Cards is now off there.`);
  };

  const remove = (pattern: string) => {
    onChange({ type: 'removeSite', pattern });
    setStatus(`Removed ${pattern}: Fact Cards is on there again.`);
    input.current?.focus();
  };

  const removeException = (host: string) => {
    onChange({ type: 'removeSiteException', host });
    setStatus(`Removed the exception for ${host}: the pattern that covers it applies there again.`);
    input.current?.focus();
  };

  return (
    <section id="sites" class="fco-section" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="fco-lead">
        Fact Cards is off on these sites. Add one here or from the popup. A pattern such as{' '}
        <code>*.example.com</code> covers example.com and all its subdomains.
      </p>
      <LeftOut field="disabledSites" problems={problems} />
      {sites.length === 0 ? (
        <p class="fco-muted">Fact Cards is on everywhere.</p>
      ) : (
        <ul class="fco-sites" aria-label="Sites where Fact Cards is off">
          {sites.map((pattern) => (
            <li key={pattern} class="fco-site">
              <span class="fco-site-name">
                <code>{pattern}</code>
                {pattern.startsWith('*.') ? (
                  <span class="fco-muted"> ({describeSitePattern(pattern)})</span>
                ) : null}
              </span>
              <button type="button" class="fco-button" onClick={() => remove(pattern)}>
                Remove<span class="fco-sr"> {pattern}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="fco-site-form" onSubmit={add} noValidate>
        <label for="fco-site-input">Site or pattern</label>
        <div class="fco-row">
          <input
            ref={input}
            id="fco-site-input"
            class="fco-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com or *.example.com"
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'fco-site-error' : undefined}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              if (error) setError(undefined);
            }}
          />
          <button type="submit" class="fco-button">
            Add site
          </button>
        </div>
        {error ? (
          <p id="fco-site-error" class="fco-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>

      <h3 class="fco-subtitle" id="exceptions-title">
        Exceptions
      </h3>
      <p class="fco-hint">
        Sites kept on although a pattern above covers them. Choose “On for this site” in the popup
        on such a site to add one.
      </p>
      <LeftOut field="siteExceptions" problems={problems} />
      {exceptions.length === 0 ? (
        <p class="fco-muted">No exceptions.</p>
      ) : (
        <ul class="fco-sites" aria-labelledby="exceptions-title">
          {exceptions.map((host) => (
            <li key={host} class="fco-site">
              <span class="fco-site-name">
                <code>{host}</code>
                <span class="fco-muted">
                  {' '}
                  (on despite {patternsCovering(host, sites).join(', ') || 'no pattern'})
                </span>
              </span>
              <button type="button" class="fco-button" onClick={() => removeException(host)}>
                Remove<span class="fco-sr"> exception {host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="fco-sr" role="status">
        {status}
      </p>
    </section>
  );
}
