/**
 * Provenance checks against the source texts themselves (issue 13, rule 1): every excerpt is
 * verbatim in every source it is shown under, and only there. Pure: the caller supplies the texts
 * (the unit tests read them from `../shared/seeds`); no entrypoint imports this module.
 */
import type { Dataset } from './schema';

/** Whitespace only: runs of whitespace (no-break spaces included) become one space. No quote folding. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The phrases a summary puts in typographic double quotes (“…”). */
export function quotedPhrases(summary: string): string[] {
  return [...summary.matchAll(/“([^“”]+)”/g)].map((m) => normalizeWhitespace(m[1] ?? ''));
}

/**
 * Checks every position against the texts of its sources and returns one line per problem:
 * - a `quote` missing from a source in `quoteSourceIds` (shown under an outlet that never printed it);
 * - a `quote` a source prints verbatim although it is not in `quoteSourceIds` (printed, but not credited);
 * - a phrase a summary puts in quotation marks that one of its sources does not print (a summary is
 *   shown under every source, so its quoted words must be in all of them).
 *
 * @param textOf the full text of a source, by source id (normalized here); `undefined` if unknown.
 */
export function checkProvenance(
  ds: Pick<Dataset, 'positions'>,
  textOf: (sourceId: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const cache = new Map<string, string | undefined>();
  const text = (id: string) => {
    if (!cache.has(id)) {
      const raw = textOf(id);
      cache.set(id, raw === undefined ? undefined : normalizeWhitespace(raw));
    }
    return cache.get(id);
  };
  for (const p of ds.positions) {
    for (const s of p.sourceIds)
      if (text(s) === undefined) problems.push(`position ${p.id}: no text for source ${s}`);
    if (p.quote !== undefined) {
      const quote = normalizeWhitespace(p.quote);
      const printed = p.quoteSourceIds ?? [];
      for (const s of p.sourceIds) {
        const has = text(s)?.includes(quote);
        if (has === undefined) continue;
        if (printed.includes(s) && !has)
          problems.push(`position ${p.id}: its quote is not in ${s}, which it is shown under`);
        if (!printed.includes(s) && has)
          problems.push(`position ${p.id}: ${s} prints its quote but is not in quoteSourceIds`);
      }
    }
    for (const phrase of quotedPhrases(p.summary)) {
      for (const s of p.sourceIds) {
        if (text(s)?.includes(phrase) === false)
          problems.push(
            `position ${p.id}: its summary quotes “${phrase}”, which ${s} does not print`,
          );
      }
    }
  }
  return problems;
}
