import '@/components/theme.css';
import '@/components/positions.css';
import '@/components/pages.css';
import { render } from 'preact';
import { FullView, fullViewTitle } from '@/components/browse/FullView';
import {
  useDocumentTitle,
  useExplorerData,
  useExplorerState,
  useMarkOnce,
} from '@/lib/browse/hooks';
import { preloadExplorerData } from '@/lib/browse/data';
import { openOptions } from '@/lib/browse/navigation';

// Start reading before the first render: the reads overlap with evaluating and rendering the page.
const preload = preloadExplorerData();

function Browse() {
  const data = useExplorerData(preload);
  const [state, change] = useExplorerState();
  useDocumentTitle(fullViewTitle(data, state));
  useMarkOnce('factcards:browse-interactive', data.status === 'ready');
  return (
    <FullView data={data} state={state} onChange={change} onOptions={() => void openOptions()} />
  );
}

render(<Browse />, document.getElementById('app')!);
