import type { SettingsOp } from '@/lib/settings';

/** How a section asks for a settings change: one operation, applied to the stored value. */
export type ChangeSettings = (op: SettingsOp) => void;
