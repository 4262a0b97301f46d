import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { loadSettings, updateSettings } from '@/lib/settings-item';
import type { Settings } from '@/lib/settings';

function Options() {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => void loadSettings().then((r) => setSettings(r.settings)), []);
  if (!settings) return <p>Loading…</p>;
  const { dataset } = getBundledDataset();
  return (
    <main>
      <h1>Fact Cards options</h1>
      <h2>Sources</h2>
      <ul>
        {dataset.sources.map((s) => (
          <li key={s.id}>
            <label>
              <input
                type="checkbox"
                checked={!settings.disabledSources.includes(s.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  void updateSettings((c) => ({
                    disabledSources: on ? c.disabledSources.filter((x) => x !== s.id) : [...c.disabledSources, s.id],
                  })).then(setSettings);
                }}
              />{' '}
              {s.publisher}
            </label>
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
