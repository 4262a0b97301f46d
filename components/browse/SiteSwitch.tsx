import type { SiteMode } from '@/lib/browse/site';

const OPTIONS: { mode: SiteMode; label: string; hint: string }[] = [
  { mode: 'on', label: 'On', hint: 'Mark names and show cards.' },
  { mode: 'off', label: 'Off for this site', hint: 'Remembered; listed in the options.' },
  { mode: 'hidden', label: 'Hidden in this tab', hint: 'Until the page reloads.' },
];

/**
 * The site switch: on, off for this site (remembered), or hidden in this tab until reload.
 * A radio group, so arrow keys move between the three states. Takes effect in the tab at once.
 */
export function SiteSwitch({
  hostname,
  mode,
  canRemember,
  busy,
  error,
  onChange,
}: {
  hostname: string;
  mode: SiteMode;
  /** False for pages without a host name (files): "off for this site" cannot be stored. */
  canRemember: boolean;
  busy: boolean;
  error?: string;
  onChange: (mode: SiteMode) => void;
}) {
  return (
    <fieldset class="fc-site-switch" aria-busy={busy} data-mode={mode}>
      <legend class="fc-section-title">
        This site: <span class="fc-hostname">{hostname || 'this page'}</span>
      </legend>
      <div class="fc-segments">
        {OPTIONS.map((o) => {
          const disabled = o.mode === 'off' && !canRemember;
          return (
            <label
              key={o.mode}
              class={`fc-segment${o.mode === mode ? ' fc-segment-on' : ''}${disabled ? ' fc-segment-disabled' : ''}`}
              title={o.hint}
            >
              <input
                type="radio"
                name="fc-site-mode"
                value={o.mode}
                checked={o.mode === mode}
                disabled={disabled}
                aria-describedby={`fc-site-hint-${o.mode}`}
                onChange={() => onChange(o.mode)}
              />
              {o.label}
            </label>
          );
        })}
      </div>
      {OPTIONS.map((o) => (
        <span key={o.mode} id={`fc-site-hint-${o.mode}`} class="fc-sr">
          {o.hint}
        </span>
      ))}
      {error ? (
        <p class="fc-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
