import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * One config for Chrome (MV3) and Firefox (MV2 by default: `wxt build -b firefox`).
 * Permissions stay minimal: `storage` for settings and the matcher config, `tabs` is not
 * needed because `activeTab` + `tabs.query` give the popup the active tab's id.
 */
/**
 * The instrumented build (`npm run build:instrumented`) is the store build plus the User Timing
 * measures tests and benchmarks read (lib/instrumentation.ts); it gets an output folder of its own.
 */
const instrumented = process.env.FACTCARDS_INSTRUMENTED === '1';

/**
 * WXT's content-script context announces itself to the page (lib/content/context.ts says how);
 * the content-script build takes ours, which does not.
 */
const quietContentScriptContext: Plugin = {
  name: 'factcards:quiet-content-script-context',
  enforce: 'pre',
  resolveId(id) {
    if (id === 'wxt/utils/content-script-context')
      return resolve(import.meta.dirname, 'lib/content/context.ts');
  },
};

/** The toolbar button's icon at 1× and 2× (`npm run icons` renders public/icon/ from scripts/icon.svg). */
const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png' };

export default defineConfig({
  // A separate output folder lets parallel builds (benchmarks, several test runs) not collide.
  outDir: process.env.FACTCARDS_OUT_DIR ?? '.output',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${instrumented ? '-instrumented' : ''}`,
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip (for AMO's review) is the tree git tracks: WXT leaves out dotfiles and test
  // files by default, and would take in whatever untracked output lies around.
  zip: {
    includeSources: [
      '.ci/run',
      '.gitignore',
      '.prettierignore',
      '.prettierrc.json',
      'tests/**/*.test.ts',
      'tests/**/*.test.mjs',
    ],
    excludeSources: ['bench-results/**', 'tests/e2e/.artifacts/**', '**/*.log', 'stats.html'],
  },
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.FACTCARDS_INSTRUMENTED': JSON.stringify(instrumented) },
    build: { sourcemap: process.env.SOURCEMAP === '1' },
  }),
  hooks: {
    // The content script runs on every page and has a 40 kB gzipped budget (docs/DESIGN.md):
    // terser's second pass takes about 4% more off it than esbuild's minifier (the other
    // entrypoints keep esbuild, which is faster). It gets our quiet lifetime context.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      viteConfig.plugins = [quietContentScriptContext, ...(viteConfig.plugins ?? [])];
      viteConfig.build = {
        ...viteConfig.build,
        minify: 'terser',
        terserOptions: { compress: { passes: 2 } },
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Fact Cards',
    // WXT adds `icons` from public/icon/<size>.png by itself, but not the toolbar button's.
    [manifestVersion === 3 ? 'action' : 'browser_action']: { default_icon: TOOLBAR_ICONS },
    description:
      'Sourced context cards for Yann LeCun, Elon Musk, xAI and Vinod Khosla while you read the news.',
    permissions: ['storage'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next visible mention',
      },
      'close-card': {
        suggested_key: { default: 'Alt+Shift+X' },
        description: 'Close the open card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factcards@factcards.invalid',
              // Tested: 153 ESR runs everything. 140 ESR paints no text-decoration from
              // ::highlight (the default dotted underline is invisible) and its content scripts
              // cannot set a shadow root's adoptedStyleSheets (the card never renders).
              // Versions in between are untested. See the README.
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
