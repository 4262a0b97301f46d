import '@/components/theme.css';
import '@/components/positions.css';
import '@/components/pages.css';
import { render } from 'preact';
import { FullView, fullViewTitle } from '@/components/browse/FullView';
import { useDocumentTitle, useBrowseData, useBrowseState, useMarkOnce } from '@/lib/browse/hooks';
import { preloadBrowseData } from '@/lib/browse/data';
import { openOptions } from '@/lib/browse/navigation';

// Start reading before the first render: the reads overlap with evaluating and rendering the page.
const preload = preloadBrowseData();

function Browse() {
  const data = useBrowseData(preload);
  const [state, change] = useBrowseState();
  useDocumentTitle(fullViewTitle(data, state));
  useMarkOnce('factcards:browse-interactive', data.status === 'ready');
  return (
    <FullView data={data} state={state} onChange={change} onOptions={() => void openOptions()} />
  );
}

render(<Browse />, document.getElementById('app')!);
