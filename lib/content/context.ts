/**
 * The content script's lifetime, in place of WXT's `ContentScriptContext`: wxt.config.ts resolves
 * `wxt/utils/content-script-context` to this module in the content-script build, so the context
 * WXT hands to `main(ctx)` is this one.
 *
 * WXT's context announces every start to the page: a `window.postMessage` and a `document` event
 * whose type is `<extension id>:content:wxt:content-script-started`. Any page could read from it
 * that Fact Cards is installed, and its id; and a page that dispatched the same event would switch
 * the content script off. This context tells the page nothing: a script that starts again in the
 * same frame (the same extension's isolated world) stops the previous one through a property of
 * that world's own global, which page script cannot see or set.
 */
import { browser } from 'wxt/browser';

/** Where the running context of this frame is kept, in the content script's own global. */
const CURRENT = Symbol.for('factcards.contentScriptContext');

type ContextScope = typeof globalThis & { [CURRENT]?: ContentScriptContext };

/** A content script's lifetime: invalidated when a newer instance starts or the extension goes. */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const scope = globalThis as ContextScope;
    scope[CURRENT]?.abort('a newer content script started in this frame');
    scope[CURRENT] = this;
  }

  /** Aborted when this script is no longer the extension's (updated, reloaded, replaced). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Ends this script's lifetime: every `onInvalidated` callback runs once. */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** True once the script is orphaned: the extension was updated, reloaded or removed. */
  get isInvalid(): boolean {
    // An orphaned content script keeps running but loses its extension: `runtime.id` goes away.
    if (browser.runtime?.id == null) this.abort('the extension context was invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `callback` when the script's lifetime ends; returns the unsubscribe. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** `setTimeout` that never fires after the lifetime ended. */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** `setInterval` that stops with the lifetime. */
  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  /** `addEventListener` bound to the lifetime (removed when it ends). */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
