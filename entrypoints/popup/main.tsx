import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { DatasetService } from '@/lib/db';
import { filterPositions } from '@/lib/dataset/query';
import type { Dataset } from '@/lib/dataset/schema';
import { loadSettings } from '@/lib/settings-item';

const service = new DatasetService(getBundledDataset);

function Popup() {
  const [state, setState] = useState<{ ds: Dataset; from: string; off: string[] } | undefined>();
  useEffect(() => {
    void Promise.all([service.dataset(), loadSettings()]).then(([{ value, from }, { settings }]) =>
      setState({ ds: value, from, off: settings.disabledSources }),
    );
  }, []);
  if (!state) return <p>Loading…</p>;
  const positions = filterPositions(state.ds.positions, { disabledSources: state.off });
  return (
    <main>
      <h1>Fact Cards</h1>
      <ul data-from={state.from}>
        {state.ds.entities.map((e) => (
          <li key={e.id}>
            <strong>{e.displayName}</strong> — {positions.filter((p) => p.entityId === e.id).length} positions
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
