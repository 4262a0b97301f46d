/** Props of {@link Switch}. */
export interface SwitchProps {
  /** On or off. */
  checked: boolean;
  /** Called with the new state when the reader flips it. */
  onChange: (checked: boolean) => void;
  /** The id of the element whose text names the switch (a publisher, an entity's name). */
  labelledBy: string;
  /** The id of the element that describes what the switch controls. */
  describedBy?: string;
}

/**
 * An on/off switch: a native checkbox with `role="switch"` (Space toggles it, it is in the tab
 * order, and assistive technology reads "on"/"off"), named by a visible heading. The "On"/"Off"
 * text beside it says the state without relying on colour.
 */
export function Switch({ checked, onChange, labelledBy, describedBy }: SwitchProps) {
  return (
    <label class="fco-switch">
      <input
        type="checkbox"
        role="switch"
        class="fco-switch-input"
        checked={checked}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="fco-switch-state" aria-hidden="true">
        {checked ? 'On' : 'Off'}
      </span>
    </label>
  );
}
