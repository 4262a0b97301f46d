import type { SiteMode, SiteRule } from '@/lib/browse/site';

const HINTS: Record<SiteMode, string> = {
  on: 'Mark names and show cards.',
  off: 'Remembered; listed in the options.',
  hidden: 'Until the page reloads.',
};

/**
 * The site switch: on, off for this site (remembered), or hidden in this tab until reload.
 * A radio group, so arrow keys move between the three states. Takes effect in the tab at once.
 *
 * When a broader pattern (`*.example.com`) covers the site, the switch says so: "On" then reads
 * "On for this site" and adds the site as an exception, and the pattern stays for its other sites.
 */
export function SiteSwitch({
  hostname,
  mode,
  rule,
  canRemember,
  busy,
  error,
  onChange,
}: {
  hostname: string;
  mode: SiteMode;
  /** The broader patterns covering the site, and whether an exception keeps it on. */
  rule: SiteRule;
  /** False for pages without a host name (files): "off for this site" cannot be stored. */
  canRemember: boolean;
  busy: boolean;
  error?: string;
  onChange: (mode: SiteMode) => void;
}) {
  const [pattern] = rule.broader;
  const site = hostname || 'this page';
  const options: { mode: SiteMode; label: string; hint: string }[] = [
    {
      mode: 'on',
      label: pattern ? 'On for this site' : 'On',
      hint: pattern ? `An exception to ${pattern}, which stays for its other sites.` : HINTS.on,
    },
    { mode: 'off', label: 'Off for this site', hint: HINTS.off },
    { mode: 'hidden', label: 'Hidden in this tab', hint: HINTS.hidden },
  ];
  const note = !pattern
    ? undefined
    : mode === 'off'
      ? `Off here because of the pattern ${pattern}. “On for this site” adds ${site} as an exception; the pattern stays.`
      : rule.exception
        ? `On here as an exception to ${pattern}. “Off for this site” removes the exception.`
        : undefined;
  return (
    <fieldset class="fc-site-switch" aria-busy={busy} data-mode={mode}>
      <legend class="fc-section-title">
        This site: <span class="fc-hostname">{site}</span>
      </legend>
      <div class="fc-segments">
        {options.map((o) => {
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
                aria-describedby={`fc-site-hint-${o.mode}${note ? ' fc-site-rule' : ''}`}
                onChange={() => onChange(o.mode)}
              />
              {o.label}
            </label>
          );
        })}
      </div>
      {options.map((o) => (
        <span key={o.mode} id={`fc-site-hint-${o.mode}`} class="fc-sr">
          {o.hint}
        </span>
      ))}
      {note ? (
        <p id="fc-site-rule" class="fc-hint" data-testid="site-rule">
          {note}
        </p>
      ) : null}
      {error ? (
        <p class="fc-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
