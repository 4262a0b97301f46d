import type { Position, Source, Topic } from '@/lib/dataset/schema';
import { attributionOf, formatDate, formatPositionDate, KIND_LABEL, showsExcerpt } from './format';
import { HighlightedText } from './HighlightedText';

/** Lookups a position needs to render its sources, topic, speaker and disputes. */
export interface PositionLookups {
  sources: ReadonlyMap<string, Source>;
  topics: ReadonlyMap<string, Topic>;
  names: Readonly<Record<string, string>>;
  positions: ReadonlyMap<string, Position>;
}

/** Publisher · date, linked only when the source has a verified address, with its notes. */
export function SourceCitation({ source }: { source: Source }) {
  const label = `${source.publisher} · ${formatDate(source.date, source.dateApproximate)}`;
  return (
    <span class="fc-source">
      {source.url ? (
        <a
          href={source.url}
          target="_blank"
          rel="noopener noreferrer"
          title={source.title ?? source.publisher}
        >
          {label}
        </a>
      ) : (
        <span title={source.title}>{label}</span>
      )}
      {source.notes && source.notes.length > 0 ? (
        <details class="fc-notes">
          <summary>
            <span class="fc-info" aria-hidden="true">
              i
            </span>
            <span class="fc-sr">Notes on {source.publisher}</span>
          </summary>
          <ul>
            {source.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </span>
  );
}

/** The kind badge: Quote, Reported or Fact. */
export function KindBadge({ kind }: { kind: Position['kind'] }) {
  return <span class={`fc-badge fc-badge-${kind}`}>{KIND_LABEL[kind]}</span>;
}

/** The sources of a position that the lookups know (the enabled ones), in the position's order. */
function sourcesOf(position: Position, lookups: PositionLookups): Source[] {
  return position.sourceIds.map((id) => lookups.sources.get(id)).filter((s): s is Source => !!s);
}

/**
 * The words of a position: our summary, so it always reads as a sentence; the excerpt under it
 * (a quote set off as the entity's words, a paraphrase's quoted fragment in small type) unless the
 * summary already carries it; then who printed the words and who reported the claim.
 */
function PositionText({
  position,
  lookups,
  query,
}: {
  position: Position;
  lookups: PositionLookups;
  query?: string;
}) {
  const attribution = attributionOf(position, (id) => lookups.sources.get(id)?.publisher);
  return (
    <>
      <p class="fc-text">
        <HighlightedText text={position.summary} query={query} />
      </p>
      {position.quote !== undefined && showsExcerpt(position) ? (
        <p class={position.kind === 'quote' ? 'fc-quote' : 'fc-excerpt'}>
          “<HighlightedText text={position.quote} query={query} />”
        </p>
      ) : null}
      {attribution ? <p class="fc-attribution">{attribution}</p> : null}
    </>
  );
}

const RELATED_LABEL = {
  reply: 'In reply to — ',
  dispute: 'Disputed — ',
  account: 'Another account — ',
} as const;

/** A linked position in one line: its summary (which names whose it is) and its sources. */
function RelatedLine({
  relation,
  position,
  lookups,
}: {
  relation: keyof typeof RELATED_LABEL;
  position: Position;
  lookups: PositionLookups;
}) {
  return (
    <p class={`fc-related fc-related-${relation}`}>
      <strong>{RELATED_LABEL[relation]}</strong>
      {position.summary}{' '}
      {sourcesOf(position, lookups).map((s) => (
        <SourceCitation key={s.id} source={s} />
      ))}
    </p>
  );
}

/**
 * One position as a list item: kind badge, speaker (when shown among others), summary, excerpt
 * and attribution, topic, date, sources, and the positions it replies to, is disputed by or is
 * another account of. The card, the popup, search and compare all render positions with it.
 * Renders; fetches nothing.
 */
export function PositionItem({
  position,
  lookups,
  showSpeaker,
  query,
}: {
  position: Position;
  lookups: PositionLookups;
  showSpeaker?: boolean;
  query?: string;
}) {
  const topic = lookups.topics.get(position.topic);
  const sources = sourcesOf(position, lookups);
  const linked = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => lookups.positions.get(id)).filter((p): p is Position => !!p);
  return (
    <li class="fc-position" data-position-id={position.id}>
      <div class="fc-position-head">
        <KindBadge kind={position.kind} />
        {showSpeaker ? (
          <span class="fc-speaker">{lookups.names[position.entityId] ?? position.entityId}</span>
        ) : null}
      </div>
      <PositionText position={position} lookups={lookups} query={query} />
      <p class="fc-meta">
        {topic ? <span class="fc-topic">{topic.label}</span> : null}
        <span class="fc-date">{formatPositionDate(position)}</span>
        {sources.map((s) => (
          <SourceCitation key={s.id} source={s} />
        ))}
      </p>
      {linked(position.respondsTo).map((p) => (
        <RelatedLine key={p.id} relation="reply" position={p} lookups={lookups} />
      ))}
      {linked(position.disputedBy).map((p) => (
        <RelatedLine key={p.id} relation="dispute" position={p} lookups={lookups} />
      ))}
      {linked(position.otherAccounts).map((p) => (
        <RelatedLine key={p.id} relation="account" position={p} lookups={lookups} />
      ))}
    </li>
  );
}
