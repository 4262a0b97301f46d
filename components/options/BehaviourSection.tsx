import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BehaviourName, Settings } from '@/lib/settings';
import { Switch } from './Switch';
import type { ChangeSettings } from './types';

export interface BehaviourSectionProps {
  settings: Settings;
  onChange: ChangeSettings;
}

interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A group of radio buttons for one enum setting, in a fieldset with a legend. */
function RadioGroup<T extends string>({
  name,
  legend,
  choices,
  value,
  onSelect,
  sample,
}: {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onSelect: (value: T) => void;
  sample?: (value: T) => ComponentChildren;
}) {
  return (
    <fieldset class="fco-fieldset">
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `fco-${name}-${choice.value}`;
        return (
          <div key={choice.value} class="fco-choice">
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
              onChange={() => onSelect(choice.value)}
            />
            <label for={id}>
              {choice.label}
              {sample ? <> {sample(choice.value)}</> : null}
            </label>
            {choice.hint ? (
              <p id={`${id}-hint`} class="fco-hint">
                {choice.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

const TRIGGERS: readonly Choice<Settings['trigger']>[] = [
  {
    value: 'hover',
    label: 'Rest the pointer on a name',
    hint: 'The card opens after the delay below.',
  },
  { value: 'click', label: 'Click a name' },
  {
    value: 'modifier',
    label: 'Rest the pointer on a name while holding a key',
    hint: 'Hovering alone opens nothing.',
  },
];

const MODIFIERS: readonly { value: Settings['modifierKey']; label: string }[] = [
  { value: 'Alt', label: 'Alt (Option on a Mac)' },
  { value: 'Shift', label: 'Shift' },
  { value: 'Control', label: 'Control' },
  { value: 'Meta', label: 'Meta (Command on a Mac, Windows key)' },
];

const HIGHLIGHTS: readonly Choice<Settings['highlightStyle']>[] = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Tinted background' },
  {
    value: 'none',
    label: 'Not marked',
    hint: 'Names look like the rest of the text; their cards still open.',
  },
];

const THEMES: readonly Choice<Settings['theme']>[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Trigger, modifier key, dwell delay, highlight style, theme and the toolbar badge. */
export function BehaviourSection({ settings, onChange }: BehaviourSectionProps) {
  const set = <K extends BehaviourName>(field: K, value: Settings[K]) =>
    onChange({ type: 'setBehaviour', field, value } as Parameters<ChangeSettings>[0]);
  // The slider shows its value while it moves; the setting is written when it is let go.
  const [dwell, setDwell] = useState(settings.dwellMs);
  useEffect(() => setDwell(settings.dwellMs), [settings.dwellMs]);
  const dwellMatters = settings.trigger !== 'click';
  return (
    <section id="behaviour" class="fco-section" aria-labelledby="behaviour-title">
      <h2 id="behaviour-title">Behaviour</h2>
      <div class="fco-grid">
        <div>
          <RadioGroup
            name="trigger"
            legend="What opens a card"
            choices={TRIGGERS}
            value={settings.trigger}
            onSelect={(trigger) => set('trigger', trigger)}
          />
          <div class="fco-field">
            <label for="fco-modifier">Key to hold</label>
            <select
              id="fco-modifier"
              class="fco-input"
              value={settings.modifierKey}
              disabled={settings.trigger !== 'modifier'}
              aria-describedby="fco-modifier-hint"
              onChange={(event) => {
                set('modifierKey', event.currentTarget.value as Settings['modifierKey']);
              }}
            >
              {MODIFIERS.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
            <p id="fco-modifier-hint" class="fco-hint">
              Used when a card opens while holding a key.
            </p>
          </div>
          <div class="fco-field">
            <label for="fco-dwell">Delay before a card opens</label>
            <div class="fco-row">
              <input
                id="fco-dwell"
                type="range"
                min={100}
                max={2000}
                step={50}
                value={dwell}
                aria-valuetext={`${dwell} milliseconds`}
                aria-describedby="fco-dwell-hint"
                onInput={(event) => setDwell(Number(event.currentTarget.value))}
                onChange={(event) => set('dwellMs', Number(event.currentTarget.value))}
              />
              <output for="fco-dwell" class="fco-output">
                {dwell} ms
              </output>
            </div>
            <p id="fco-dwell-hint" class="fco-hint">
              {dwellMatters
                ? 'Passing over a name faster than this opens nothing.'
                : 'Not used while a click opens cards.'}
            </p>
          </div>
        </div>
        <div>
          <RadioGroup
            name="highlight"
            legend="How names are marked"
            choices={HIGHLIGHTS}
            value={settings.highlightStyle}
            onSelect={(highlightStyle) => set('highlightStyle', highlightStyle)}
            sample={(style) => (
              <span class={`fco-sample fco-sample-${style}`} aria-hidden="true">
                Yann LeCun
              </span>
            )}
          />
          <RadioGroup
            name="theme"
            legend="Theme of cards and pages"
            choices={THEMES}
            value={settings.theme}
            onSelect={(theme) => set('theme', theme)}
          />
          <div class="fco-field fco-switch-field">
            <Switch
              checked={settings.toolbarBadge}
              labelledBy="fco-badge-label"
              describedBy="fco-badge-hint"
              onChange={(on) => set('toolbarBadge', on)}
            />
            <div>
              <p id="fco-badge-label" class="fco-switch-label">
                Show the number of mentions on the toolbar button
              </p>
              <p id="fco-badge-hint" class="fco-hint">
                The count covers the page in the active tab; none shows where Fact Cards is off.
              </p>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
