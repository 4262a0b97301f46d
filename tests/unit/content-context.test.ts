// The content script's lifetime context (lib/content/context.ts), which replaces WXT's in the
// content-script build: it says nothing to the page, a newer instance stops the older one through
// the isolated world's own global, and it ends when the extension goes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '@/lib/content/context';

describe('ContentScriptContext', () => {
  let runtimeId: string | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    runtimeId = fakeBrowser.runtime.id;
    vi.useFakeTimers();
  });
  afterEach(() => {
    (fakeBrowser.runtime as { id?: string }).id = runtimeId;
    vi.useRealTimers();
  });

  it('posts no message and dispatches no event when it starts', () => {
    // What WXT's context uses to announce a start: window.postMessage and document events.
    const page = { postMessage: vi.fn(), dispatchEvent: vi.fn(), addEventListener: vi.fn() };
    const doc = { dispatchEvent: vi.fn(), addEventListener: vi.fn() };
    vi.stubGlobal('window', page);
    vi.stubGlobal('document', doc);
    try {
      new ContentScriptContext('content');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(page.postMessage).not.toHaveBeenCalled();
    expect(page.dispatchEvent).not.toHaveBeenCalled();
    expect(doc.dispatchEvent).not.toHaveBeenCalled();
    expect(doc.addEventListener).not.toHaveBeenCalled();
  });

  it('is ended by a newer instance in the same frame, which stays valid', () => {
    const older = new ContentScriptContext('content');
    const ended = vi.fn();
    older.onInvalidated(ended);
    const newer = new ContentScriptContext('content');
    expect(ended).toHaveBeenCalledOnce();
    expect(older.isInvalid).toBe(true);
    expect(newer.isValid).toBe(true);
  });

  it('ends when the extension goes (runtime.id is gone), and its timers never fire after', () => {
    const ctx = new ContentScriptContext('content');
    const timer = vi.fn();
    const interval = vi.fn();
    ctx.setTimeout(timer, 100);
    ctx.setInterval(interval, 50);
    vi.advanceTimersByTime(60);
    expect(interval).toHaveBeenCalledOnce();
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(ctx.isInvalid).toBe(true);
    vi.advanceTimersByTime(500);
    expect(timer).not.toHaveBeenCalled();
    expect(interval).toHaveBeenCalledOnce();
  });

  it('removes listeners it added once the lifetime ends', () => {
    const ctx = new ContentScriptContext('content');
    const target = new EventTarget();
    const handler = vi.fn();
    ctx.addEventListener(target, 'ping', handler);
    target.dispatchEvent(new Event('ping'));
    ctx.abort();
    target.dispatchEvent(new Event('ping'));
    expect(handler).toHaveBeenCalledOnce();
  });
});
