import type { CardData } from '@/lib/dataset/query';
import type { Position } from '@/lib/dataset/schema';
import { PositionItem, type PositionLookups } from './PositionItem';

/** Builds the lookups a card's positions render with. */
export function cardLookups(data: CardData): PositionLookups {
  return {
    sources: new Map(data.sources.map((s) => [s.id, s])),
    topics: new Map(data.topics.map((t) => [t.id, t])),
    names: data.names,
    positions: new Map([...data.positions, ...data.about, ...data.related].map((p) => [p.id, p])),
  };
}

export interface CardProps {
  data: CardData;
  /** A note about the alias that matched ("Khosla Ventures is Vinod Khosla's firm"). */
  aliasNote?: string;
  pinned: boolean;
  onPin: (pinned: boolean) => void;
  onClose: () => void;
  onOpenAll: () => void;
  /** How many of the entity's own positions to show before "All N positions". @default 5 */
  maxOwn?: number;
  /** How many positions about the entity to show. @default 3 */
  maxAbout?: number;
  /** `light`, `dark` or `system` (follows prefers-color-scheme). */
  theme: 'system' | 'light' | 'dark';
}

/**
 * The hover card: who this is, their sourced positions, what others said about them, and a
 * way to all of it. A non-modal dialog named by the entity's display name (docs/DESIGN.md contract 1).
 */
export function Card({
  data,
  aliasNote,
  pinned,
  onPin,
  onClose,
  onOpenAll,
  maxOwn = 5,
  maxAbout = 3,
  theme,
}: CardProps) {
  const { entity } = data;
  const lookups = cardLookups(data);
  const role = entity.roles[0];
  const own: Position[] = data.positions.slice(0, maxOwn);
  const about: Position[] = data.about.slice(0, maxAbout);
  const nothing = data.positions.length === 0 && data.about.length === 0;
  return (
    <div
      class={`fc-card fc-theme-${theme}`}
      role="dialog"
      aria-label={entity.displayName}
      tabIndex={-1}
    >
      <header class="fc-header">
        <div class="fc-heading">
          <h2 class="fc-name">{entity.displayName}</h2>
          <p class="fc-description">{entity.description}</p>
          {role ? (
            <p class="fc-role">
              {role.title}
              {role.org ? `, ${role.org}` : ''}
            </p>
          ) : null}
          {aliasNote ? <p class="fc-alias-note">{aliasNote}</p> : null}
        </div>
        <div class="fc-actions">
          <button
            type="button"
            class="fc-icon"
            aria-pressed={pinned}
            aria-label="Keep this card open"
            title="Keep open"
            onClick={() => onPin(!pinned)}
          >
            <svg
              aria-hidden="true"
              width="16"
              height="16"
              viewBox="0 0 16 16"
              fill={pinned ? 'currentColor' : 'none'}
              stroke="currentColor"
              stroke-width="1.5"
            >
              <path d="M6 1.5h4l-.5 4 2.5 2.5v1.5H4V8l2.5-2.5z" />
              <path d="M8 9.5v5" fill="none" />
            </svg>
          </button>
          <button
            type="button"
            class="fc-icon"
            aria-label="Close card"
            title="Close (Esc)"
            onClick={onClose}
          >
            <svg
              aria-hidden="true"
              width="14"
              height="14"
              viewBox="0 0 14 14"
              stroke="currentColor"
              stroke-width="1.8"
              stroke-linecap="round"
            >
              <path d="M3 3l8 8M11 3l-8 8" />
            </svg>
          </button>
        </div>
      </header>
      <div class="fc-body">
        {nothing ? (
          <p class="fc-empty">
            No enabled source covers {entity.displayName}. Sources can be switched on in the
            extension's options.
          </p>
        ) : null}
        {own.length > 0 ? (
          <section class="fc-section">
            <h3>Positions</h3>
            <ul class="fc-list">
              {own.map((p) => (
                <PositionItem key={p.id} position={p} lookups={lookups} />
              ))}
            </ul>
          </section>
        ) : null}
        {about.length > 0 ? (
          <section class="fc-section">
            <h3>Said about {entity.displayName}</h3>
            <ul class="fc-list">
              {about.map((p) => (
                <PositionItem key={p.id} position={p} lookups={lookups} showSpeaker />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <footer class="fc-footer">
        <button type="button" class="fc-link" onClick={onOpenAll}>
          All {data.total} positions
        </button>
      </footer>
    </div>
  );
}
