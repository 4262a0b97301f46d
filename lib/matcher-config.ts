/**
 * The matcher config as stored in extension storage by the background and read by content
 * scripts at start, so a page never wakes the background just to learn the aliases.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { MatcherConfigSchema } from './detect/config';

/** The key in `storage.local` (WXT's `local:matcherConfig`). */
export const MATCHER_CONFIG_KEY = 'matcherConfig';

export const StoredMatcherConfigSchema = z.object({
  datasetVersion: z.string(),
  config: MatcherConfigSchema,
});
export type StoredMatcherConfig = z.infer<typeof StoredMatcherConfigSchema>;

/** Reads and validates the stored matcher config; undefined when absent or invalid. */
export async function readMatcherConfig(): Promise<StoredMatcherConfig | undefined> {
  const raw = (await browser.storage.local.get(MATCHER_CONFIG_KEY))[MATCHER_CONFIG_KEY];
  const parsed = StoredMatcherConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Calls `onChange` with each new valid matcher config. */
export function watchMatcherConfig(onChange: (config: StoredMatcherConfig) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(MATCHER_CONFIG_KEY in changes)) return;
    const parsed = StoredMatcherConfigSchema.safeParse(changes[MATCHER_CONFIG_KEY]?.newValue);
    if (parsed.success) onChange(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
