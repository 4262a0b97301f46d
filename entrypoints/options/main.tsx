import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsBackend } from '@/lib/options/backend';

render(<OptionsApp backend={createOptionsBackend()} />, document.getElementById('app')!);
