// Settings operations (lib/settings/ops), site decisions with exceptions, the popup's site
// switch (lib/browse/site) and the import preview (lib/settings/preview).
import { describe, expect, it } from 'vitest';
import { siteModeOf, siteRuleOf } from '@/lib/browse/site';
import {
  canRememberSite,
  DEFAULT_SETTINGS,
  isSiteDisabled,
  isSiteOff,
  patternsCovering,
  type Settings,
  type SettingsOp,
} from '@/lib/settings';
import { applySettingsOp } from '@/lib/settings/ops';
import { diffSettings, previewImport } from '@/lib/settings/preview';

const base = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });
const apply = (settings: Settings, ...ops: SettingsOp[]) =>
  ops.reduce((s, op) => applySettingsOp(s, op), settings);
const sites = (disabledSites: string[], siteExceptions: string[] = []) =>
  base({ disabledSites, siteExceptions });

describe('isSiteDisabled and isSiteOff', () => {
  it.each([
    ['example.com', ['example.com'], true],
    ['www.example.com', ['example.com'], true],
    ['news.example.com', ['example.com'], false],
    ['news.example.com', ['*.example.com'], true],
    ['example.com', ['*.example.com'], true],
    ['notexample.com', ['*.example.com'], false],
    ['EXAMPLE.com', ['example.com'], true],
    ['127.0.0.1', ['127.0.0.1'], true],
    ['example.org', [], false],
  ])('%s with %j → %s', (host, patterns, expected) => {
    expect(isSiteDisabled(host, patterns)).toBe(expected);
    expect(isSiteOff(host, sites(patterns))).toBe(expected);
  });

  it('an exception keeps its host on under any pattern, and only its host', () => {
    const s = sites(['*.example.com'], ['news.example.com']);
    expect(isSiteOff('news.example.com', s)).toBe(false);
    expect(isSiteOff('www.news.example.com', s)).toBe(false);
    expect(isSiteOff('mail.example.com', s)).toBe(true);
    expect(isSiteOff('example.com', s)).toBe(true);
    expect(isSiteOff('deep.news.example.com', s)).toBe(true);
  });
});

describe('the popup’s site switch never removes a broader pattern', () => {
  it.each<[string, string[], string[], boolean, string]>([
    ['example.com', [], [], false, 'on'],
    ['example.com', [], [], true, 'hidden'],
    ['www.example.com', ['example.com'], [], false, 'off'],
    ['news.example.com', ['*.example.com'], [], true, 'off'],
    ['news.example.com', ['*.example.com'], ['news.example.com'], false, 'on'],
    ['news.example.com', ['*.example.com'], ['news.example.com'], true, 'hidden'],
    ['example.org', ['example.com'], [], false, 'on'],
  ])('%s with %j, exceptions %j, hidden %s → %s', (host, patterns, exceptions, hidden, mode) => {
    expect(siteModeOf(host, sites(patterns, exceptions), hidden)).toBe(mode);
  });

  it('"on" (and "hidden") under *.example.com keeps the pattern and adds an exception', () => {
    const start = sites(['*.example.com', 'other.org']);
    const on = apply(start, { type: 'setSiteOn', host: 'news.example.com', on: true });
    expect(on.disabledSites).toEqual(['*.example.com', 'other.org']);
    expect(on.siteExceptions).toEqual(['news.example.com']);
    expect(isSiteOff('news.example.com', on)).toBe(false);
    expect(isSiteOff('mail.example.com', on)).toBe(true);
    // Choosing "on" again changes nothing.
    expect(apply(on, { type: 'setSiteOn', host: 'news.example.com', on: true })).toEqual(on);
  });

  it('"off" removes the exception and does not add a pattern the wildcard already covers', () => {
    const start = sites(['*.example.com'], ['news.example.com']);
    const off = apply(start, { type: 'setSiteOn', host: 'news.example.com', on: false });
    expect(off).toEqual(sites(['*.example.com']));
  });

  it('"off" adds the site once; "on" removes its own pattern', () => {
    const off = apply(sites(['other.org']), {
      type: 'setSiteOn',
      host: 'www.Example.com',
      on: false,
    });
    expect(off.disabledSites).toEqual(['other.org', 'example.com']);
    expect(apply(off, { type: 'setSiteOn', host: 'www.example.com', on: false })).toEqual(off);
    const on = apply(off, { type: 'setSiteOn', host: 'example.com', on: true });
    expect(on).toEqual(sites(['other.org']));
  });

  it('a host with its own pattern and a wildcard: "on" drops the own pattern and adds an exception', () => {
    const start = sites(['*.example.com', 'a.example.com']);
    expect(apply(start, { type: 'setSiteOn', host: 'a.example.com', on: true })).toEqual(
      sites(['*.example.com'], ['a.example.com']),
    );
  });

  it('the switch explains a broader pattern and an exception', () => {
    expect(siteRuleOf('news.example.com', sites(['*.example.com']))).toEqual({
      broader: ['*.example.com'],
      exception: false,
    });
    expect(
      siteRuleOf('news.example.com', sites(['*.example.com', 'news.example.com'])).broader,
    ).toEqual(['*.example.com']);
    expect(siteRuleOf('news.example.com', sites(['*.example.com'], ['news.example.com']))).toEqual({
      broader: ['*.example.com'],
      exception: true,
    });
    expect(siteRuleOf('example.com', sites(['example.com']))).toEqual({
      broader: [],
      exception: false,
    });
    expect(patternsCovering('a.example.com', ['*.example.com', 'b.example.com'])).toEqual([
      '*.example.com',
    ]);
  });

  it('never stores a pattern or exception the settings would reject', () => {
    expect(canRememberSite('127.0.0.1')).toBe(true);
    expect(canRememberSite('')).toBe(false);
    expect(canRememberSite('[::1]')).toBe(false);
    const start = sites(['example.com']);
    expect(apply(start, { type: 'setSiteOn', host: '', on: false })).toBe(start);
    expect(apply(start, { type: 'setSiteOn', host: '[::1]', on: true })).toBe(start);
  });
});

describe('site list operations', () => {
  it('addSite adds once; an exact pattern replaces its own exception', () => {
    const start = sites(['*.example.com'], ['news.example.com', 'mail.example.com']);
    const added = apply(start, { type: 'addSite', pattern: 'news.example.com' });
    expect(added).toEqual(sites(['*.example.com', 'news.example.com'], ['mail.example.com']));
    expect(apply(added, { type: 'addSite', pattern: 'news.example.com' })).toEqual(added);
  });

  it('removeSite forgets the exceptions no remaining pattern needs', () => {
    const start = sites(['*.example.com', '*.example.org'], ['a.example.com', 'b.example.org']);
    expect(apply(start, { type: 'removeSite', pattern: '*.example.com' })).toEqual(
      sites(['*.example.org'], ['b.example.org']),
    );
  });

  it('exceptions are added in their stored form and removed', () => {
    const s = apply(sites(['*.example.com']), {
      type: 'addSiteException',
      host: 'www.News.example.com',
    });
    expect(s.siteExceptions).toEqual(['news.example.com']);
    expect(apply(s, { type: 'removeSiteException', host: 'news.example.com' })).toEqual(
      sites(['*.example.com']),
    );
  });
});

describe('sources, entities and behaviour', () => {
  it('setSource and setEntity switch one id; setSources switches a group and keeps other ids', () => {
    const start = base({ disabledSources: ['gone-source', 'a'] });
    expect(apply(start, { type: 'setSource', id: 'a', on: true }).disabledSources).toEqual([
      'gone-source',
    ]);
    expect(apply(start, { type: 'setSource', id: 'b', on: false }).disabledSources).toEqual([
      'gone-source',
      'a',
      'b',
    ]);
    expect(
      apply(start, { type: 'setSources', ids: ['a', 'b', 'c'], on: false }).disabledSources,
    ).toEqual(['gone-source', 'a', 'b', 'c']);
    expect(
      apply(start, { type: 'setSources', ids: ['a', 'b', 'c'], on: true }).disabledSources,
    ).toEqual(['gone-source']);
    expect(apply(base(), { type: 'setEntity', id: 'xai', on: false }).disabledEntities).toEqual([
      'xai',
    ]);
  });

  it('setBehaviour sets one field', () => {
    expect(apply(base(), { type: 'setBehaviour', field: 'toolbarBadge', value: false })).toEqual(
      base({ toolbarBadge: false }),
    );
  });
});

describe('import: replace, preview and undo', () => {
  const mine = base({
    disabledSources: ['wired'],
    disabledSites: ['mine.example.com'],
    theme: 'dark',
  });

  it('a file replaces the fields it holds and keeps the others', () => {
    expect(apply(mine, { type: 'replace', settings: { disabledSources: ['benzinga'] } })).toEqual({
      ...mine,
      disabledSources: ['benzinga'],
    });
  });

  it('the preview lists what changes, by section', () => {
    const diff = previewImport(mine, {
      ...DEFAULT_SETTINGS,
      disabledSources: ['benzinga'],
      disabledSites: ['*.example.org'],
      trigger: 'click',
    });
    expect(diff).toEqual({
      sources: { added: ['benzinga'], removed: ['wired'] },
      entities: { added: [], removed: [] },
      sites: { added: ['*.example.org'], removed: ['mine.example.com'] },
      siteExceptions: { added: [], removed: [] },
      behaviour: [
        { field: 'trigger', from: 'hover', to: 'click' },
        { field: 'theme', from: 'dark', to: 'system' },
      ],
      none: false,
    });
    expect(previewImport(mine, mine).none).toBe(true);
    expect(previewImport(mine, { disabledSources: ['wired'] }).none).toBe(true);
    expect(diffSettings(mine, { ...mine, toolbarBadge: false }).behaviour).toEqual([
      { field: 'toolbarBadge', from: true, to: false },
    ]);
  });

  it('undo restores what the import changed', () => {
    const imported = base({ disabledSources: ['benzinga'], trigger: 'click' });
    const after = apply(mine, { type: 'replace', settings: imported });
    expect(apply(after, { type: 'revert', before: mine, after })).toEqual(mine);
  });

  it('undo keeps what was changed after the import, in this page or another', () => {
    const imported = base({ disabledSources: ['benzinga'], trigger: 'click', dwellMs: 800 });
    const after = apply(mine, { type: 'replace', settings: imported });
    const later = apply(
      after,
      { type: 'addSite', pattern: 'later.example.com' },
      { type: 'setBehaviour', field: 'trigger', value: 'modifier' },
      { type: 'setSource', id: 'newsbytes', on: false },
    );
    expect(apply(later, { type: 'revert', before: mine, after })).toEqual({
      ...mine,
      disabledSources: ['newsbytes', 'wired'],
      disabledSites: ['later.example.com', 'mine.example.com'],
      trigger: 'modifier',
    });
  });
});
