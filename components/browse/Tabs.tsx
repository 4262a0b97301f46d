import { useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

/** The id of a tab's button and of its panel, for `aria-controls` / `aria-labelledby`. */
export const tabIds = (prefix: string, id: string) => ({
  tab: `${prefix}-tab-${id}`,
  panel: `${prefix}-panel-${id}`,
});

/**
 * An ARIA tab list: the selected tab is the one tab stop, arrow keys (and Home/End) move
 * between tabs and select them (automatic activation).
 */
export function Tabs<T extends string>({
  prefix,
  label,
  tabs,
  selected,
  onSelect,
}: {
  prefix: string;
  label: string;
  tabs: readonly TabDef<T>[];
  selected: T;
  /** `keyboard`: moved with arrow keys (focus stays on the tab); `pointer`: clicked or Enter/Space. */
  onSelect: (id: T, via: 'keyboard' | 'pointer') => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    let to = -1;
    if (event.key === 'ArrowRight') to = (at + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') to = (at - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = tabs.length - 1;
    const tab = tabs[to];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id, 'keyboard');
    ref.current?.querySelector<HTMLElement>(`#${tabIds(prefix, tab.id).tab}`)?.focus();
  };
  return (
    <div class="fc-tabs" role="tablist" aria-label={label} ref={ref} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const ids = tabIds(prefix, tab.id);
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={ids.tab}
            class="fc-tab"
            aria-selected={isSelected}
            aria-controls={ids.panel}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id, 'pointer')}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
