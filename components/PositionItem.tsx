import type { Position, Source, Topic } from '@/lib/dataset/schema';
import { formatDate, KIND_LABEL } from './format';
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

/** The words of a position: the quote in quotation marks, or our summary. */
function PositionText({ position, query }: { position: Position; query?: string }) {
  if (position.kind === 'quote' && position.quote) {
    return (
      <p class="fc-text fc-quote">
        “<HighlightedText text={position.quote} query={query} />”
      </p>
    );
  }
  return (
    <>
      <p class="fc-text">
        <HighlightedText text={position.summary} query={query} />
      </p>
      {position.quote ? (
        <p class="fc-excerpt">
          {position.reportedBy ? `${position.reportedBy}: ` : ''}“
          <HighlightedText text={position.quote} query={query} />”
        </p>
      ) : position.reportedBy ? (
        <p class="fc-reported">Reported by {position.reportedBy}</p>
      ) : null}
    </>
  );
}

function RelatedLine({
  label,
  position,
  lookups,
}: {
  label: string;
  position: Position;
  lookups: PositionLookups;
}) {
  const speaker = lookups.names[position.entityId] ?? position.entityId;
  const text =
    position.kind === 'quote' && position.quote ? `“${position.quote}”` : position.summary;
  const sources = position.sourceIds
    .map((id) => lookups.sources.get(id))
    .filter((s): s is Source => !!s);
  return (
    <p class={`fc-related fc-related-${label === 'Disputed' ? 'dispute' : 'reply'}`}>
      <strong>{label === 'Disputed' ? 'Disputed — ' : 'In reply to — '}</strong>
      {position.kind === 'fact' ? '' : `${speaker}: `}
      {text}{' '}
      {sources.map((s) => (
        <SourceCitation key={s.id} source={s} />
      ))}
    </p>
  );
}

/**
 * One position as a list item: kind badge, speaker (when shown among others), text, topic,
 * date, sources, and the claims it disputes or replies to. Renders; fetches nothing.
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
  const sources = position.sourceIds
    .map((id) => lookups.sources.get(id))
    .filter((s): s is Source => !!s);
  const disputes = (position.disputedBy ?? [])
    .map((id) => lookups.positions.get(id))
    .filter((p): p is Position => !!p);
  const replies = (position.respondsTo ?? [])
    .map((id) => lookups.positions.get(id))
    .filter((p): p is Position => !!p);
  return (
    <li class="fc-position" data-position-id={position.id}>
      <div class="fc-position-head">
        <KindBadge kind={position.kind} />
        {showSpeaker ? (
          <span class="fc-speaker">{lookups.names[position.entityId] ?? position.entityId}</span>
        ) : null}
      </div>
      <PositionText position={position} query={query} />
      <p class="fc-meta">
        {topic ? <span class="fc-topic">{topic.label}</span> : null}
        <span class="fc-date">{formatDate(position.date, position.dateApproximate)}</span>
        {sources.map((s) => (
          <SourceCitation key={s.id} source={s} />
        ))}
      </p>
      {replies.map((p) => (
        <RelatedLine key={p.id} label="In reply to" position={p} lookups={lookups} />
      ))}
      {disputes.map((p) => (
        <RelatedLine key={p.id} label="Disputed" position={p} lookups={lookups} />
      ))}
    </li>
  );
}
