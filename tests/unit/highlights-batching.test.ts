// MentionHighlights applies marks in batches (HIGHLIGHT_FLUSH_MS): Chromium rebuilds every
// highlight's markers after any change, so changes frame after frame cost quadratic rendering.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_FLUSH_MS, MentionHighlights } from '@/lib/dom/highlights';

/** A window whose Highlight records what reaches it, at what (fake) time. */
function recordingWindow() {
  const applied: string[] = [];
  const win = {
    Highlight: class {
      add(range: { id: string }) {
        applied.push(`+${range.id}@${Date.now()}`);
      }
      delete(range: { id: string }) {
        applied.push(`-${range.id}@${Date.now()}`);
      }
      clear() {}
    },
    CSS: { highlights: new Map() },
    CSSStyleSheet: class {
      replaceSync() {}
    },
    performance: { now: () => Date.now() },
  } as unknown as Window & typeof globalThis;
  return { win, applied };
}

const range = (id: string) => ({ id }) as unknown as Range;

describe('MentionHighlights batching', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies the first change at the end of the task, then at most once per interval, in order', async () => {
    const { win, applied } = recordingWindow();
    const highlights = new MentionHighlights(win);
    highlights.add(range('a'));
    highlights.add(range('b'));
    expect(applied).toEqual([]);
    await Promise.resolve();
    expect(applied).toEqual(['+a@10000', '+b@10000']);

    vi.advanceTimersByTime(50);
    highlights.delete(range('a'));
    highlights.add(range('a2'));
    vi.advanceTimersByTime(100);
    highlights.add(range('c'));
    await Promise.resolve();
    expect(applied).toHaveLength(2);
    vi.advanceTimersByTime(HIGHLIGHT_FLUSH_MS - 150);
    // A swap lands as one batch: the old mark and its replacement in the same task.
    expect(applied.slice(2)).toEqual(['-a@10250', '+a2@10250', '+c@10250']);

    vi.advanceTimersByTime(HIGHLIGHT_FLUSH_MS * 2);
    highlights.add(range('d'));
    await Promise.resolve();
    expect(applied.at(-1)).toBe('+d@10750');
  });

  it('drops pending changes when cleared', async () => {
    const { win, applied } = recordingWindow();
    const highlights = new MentionHighlights(win);
    highlights.add(range('a'));
    await Promise.resolve();
    highlights.add(range('b'));
    highlights.clear();
    vi.advanceTimersByTime(HIGHLIGHT_FLUSH_MS * 2);
    expect(applied).toEqual(['+a@10000']);
  });
});
