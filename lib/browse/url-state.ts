/**
 * The browse view's state as URL parameters, so a full view can be bookmarked or shared:
 * `browse.html?view=compare&entity=elon-musk&topic=ai-risk&q=open+source`.
 * Parsing never throws; a malformed value is dropped, not guessed at.
 */
import type { PositionKind } from '../dataset/schema';

export type BrowseTab = 'browse' | 'search' | 'compare';

/** What the browse view shows. Every field but `view` and `q` is optional. */
export interface BrowseState {
  /** The tab: browse by entity, search, or compare by topic. @default 'browse' */
  view: BrowseTab;
  /** The entity chosen in Browse. */
  entity?: string;
  /** A topic filter (Browse) or the one topic shown (Compare). */
  topic?: string;
  /** A source filter (Browse). */
  source?: string;
  /** A kind filter (Browse). */
  kind?: PositionKind;
  /** The search query, as typed. @default '' */
  q: string;
  /** Compare shows only topics where at least two entities disagree. @default false */
  disputed?: boolean;
}

/** The longest query kept from a URL. */
export const MAX_QUERY_LENGTH = 200;

const VIEWS: readonly BrowseTab[] = ['browse', 'search', 'compare'];
const KINDS: readonly PositionKind[] = ['quote', 'paraphrase', 'fact'];
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function id(value: string | null): string | undefined {
  return value !== null && ID.test(value) ? value : undefined;
}

/**
 * Reads the browse state from a query string (`location.search`). Without a `view`, a query
 * opens Search and an entity opens Browse.
 */
export function parseBrowseState(search: string): BrowseState {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  const rawView = params.get('view');
  const view: BrowseTab = VIEWS.includes(rawView as BrowseTab)
    ? (rawView as BrowseTab)
    : q.trim()
      ? 'search'
      : 'browse';
  const rawKind = params.get('kind');
  const state: BrowseState = { view, q };
  const entity = id(params.get('entity'));
  const topic = id(params.get('topic'));
  const source = id(params.get('source'));
  if (entity) state.entity = entity;
  if (topic) state.topic = topic;
  if (source) state.source = source;
  if (KINDS.includes(rawKind as PositionKind)) state.kind = rawKind as PositionKind;
  if (params.get('disputed') === '1') state.disputed = true;
  return state;
}

/**
 * Writes the state as a query string (`?…`, or `''` for the default state), in a stable
 * order, leaving out defaults. `keep` carries parameters that are not browse state (`tabId`).
 */
export function serializeBrowseState(
  state: BrowseState,
  keep: Readonly<Record<string, string>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(keep)) params.set(key, value);
  if (state.view !== 'browse') params.set('view', state.view);
  if (state.entity) params.set('entity', state.entity);
  if (state.topic) params.set('topic', state.topic);
  if (state.source) params.set('source', state.source);
  if (state.kind) params.set('kind', state.kind);
  if (state.q) params.set('q', state.q.slice(0, MAX_QUERY_LENGTH));
  if (state.disputed) params.set('disputed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
