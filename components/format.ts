import type { Position, PositionKind } from '@/lib/dataset/schema';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-05-29` → `29 May 2024`, `2024-06` → `June 2024`, `2024` → `2024`; "approx." when approximate. */
export function formatDate(date: string, approximate?: boolean): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const text = d && month ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : (y ?? date);
  return approximate ? `approx. ${text}` : text;
}

/**
 * A position's date as it should read: the event's date (`approx. 2 June 2024`), or, where the
 * text does not date the event, the day it was reported (`reported 29 May 2024`). `filterPositions`
 * has already dated a reported position by the earliest source still shown.
 */
export function formatPositionDate(
  position: Pick<Position, 'date' | 'dateIs' | 'dateApproximate'>,
): string {
  const date = formatDate(position.date, position.dateApproximate);
  return position.dateIs === 'reported' ? `reported ${date}` : date;
}

const LIST = new Intl.ListFormat('en-GB');

/** `A`, `A and B`, `A, B and C`. */
export function listNames(names: readonly string[]): string {
  return LIST.format(names);
}

/**
 * Who stands behind a position, in words, from the sources still shown (so a switched-off outlet
 * is never named): "Reported by WinBuzzer", "Reported by Yann LeCun, via VentureBeat", and, where
 * only some outlets print the excerpt, "Words printed by NewsBytes; VentureBeat and WinBuzzer also
 * report the claim". `undefined` when the citations alone say it all (a quote every source prints,
 * a fact).
 */
export function attributionOf(
  position: Pick<Position, 'kind' | 'quote' | 'quoteSourceIds' | 'reportedBy' | 'sourceIds'>,
  publisherOf: (sourceId: string) => string | undefined,
): string | undefined {
  const publishers = (ids: readonly string[]) => listNames(ids.map((id) => publisherOf(id) ?? id));
  const printed =
    position.quote === undefined
      ? []
      : (position.quoteSourceIds ?? position.sourceIds).filter((id) =>
          position.sourceIds.includes(id),
        );
  const others = position.sourceIds.filter((id) => !printed.includes(id));
  const split = printed.length > 0 && others.length > 0;
  const reported = position.kind === 'paraphrase' || !!position.reportedBy;
  if (reported && position.kind !== 'quote') {
    const all = publishers(position.sourceIds);
    const by = position.reportedBy
      ? `Reported by ${position.reportedBy}, via ${all}`
      : `Reported by ${all}`;
    return split ? `${by}; words as printed by ${publishers(printed)}` : by;
  }
  if (!split) return undefined;
  const verb = others.length === 1 ? 'reports' : 'report';
  return `Words printed by ${publishers(printed)}; ${publishers(others)} also ${verb} the claim`;
}

/**
 * Whether a position's excerpt needs a line of its own: not when the summary already carries the
 * same words (a paraphrase such as `labels them “doomers”`).
 */
export function showsExcerpt(position: Pick<Position, 'summary' | 'quote'>): boolean {
  if (position.quote === undefined) return false;
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  return !fold(position.summary).includes(fold(position.quote));
}

/** The badge label of a position kind. */
export const KIND_LABEL: Record<PositionKind, string> = {
  quote: 'Quote',
  paraphrase: 'Reported',
  fact: 'Fact',
};
