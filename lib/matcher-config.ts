/**
 * The matcher config as stored in extension storage by the background and read by content
 * scripts at start, so a page never wakes the background just to learn the aliases. Every read
 * validates it; the background rewrites it from the bundle whenever it is missing, invalid or
 * differs from what the bundle compiles to (lib/background/handlers.ts).
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { MatcherConfigSchema } from './detect/config';

/** The key in `storage.local` (WXT's `local:matcherConfig`). */
export const MATCHER_CONFIG_KEY = 'matcherConfig';

export const StoredMatcherConfigSchema = z.object({
  datasetVersion: z.string().check(z.maxLength(64)),
  config: MatcherConfigSchema,
});
export type StoredMatcherConfig = z.infer<typeof StoredMatcherConfigSchema>;

/** A stored config read back: valid, absent, or present but invalid (with why). */
export type MatcherConfigRead =
  | { status: 'ok'; stored: StoredMatcherConfig }
  | { status: 'missing' }
  | { status: 'invalid'; problem: string };

/** Validates a raw stored value. */
export function parseStoredMatcherConfig(raw: unknown): MatcherConfigRead {
  if (raw === undefined || raw === null) return { status: 'missing' };
  const parsed = StoredMatcherConfigSchema.safeParse(raw);
  if (parsed.success) return { status: 'ok', stored: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    status: 'invalid',
    problem: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid',
  };
}

/** Reads and validates the stored matcher config. Never throws: a failed read is `missing`. */
export async function readMatcherConfig(): Promise<MatcherConfigRead> {
  try {
    const raw = (await browser.storage.local.get(MATCHER_CONFIG_KEY))[MATCHER_CONFIG_KEY];
    return parseStoredMatcherConfig(raw);
  } catch {
    return { status: 'missing' };
  }
}

/** Calls `onChange` with every change of the stored matcher config, validated. */
export function watchMatcherConfig(onChange: (read: MatcherConfigRead) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(MATCHER_CONFIG_KEY in changes)) return;
    onChange(parseStoredMatcherConfig(changes[MATCHER_CONFIG_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
