import type { Ref } from 'preact';
import type { SettingName } from '@/lib/settings';
import type { SettingsDiff, ListChange } from '@/lib/settings/preview';
import { describeSettingValue, SETTING_LABELS } from '@/lib/options/summary';

export interface ImportPreviewProps {
  /** The file's name. */
  name: string;
  diff: SettingsDiff;
  /** Fields the file does not hold, which an import keeps as they are. */
  kept: readonly SettingName[];
  /** Notes from reading the file (an older version, ids this dataset does not know). */
  notes: readonly string[];
  /** Display names of source and entity ids (ids without one are shown as they are). */
  names: Readonly<Record<string, string>>;
  headingRef?: Ref<HTMLHeadingElement>;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}

function Lines({
  title,
  change,
  added,
  removed,
  name = (x) => x,
}: {
  title: string;
  change: ListChange;
  added: string;
  removed: string;
  name?: (id: string) => string;
}) {
  if (change.added.length + change.removed.length === 0) return null;
  return (
    <li>
      <strong>{title}</strong>
      <ul class="fco-details">
        {change.added.length > 0 ? (
          <li>
            {added}: {change.added.map(name).join(', ')}
          </li>
        ) : null}
        {change.removed.length > 0 ? (
          <li>
            {removed}: {change.removed.map(name).join(', ')}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** What importing a settings file will change, with Apply and Cancel. Nothing is stored before Apply. */
export function ImportPreview({
  name,
  diff,
  kept,
  notes,
  names,
  headingRef,
  busy,
  onApply,
  onCancel,
}: ImportPreviewProps) {
  const named = (id: string) => names[id] ?? id;
  return (
    <div
      class="fco-preview"
      role="region"
      aria-labelledby="fco-preview-title"
      data-testid="import-preview"
    >
      <h4 id="fco-preview-title" class="fco-preview-title" tabIndex={-1} ref={headingRef}>
        Importing {name} will change:
      </h4>
      {diff.none ? (
        <p>Nothing: the file holds the settings you already have.</p>
      ) : (
        <ul class="fco-preview-list">
          <Lines
            title="Sources"
            change={diff.sources}
            added="Switched off"
            removed="Switched on"
            name={named}
          />
          <Lines
            title="People and companies"
            change={diff.entities}
            added="Switched off"
            removed="Switched on"
            name={named}
          />
          <Lines title="Sites" change={diff.sites} added="Off on" removed="No longer off on" />
          <Lines
            title="Site exceptions"
            change={diff.siteExceptions}
            added="Added"
            removed="Removed"
          />
          {diff.behaviour.length > 0 ? (
            <li>
              <strong>Behaviour</strong>
              <ul class="fco-details">
                {diff.behaviour.map((c) => (
                  <li key={c.field}>
                    {SETTING_LABELS[c.field]}: {describeSettingValue(c.field, c.from)} →{' '}
                    {describeSettingValue(c.field, c.to)}
                  </li>
                ))}
              </ul>
            </li>
          ) : null}
        </ul>
      )}
      {kept.length > 0 ? (
        <p class="fco-hint">
          Kept as they are, since the file does not hold them:{' '}
          {kept.map((field) => SETTING_LABELS[field]).join(', ')}.
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul class="fco-details">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div class="fco-row">
        <button type="button" class="fco-button fco-primary" disabled={busy} onClick={onApply}>
          Apply these settings
        </button>
        <button type="button" class="fco-button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
