import { render } from 'preact';

render(<main><h1>Fact Cards</h1></main>, document.getElementById('app')!);
