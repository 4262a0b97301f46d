import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '@/lib/content/intent';

describe('hover intent', () => {
  let opened: string[];
  let closed: number;
  let intent: HoverIntent<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    opened = [];
    closed = 0;
    intent = new HoverIntent<string>({
      dwellMs: () => 400,
      graceMs: 300,
      open: (m) => opened.push(m),
      close: () => closed++,
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
    });
  });

  it('opens after the pointer rests for the dwell delay', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(399);
    expect(opened).toEqual([]);
    intent.pointer('musk', false);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['musk']);
  });

  it('opens nothing on a quick pass', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(150);
    intent.pointer(undefined, false);
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
  });

  it('stays open while the pointer is in the card and closes after the grace period outside both', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(400);
    intent.pointer(undefined, true);
    vi.advanceTimersByTime(5000);
    expect(closed).toBe(0);
    intent.pointer(undefined, false);
    vi.advanceTimersByTime(299);
    expect(closed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(closed).toBe(1);
    expect(intent.openMention).toBeUndefined();
  });

  it('coming back within the grace period keeps the card', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(400);
    intent.pointer(undefined, false);
    vi.advanceTimersByTime(200);
    intent.pointer('musk', false);
    vi.advanceTimersByTime(1000);
    expect(closed).toBe(0);
  });

  it('a pinned card ignores the pointer leaving', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(400);
    intent.setPinned(true);
    intent.pointer(undefined, false);
    vi.advanceTimersByTime(5000);
    expect(closed).toBe(0);
    intent.hide();
    expect(closed).toBe(1);
    expect(intent.isPinned).toBe(false);
  });

  it('dwelling on another mention switches the card', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(400);
    intent.pointer('lecun', false);
    vi.advanceTimersByTime(400);
    expect(opened).toEqual(['musk', 'lecun']);
    expect(closed).toBe(0);
  });

  it('a quick pass over another mention on the way out still closes the card', () => {
    intent.pointer('musk', false);
    vi.advanceTimersByTime(400);
    intent.pointer('lecun', false);
    vi.advanceTimersByTime(100);
    intent.pointer(undefined, false);
    vi.advanceTimersByTime(300);
    expect(opened).toEqual(['musk']);
    expect(closed).toBe(1);
  });
});
