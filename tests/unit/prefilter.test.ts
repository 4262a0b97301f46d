import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '@/lib/dataset/bundle';
import {
  compileMatcher,
  detectMentions,
  essentialAliases,
  matcherConfigFromEntities,
  mightContainMention,
  nextCandidate,
} from '@/lib/detect';
import { random } from '../bench/random.mjs';

const { dataset } = getBundledDataset();
const matcher = compileMatcher(matcherConfigFromEntities(dataset.entities));
const aliases = dataset.entities.flatMap((e) => e.aliases.map((a) => a.text));

describe('the prefilter', () => {
  it('keeps only aliases that hold no shorter one', () => {
    const essential = essentialAliases(aliases);
    expect(essential).toContain('musk');
    expect(essential).toContain('le cun');
    expect(essential).not.toContain('elon musk');
    expect(essential).not.toContain('@elonmusk');
    // Aliases in CJK script are found by their own shortest forms.
    expect(essential).toEqual(expect.arrayContaining(['马斯克', '馬斯克', 'マスク氏', '杨立昆']));
  });

  it.each([
    ['Le\u00adCun', true],
    ['Elon\u00a0\u200b Musk', true],
    ['Musk\u2019s post', true],
    ['LE   CUN', true],
    ['x.AI', true],
    ['K\u00adhosla', true],
    ['a muskrat', true], // a superset: the matcher turns it down
    ['The committee met on Tuesday.', false],
    ['Le Cunningham', true],
    ['专访Yann LeCun：', true],
    ['埃隆・马斯克表示', true], // the katakana middle dot reads as U+00B7
    ['（ElonMusk）', true],
    ['马斯克林群岛', true],
    ['ヤン・ルカン氏', true],
    ['维诺德·科斯拉', true],
    ['地震分析', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(nextCandidate(text, matcher) !== -1).toBe(expected);
  });

  it.each([
    '专访Yann LeCun：',
    '埃隆·马斯克（ElonMusk）表示',
    '埃隆•马斯克说',
    '图灵奖得主（YannLeCun）',
    '#ElonMusk trends again',
    'Meta首席AI科学家LeCun表示',
    'イーロン・マスク氏は語った',
    '马斯克的xAI公司',
    'Konkurrenz für Musks SpaceX',
    'Rob Fergus1, Yann LeCun1,',
    '</em>Musk said Tesla',
  ])('finds the first mention of %j no later than the matcher', (text) => {
    const first = detectMentions([text], matcher, new Set(dataset.entities.map((e) => e.id)))
      .mentions[0]![0];
    expect(first).toBeDefined();
    const candidate = nextCandidate(text, matcher);
    expect(candidate).not.toBe(-1);
    expect(candidate).toBeLessThanOrEqual(first!.end);
  });

  it('never misses what the automaton or the matcher finds (random texts)', () => {
    const rnd = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const noise = [
      'the ',
      'market ',
      'said ',
      '. ',
      '\n',
      '  ',
      '\u00a0',
      'Kimbal ',
      'musky ',
      '@',
      '表示',
      '（',
      '·',
      '#',
      's ',
      '1',
    ];
    const mangle = (alias: string) =>
      Array.from(alias, (ch) => {
        let out = rnd() < 0.3 ? ch.toUpperCase() : rnd() < 0.3 ? ch.toLowerCase() : ch;
        if (ch === "'" && rnd() < 0.5) out = '\u2019';
        if (ch === '-' && rnd() < 0.5) out = '\u2011';
        // '' glues a full name (`ElonMusk`), as CJK text and hashtags write it.
        if (ch === ' ') out = pick([' ', '\u00a0', '  \n', ' \u200b', '']);
        if (ch === '·' || ch === '・') out = pick(['·', '・', '•', '']);
        if (rnd() < 0.1) out += pick(['\u00ad', '\u200b', '\u2060', '\ufeff']);
        return out;
      }).join('');
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const parts: string[] = [];
      for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--)
        parts.push(rnd() < 0.4 ? mangle(pick(aliases)) : pick(noise));
      const text = parts.join(rnd() < 0.5 ? ' ' : '');
      const candidate = nextCandidate(text, matcher);
      if (mightContainMention(text, matcher)) {
        found++;
        expect(candidate, JSON.stringify(text)).not.toBe(-1);
      }
      const first = detectMentions([text], matcher, new Set(dataset.entities.map((e) => e.id)))
        .mentions[0]![0];
      if (first) expect(candidate, JSON.stringify(text)).toBeLessThanOrEqual(first.end);
    }
    expect(found).toBeGreaterThan(500);
  });
});
