import { useRef, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import {
  addSitePattern,
  describeSitePattern,
  normalizeSiteInput,
  removeSitePattern,
} from '@/lib/options/sites';
import type { ChangeSettings } from './types';

export interface SitesSectionProps {
  settings: Settings;
  onChange: ChangeSettings;
}

/** The sites where the extension is off: a list with remove buttons and a form to add one. */
export function SitesSection({ settings, onChange }: SitesSectionProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const sites = settings.disabledSites;

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
    onChange((current) => ({
      disabledSites: [...addSitePattern(current.disabledSites, result.pattern)],
    }));
    setStatus(`Added ${result.pattern}: Fact Cards is now off there.`);
  };

  const remove = (pattern: string) => {
    onChange((current) => ({ disabledSites: removeSitePattern(current.disabledSites, pattern) }));
    setStatus(`Removed ${pattern}: Fact Cards is on there again.`);
    input.current?.focus();
  };

  return (
    <section id="sites" class="fco-section" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="fco-lead">
        Fact Cards is off on these sites. Add one here or from the popup. A pattern such as{' '}
        <code>*.example.com</code> covers example.com and all its subdomains.
      </p>
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
      <p class="fco-sr" role="status">
        {status}
      </p>
    </section>
  );
}
