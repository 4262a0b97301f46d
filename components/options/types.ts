import type { Settings } from '@/lib/settings';

/** How a section asks for a settings change: a function of the current settings, like `updateSettings`. */
export type ChangeSettings = (change: (current: Settings) => Partial<Settings>) => void;
