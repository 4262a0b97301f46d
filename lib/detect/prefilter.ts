/**
 * A native-speed first look: one regular expression that matches wherever an alias might be, so
 * the scanner can skip text without running the automaton over it. It is built from the aliases
 * with the automaton's own reading rules (any case, invisible characters anywhere inside a name,
 * a run of whitespace for a space, typographic apostrophes and hyphens), so it never misses what
 * the automaton would find; it may match more (no word boundaries, no context), which the matcher
 * then turns down.
 */
import { IGNORE_RANGES, SPACE_RANGES, VARIANTS, normalize } from './chars';

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const set = (ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
const IGNORE = `[${set(IGNORE_RANGES)}]*`;
const SPACE = `[${set(SPACE_RANGES)}][${set(SPACE_RANGES)}${set(IGNORE_RANGES)}]*`;

/** Each character as the automaton reads it: itself, or a typographic variant of it. */
function charSource(ch: string): string {
  if (ch === ' ') return SPACE;
  const variants = [...VARIANTS].filter(([, base]) => base === ch).map(([v]) => v);
  const escaped = ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return variants.length > 0 ? `[${escaped}${variants.join('')}]` : escaped;
}

/**
 * The aliases worth looking for: one that contains another (`Elon Musk` holds `Musk`) is found
 * through it, so only the shortest remain (`Musk`, `Elon`, `LeCun`, `Le Cun`, `xAI`, …).
 */
export function essentialAliases(texts: readonly string[]): string[] {
  const keys = [...new Set(texts.map((t) => normalize(t).trim().toLowerCase()).filter(Boolean))];
  return keys.filter((key) => !keys.some((other) => other !== key && key.includes(other)));
}

/** The regular expression source for a set of alias texts (empty set: matches nothing). */
export function prefilterSource(texts: readonly string[]): string {
  const alternatives = essentialAliases(texts).map((key) =>
    Array.from(key, charSource).join(IGNORE),
  );
  return alternatives.length > 0 ? alternatives.join('|') : '(?!)';
}
