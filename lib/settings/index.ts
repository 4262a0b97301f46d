/**
 * The reader's settings, in one place: the schema, the stored item and its versions, site
 * patterns, the one way to read them (`readSettings`, `watchSettings`) and the one way to change
 * them (`changeSettings` with a `SettingsOp`). The settings file format is in ./file and the
 * import preview in ./preview.
 *
 * What this index exports reaches the content script's bundle only if the content script uses
 * it; keep module top levels free of side effects so unused parts are dropped.
 */
export * from './schema';
export * from './stored';
export * from './sites';
export * from './read';
export type { SettingsOp } from './ops';
