import type { PositionKind } from '@/lib/dataset/schema';

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

/** The badge label of a position kind. */
export const KIND_LABEL: Record<PositionKind, string> = {
  quote: 'Quote',
  paraphrase: 'Reported',
  fact: 'Fact',
};
