import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '@/lib/dataset/bundle';
import { filterPositions } from '@/lib/dataset/query';
import {
  describeProblem,
  describeSettingValue,
  entityPositionCounts,
  shortUrl,
  sourceStats,
  visiblePositionCount,
} from '@/lib/options/summary';
import {
  DEFAULT_SETTINGS,
  describeSitePattern,
  isSiteDisabled,
  normalizeSiteInput,
  SitePatternSchema,
} from '@/lib/settings';
import { createSerialLock } from '@/lib/settings/writer';

describe('site patterns typed in the options page', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.com/news/2024?x=1#top', 'example.com'],
    ['http://news.example.co.uk:8080/a', 'news.example.co.uk'],
    ['example.com/path', 'example.com'],
    ['example.com:8443', 'example.com'],
    ['localhost:3000', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com.', 'example.com'],
    ['*.example.com', '*.example.com'],
    ['*.Example.ORG', '*.example.org'],
    ['*.localhost', '*.localhost'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('%j → %s', (input, pattern) => {
    const result = normalizeSiteInput(input);
    expect(result).toEqual({ ok: true, pattern });
    // Whatever is accepted can be stored.
    expect(SitePatternSchema.safeParse(pattern).success).toBe(true);
  });

  it.each([
    ['', /Type a site/],
    ['   ', /Type a site/],
    ['*.com', /every site under \.com/],
    ['*', /not a site address|only open/],
    ['ex*ample.com', /wildcard can only open/],
    ['*.*.example.com', /wildcard can only open/],
    ['chrome://extensions', /Only web sites/],
    ['file:///home/me/page.html', /Only web sites/],
    ['mailto:someone@example.com', /Only web sites/],
    ['ftp://example.com', /Only web sites/],
    ['exa mple.com', /not a site address/],
    ['[::1]', /not a host name this list can hold/],
    ['*.https://example.com', /without an address scheme/],
  ])('%j is refused (%s)', (input, error) => {
    const result = normalizeSiteInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('patterns do what they say on pages', () => {
    const wildcard = normalizeSiteInput('*.example.com');
    const plain = normalizeSiteInput('https://www.example.org/x');
    if (!wildcard.ok || !plain.ok) throw new Error('expected valid patterns');
    const list = [wildcard.pattern, plain.pattern];
    expect(isSiteDisabled('news.example.com', list)).toBe(true);
    expect(isSiteDisabled('example.com', list)).toBe(true);
    expect(isSiteDisabled('www.example.org', list)).toBe(true);
    expect(isSiteDisabled('sub.example.org', list)).toBe(false);
    expect(isSiteDisabled('example.net', list)).toBe(false);
  });

  it('describes', () => {
    expect(describeSitePattern('*.example.com')).toBe('example.com and all its subdomains');
    expect(describeSitePattern('example.com')).toBe('example.com');
  });
});

describe('options page numbers', () => {
  const { dataset } = getBundledDataset();

  it('sourceStats counts what each source backs and what it alone backs', () => {
    const stats = sourceStats(dataset.positions);
    for (const source of dataset.sources) {
      const backed = dataset.positions.filter((p) => p.sourceIds.includes(source.id));
      const alone = backed.filter((p) => p.sourceIds.length === 1);
      expect(stats[source.id]).toEqual({ total: backed.length, only: alone.length });
      // "Alone" is exactly what switching that one source off removes.
      const left = filterPositions(dataset.positions, { disabledSources: [source.id] });
      expect(dataset.positions.length - left.length).toBe(alone.length);
    }
  });

  it('visiblePositionCount follows sources and entities', () => {
    expect(visiblePositionCount(dataset.positions, DEFAULT_SETTINGS)).toBe(
      dataset.positions.length,
    );
    expect(
      visiblePositionCount(dataset.positions, {
        disabledSources: dataset.sources.map((s) => s.id),
        disabledEntities: [],
      }),
    ).toBe(0);
    const musk = entityPositionCounts(dataset.positions)['elon-musk'] ?? 0;
    expect(musk).toBeGreaterThan(0);
    expect(
      visiblePositionCount(dataset.positions, {
        disabledSources: [],
        disabledEntities: ['elon-musk'],
      }),
    ).toBe(dataset.positions.length - musk);
  });

  it('shortUrl keeps host and path, trimmed', () => {
    expect(shortUrl('https://www.example.com/a/b')).toBe('example.com/a/b');
    expect(shortUrl('https://example.com/')).toBe('example.com');
    expect(shortUrl(`https://example.com/${'x'.repeat(100)}`, 20)).toHaveLength(20);
  });
});

describe('serial lock (the writer’s fallback where navigator.locks is missing)', () => {
  it('runs read-modify-write tasks one at a time, in order, past failures', async () => {
    const lock = createSerialLock();
    let value = 0;
    const log: string[] = [];
    const bump = (name: string) => async () => {
      const read = value;
      await new Promise((r) => setTimeout(r, 5));
      value = read + 1;
      log.push(name);
      return value;
    };
    const a = lock.request('x', bump('a'));
    const failing = lock.request('x', async () => {
      throw new Error('boom');
    });
    const b = lock.request('x', bump('b'));
    await expect(failing).rejects.toThrow('boom');
    expect(await a).toBe(1);
    expect(await b).toBe(2);
    expect(log).toEqual(['a', 'b']);
  });
});

describe('words for the options page', () => {
  it('names the entry that was left out and why, or the field that fell back', () => {
    expect(describeProblem({ field: 'disabledSites', entry: 'Bad Pattern!' })).toBe(
      'Sites: “Bad Pattern!” was left out (not a site pattern such as example.com or *.example.com).',
    );
    expect(describeProblem({ field: 'disabledSources', entry: 7 })).toBe(
      'Sources: 7 was left out (not a source id).',
    );
    expect(describeProblem({ field: 'dwellMs' })).toBe(
      'Delay before a card opens: the stored value was invalid, so it is at its default.',
    );
  });

  it('says behaviour values as the Behaviour section does', () => {
    expect(describeSettingValue('trigger', 'click')).toBe('Click a name');
    expect(describeSettingValue('dwellMs', 650)).toBe('650 ms');
    expect(describeSettingValue('toolbarBadge', false)).toBe('Off');
    expect(describeSettingValue('modifierKey', 'Shift')).toBe('Shift');
  });
});
