import { describe, expect, it } from 'vitest';
import { placeCard } from '@/lib/content/placement';

const viewport = { width: 1280, height: 800 };
const box = (left: number, top: number, width = 80, height = 20) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('card placement', () => {
  it.each([
    // [case, anchor, card, expected]
    [
      'below, at the left edge of the name',
      box(100, 100),
      { width: 360, height: 300 },
      { x: 100, y: 126, side: 'below' },
    ],
    [
      'above when it only fits above',
      box(100, 700),
      { width: 360, height: 300 },
      { x: 100, y: 394, side: 'above' },
    ],
    [
      'shifted left to stay inside',
      box(1200, 100),
      { width: 360, height: 300 },
      { x: 912, y: 126, side: 'below' },
    ],
    [
      'shifted right of the padding',
      box(-40, 100),
      { width: 360, height: 300 },
      { x: 8, y: 126, side: 'below' },
    ],
  ] as const)('%s', (_, anchor, card, expected) => {
    expect(placeCard(anchor, card, viewport)).toMatchObject(expected);
  });

  it('never exceeds 70% of the viewport, and scrolls inside beyond it', () => {
    const p = placeCard(box(100, 50), { width: 360, height: 2000 }, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBeCloseTo(560);
  });

  it('takes the roomier side when it fits on neither, down to a minimum height', () => {
    const tight = { width: 1280, height: 300 };
    const high = placeCard(box(100, 60), { width: 360, height: 400 }, tight);
    expect(high).toMatchObject({ side: 'below', y: 86 });
    expect(high.maxHeight).toBe(Math.max(120, Math.min(300 - 80 - 6 - 8, 210)));
    const low = placeCard(box(100, 250), { width: 360, height: 400 }, tight);
    expect(low.side).toBe('above');
    expect(low.y + Math.min(400, low.maxHeight)).toBe(250 - 6);
    const tiny = placeCard(
      box(100, 100),
      { width: 360, height: 400 },
      { width: 1280, height: 200 },
    );
    expect(tiny.maxHeight).toBe(120);
  });
});
