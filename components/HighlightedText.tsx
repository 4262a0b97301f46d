import { foldForSearch, queryTerms } from '@/lib/dataset/query';

/**
 * Renders text with the query's words wrapped in `<mark>`, as text nodes only (never HTML).
 * Matching is case-insensitive; accent folding is left out here so offsets stay exact.
 */
export function HighlightedText({ text, query }: { text: string; query?: string }) {
  // The same terms the search matched: every word, or one quoted phrase.
  const terms = (query ? queryTerms(foldForSearch(query).trim()) : []).filter((t) => t.length > 1);
  if (terms.length === 0) return <>{text}</>;
  const lower = text.toLowerCase().replace(/[‘’ʼ]/g, "'");
  const marks: [number, number][] = [];
  for (const term of terms) {
    for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length))
      marks.push([i, i + term.length]);
  }
  if (marks.length === 0) return <>{text}</>;
  marks.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
