import '@/components/theme.css';
import '@/components/positions.css';
import '@/components/pages.css';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { PopupView } from '@/components/browse/PopupView';
import { useActivePage, useBrowseData, useBrowseState, useMarkOnce } from '@/lib/browse/hooks';
import { preloadBrowseData } from '@/lib/browse/data';
import { closeIfPopup, fullViewPath, openFullView, openOptions } from '@/lib/browse/navigation';

// Start reading before the first render: the reads overlap with evaluating and rendering the page.
const preload = preloadBrowseData();

function Popup() {
  const [search] = useState(() => location.search);
  const data = useBrowseData(preload);
  const [state, change] = useBrowseState(['tabId']);
  const { page, reveal, setMode } = useActivePage(
    search,
    data.status === 'ready' ? data.settings : undefined,
  );
  useMarkOnce(
    'factcards:popup-interactive',
    data.status === 'ready',
    data.status === 'ready'
      ? { from: data.model.from, positions: data.model.positions.length }
      : undefined,
  );
  return (
    <PopupView
      data={data}
      page={page}
      state={state}
      onChange={change}
      onReveal={reveal}
      onSiteMode={setMode}
      onOptions={() => void openOptions().then(closeIfPopup)}
      onOpenFull={() => void openFullView(state).then(closeIfPopup)}
      fullHref={fullViewPath(state)}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
