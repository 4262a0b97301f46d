/**
 * The content script's side of the stored matcher config: wait for a valid one, and when the
 * stored value is invalid say so once in the console and ask the background to rebuild it from
 * the bundle, instead of silently doing nothing on every page.
 */
import type { MatcherConfig } from '../detect';
import {
  readMatcherConfig,
  watchMatcherConfig as watchStored,
  type MatcherConfigRead,
} from '../matcher-config';
import { sendToBackground } from '../messaging';
import type { Lifecycle } from './session';

let warned = false;

/** Reports an invalid stored config (once per frame) and asks for a repair. */
function onInvalid(read: Extract<MatcherConfigRead, { status: 'invalid' }>): void {
  if (!warned) {
    warned = true;
    console.warn(
      `[factcards] the stored matcher config is invalid (${read.problem}); asking the background to rebuild it from the bundled dataset.`,
    );
  }
  void sendToBackground({ type: 'repairMatcherConfig' }).catch(() => undefined);
}

/**
 * The matcher config, once a valid one is stored (just after install the background may not
 * have written it yet; an invalid one is repaired first). Undefined if the script ends first.
 */
export function matcherConfigReady(life: Lifecycle): Promise<MatcherConfig | undefined> {
  return new Promise((resolve) => {
    const done = (config: MatcherConfig | undefined) => {
      unwatch();
      resolve(config);
    };
    const take = (read: MatcherConfigRead) => {
      if (read.status === 'ok') done(read.stored.config);
      else if (read.status === 'invalid') onInvalid(read);
    };
    const unwatch = watchStored(take);
    life.onInvalidated(() => done(undefined));
    void readMatcherConfig().then(take);
  });
}

/** Calls `onChange` with each new valid config; an invalid one is reported and repaired. */
export function watchMatcherConfig(
  onChange: (stored: { config: MatcherConfig }) => void,
): () => void {
  return watchStored((read) => {
    if (read.status === 'ok') onChange(read.stored);
    else if (read.status === 'invalid') onInvalid(read);
  });
}
