// `npm start`: build the extension, then open Chromium with it loaded on the bundled demo article.
// `npm start -- --firefox` (`npm run start:firefox`) does the same in Firefox.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionArgs, findChromium, NO_CHROMIUM, serveFolder } from './chromium.mjs';
import { FIREFOX_BUILD, findFirefox, firefoxPrefs, NO_FIREFOX } from './firefox.mjs';

const fail = (message) => {
  console.error(`\n${message}\n`);
  process.exit(1);
};

// For the e2e test of this script: run headless and expose DevTools on a port.
const headless = process.env.FACTCARDS_START_HEADLESS === '1';
const debugPort = process.env.FACTCARDS_DEBUG_PORT;
const skipBuild = process.argv.includes('--no-build');
const noDisplay =
  !headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (process.argv.includes('--firefox')) await startFirefox(); // exits when Firefox closes

const chromium = findChromium();
if (!chromium) fail(NO_CHROMIUM);
if (noDisplay) {
  fail(`No display to open Chromium on (DISPLAY is not set).
On a machine without a screen, run it under a virtual display:
  sudo apt-get install -y xvfb   # once
  xvfb-run -a npm start
To only check that everything works, run: npm test`);
}

if (!skipBuild) {
  console.log('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) fail('The build failed; see the output above.');
}

const extensionDir = resolve('.output/chrome-mv3');
const server = await serveFolder('tests/fixtures');
const demo = server.url('demo-article.html');
const profile = mkdtempSync(join(tmpdir(), 'factcards-profile-'));
console.log(
  `Opening Chromium (${chromium}) on ${demo}\nHover a highlighted name to see its card. Close the browser or press Ctrl+C to stop.`,
);

const extra = [
  ...(headless ? ['--headless=new', '--disable-gpu'] : []),
  ...(debugPort ? [`--remote-debugging-port=${debugPort}`] : []),
];
const browser = spawn(
  chromium,
  [...extensionArgs(extensionDir), ...extra, `--user-data-dir=${profile}`, '--no-sandbox', demo],
  {
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let stderr = '';
browser.stderr.on('data', (chunk) => {
  stderr = (stderr + chunk).slice(-4000);
});
const stop = async (code) => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
};
browser.on('error', (error) => {
  console.error(`Could not start Chromium: ${error.message}`);
  void stop(1);
});
browser.on('exit', (code) => {
  if (code)
    console.error(
      `Chromium exited with code ${code}.\n${stderr.trim().split('\n').slice(-8).join('\n')}`,
    );
  void stop(code ? 1 : 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => browser.kill('SIGTERM'));

/**
 * Firefox takes an unpacked extension only as a temporary add-on, installed into a running
 * Firefox over a remote protocol. web-ext (already a dependency, Mozilla's tool for exactly this)
 * makes a fresh profile, starts Firefox, installs the add-on over the devtools protocol and
 * leaves WebDriver BiDi free, so the e2e test can drive the same Firefox (one BiDi session at
 * a time is all Firefox allows; puppeteer's installExtension would hold it).
 */
async function startFirefox() {
  const firefox = findFirefox();
  if (!firefox) fail(NO_FIREFOX);
  if (noDisplay)
    fail(`No display to open Firefox on (DISPLAY is not set).
On a machine without a screen, run it under a virtual display:
  sudo apt-get install -y xvfb   # once
  xvfb-run -a npm run start:firefox
To only check that everything works, run: npm run test:firefox`);
  if (!skipBuild) {
    console.log('Building the extension for Firefox (wxt build -b firefox)…');
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
    if (build.status !== 0) fail('The build failed; see the output above.');
  }
  const server = await serveFolder('tests/fixtures');
  const demo = server.url('demo-article.html');
  console.log(
    `Opening Firefox (${firefox}) on ${demo}\nHover a highlighted name to see its card. Close the browser or press Ctrl+C to stop.`,
  );
  const { default: webExt } = await import('web-ext');
  let runner;
  try {
    runner = await webExt.cmd.run(
      {
        sourceDir: FIREFOX_BUILD,
        firefox,
        startUrl: [demo],
        pref: firefoxPrefs(FIREFOX_BUILD),
        noInput: true,
        noReload: true,
        args: [
          ...(headless ? ['--headless'] : []),
          // For the e2e test: WebDriver BiDi on a port, with the chrome scope it reads cards from.
          ...(debugPort
            ? [`--remote-debugging-port=${debugPort}`, '--remote-allow-system-access']
            : []),
        ],
      },
      { shouldExitProgram: false },
    );
  } catch (error) {
    await server.close();
    fail(`Could not start Firefox with the extension: ${error.message}`);
  }
  await new Promise((done) => {
    runner.registerCleanup(done);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void runner.exit());
  });
  await server.close();
  process.exit(0);
}
