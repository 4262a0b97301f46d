/**
 * The one message protocol: every message type with its request and response schemas.
 * Senders and receivers validate with these; anything else is ignored.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { CardDataSchema } from './dataset/query';

const entityIds = z
  .array(z.string().check(z.minLength(1), z.maxLength(100)))
  .check(z.maxLength(100));
/** At most this many entities in one frame's report: the dataset has four; anything far larger is not ours. */
export const MAX_REPORTED_ENTITIES = 32;
const mentionCounts = z
  .record(z.string().check(z.maxLength(100)), z.int().check(z.gte(0), z.lte(1_000_000)))
  .check(
    z.refine((counts) => Object.keys(counts).length <= MAX_REPORTED_ENTITIES, {
      message: `at most ${MAX_REPORTED_ENTITIES} entities`,
    }),
  );

/**
 * Who may send a request to the background:
 * - `content`: a content script, acting for the tab and frame it runs in (`sender.tab`);
 * - `page`: one of the extension's own pages (popup, options, full view), which may name a tab;
 * - `any`: either.
 * A web page's content script never gets to act on another tab.
 */
export type SenderKind = 'content' | 'page';

/** Requests handled by the background. */
export const BackgroundRequests = {
  /** Card data for entities found on a page, filtered by the reader's settings. */
  getCards: {
    from: 'any',
    request: z.object({ type: z.literal('getCards'), entityIds }),
    response: z.object({ cards: z.array(CardDataSchema), from: z.enum(['cache', 'bundle']) }),
  },
  /** A frame's mention counts, kept per tab for the popup's "On this page" and the badge. */
  reportMentions: {
    from: 'content',
    request: z.object({
      type: z.literal('reportMentions'),
      counts: mentionCounts,
      hostname: z.string().check(z.maxLength(253)),
      /** Fact Cards marks nothing in this frame (site off, or hidden in the tab). */
      off: z.boolean(),
    }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Aggregated mention counts of a tab (all its frames). */
  getTabMentions: {
    from: 'page',
    request: z.object({ type: z.literal('getTabMentions'), tabId: z.int() }),
    response: z.object({ counts: mentionCounts }),
  },
  /** Scroll a tab to the `index`-th mention of an entity, across its frames. */
  revealInTab: {
    from: 'page',
    request: z.object({
      type: z.literal('revealInTab'),
      tabId: z.int(),
      entityId: z.string().check(z.maxLength(100)),
      index: z.int().check(z.gte(0)),
    }),
    response: z.object({ ok: z.boolean(), total: z.int() }),
  },
  /** Open the full browse view for an entity (the card's "All N positions"); rate-limited. */
  openBrowse: {
    from: 'content',
    request: z.object({
      type: z.literal('openBrowse'),
      entityId: z.optional(z.string().check(z.maxLength(100))),
    }),
    response: z.object({ ok: z.boolean() }),
  },
  /** The stored matcher config was found invalid: rewrite it from the bundle. */
  repairMatcherConfig: {
    from: 'any',
    request: z.object({ type: z.literal('repairMatcherConfig') }),
    response: z.object({ ok: z.boolean() }),
  },
} as const;

/** Requests handled by content scripts (sent to a tab). */
export const ContentRequests = {
  /** Runs a keyboard command (from manifest `commands`). */
  runCommand: {
    request: z.object({
      type: z.literal('runCommand'),
      command: z.enum(['next-mention', 'close-card']),
    }),
    response: z.object({ ok: z.boolean() }),
  },
  /** The top frame's host name and whether the extension is hidden in this tab. */
  getPageState: {
    request: z.object({ type: z.literal('getPageState') }),
    response: z.object({ hostname: z.string(), hiddenOnce: z.boolean() }),
  },
  /** Report this frame's mention counts again (the background may have forgotten them). */
  reportNow: {
    request: z.object({ type: z.literal('reportNow') }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Hide (or show again) the extension in this tab until reload. */
  setHiddenOnce: {
    request: z.object({ type: z.literal('setHiddenOnce'), hidden: z.boolean() }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Scroll to this frame's `index`-th mention of an entity and mark it briefly. */
  revealMention: {
    request: z.object({
      type: z.literal('revealMention'),
      entityId: z.string(),
      index: z.int().check(z.gte(0)),
    }),
    response: z.object({ ok: z.boolean() }),
  },
} as const;

type Protocol = typeof BackgroundRequests & typeof ContentRequests;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;
export type BackgroundMessage = {
  [K in keyof typeof BackgroundRequests]: RequestOf<K>;
}[keyof typeof BackgroundRequests];
export type ContentMessage = {
  [K in keyof typeof ContentRequests]: RequestOf<K>;
}[keyof typeof ContentRequests];

/** Raised when a reply is missing or does not match the protocol. */
export class MessageError extends Error {
  override name = 'MessageError';
}

const BackgroundMessageSchema = z.discriminatedUnion(
  'type',
  Object.values(BackgroundRequests).map((m) => m.request) as unknown as [
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ],
);
const ContentMessageSchema = z.discriminatedUnion(
  'type',
  Object.values(ContentRequests).map((m) => m.request) as unknown as [
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ],
);

/** Validates an incoming message for the background; undefined when it is not ours or malformed. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | undefined {
  const result = BackgroundMessageSchema.safeParse(raw);
  return result.success ? (result.data as BackgroundMessage) : undefined;
}

/** Validates an incoming message for a content script. */
export function parseContentMessage(raw: unknown): ContentMessage | undefined {
  const result = ContentMessageSchema.safeParse(raw);
  return result.success ? (result.data as ContentMessage) : undefined;
}

function checkedResponse<T extends MessageType>(type: T, raw: unknown): ResponseOf<T> {
  const schema =
    (BackgroundRequests as Record<string, { response: z.ZodMiniType }>)[type] ??
    (ContentRequests as Record<string, { response: z.ZodMiniType }>)[type];
  const result = schema!.response.safeParse(raw);
  if (!result.success) throw new MessageError(`invalid reply to ${type}`);
  return result.data as ResponseOf<T>;
}

/** Sends a request to the background and validates the reply. */
export async function sendToBackground<M extends BackgroundMessage>(
  message: M,
): Promise<ResponseOf<M['type']>> {
  return checkedResponse(message.type, await browser.runtime.sendMessage(message)) as ResponseOf<
    M['type']
  >;
}

/** Sends a request to a tab's content script(s) and validates the reply. */
export async function sendToTab<M extends ContentMessage>(
  tabId: number,
  message: M,
  options?: { frameId?: number },
): Promise<ResponseOf<M['type']>> {
  return checkedResponse(
    message.type,
    await browser.tabs.sendMessage(tabId, message, options),
  ) as ResponseOf<M['type']>;
}

/** One side of the protocol: message types with their schemas and, for the background, senders. */
type ProtocolSide = Record<
  string,
  { request: z.ZodMiniType; response: z.ZodMiniType; from?: SenderKind | 'any' }
>;

/** Who sent a message, as handlers see it. */
export interface MessageSender {
  kind: SenderKind;
  /** The sender's tab and frame (a content script's own; an extension page in a tab has one too). */
  tabId?: number;
  frameId?: number;
}

/** The browser's description of a sender, the parts we read. */
export interface RuntimeSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * An extension page sends from the extension's own origin; anything else (a content script in a
 * web page or frame, whatever its URL) counts as a content script, the least trusted kind.
 */
export function senderKind(sender: RuntimeSender, ownOrigin: string): SenderKind {
  return ownOrigin !== '' && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin)
    ? 'page'
    : 'content';
}

/** A handler for every message of one side of the protocol. */
export type Handlers<P extends ProtocolSide> = {
  [K in keyof P]: (
    request: z.infer<P[K]['request']>,
    sender: MessageSender,
  ) => Promise<z.infer<P[K]['response']>> | z.infer<P[K]['response']>;
};

/**
 * Builds an `onMessage` listener from handlers: validates the message, the sender (only our own
 * extension) and the sender's kind (a message a content script may not send is refused), answers
 * through `sendResponse` (and `return true`), and ignores the rest.
 * @param own this extension's id and origin (`browser.runtime.getURL('')`)
 */
export function createListener<P extends ProtocolSide>(
  protocol: P,
  parse: (raw: unknown) => { type: string } | undefined,
  handlers: Handlers<P>,
  own: { id: () => string; origin: () => string },
) {
  return (
    raw: unknown,
    sender: RuntimeSender,
    sendResponse: (r: unknown) => void,
  ): true | undefined => {
    if (sender.id !== own.id()) return undefined;
    const message = parse(raw);
    if (!message) return undefined;
    const kind = senderKind(sender, own.origin());
    const allowed = protocol[message.type]?.from ?? 'any';
    if (allowed !== 'any' && allowed !== kind) {
      console.warn(
        `[factcards] refused ${message.type} from a ${kind === 'page' ? 'page' : 'content script'}`,
      );
      return undefined;
    }
    const handler = handlers[message.type as keyof P] as (m: unknown, s: MessageSender) => unknown;
    Promise.resolve()
      .then(() => handler(message, { kind, tabId: sender.tab?.id, frameId: sender.frameId }))
      .then(sendResponse, (error: unknown) => {
        console.warn(`[factcards] ${message.type} failed:`, error);
        sendResponse(undefined);
      });
    return true;
  };
}
