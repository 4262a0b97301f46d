import { describe, expect, it } from 'vitest';
import { resolveActiveTabId, tabIdOverride } from '@/lib/browse/active-tab';
import { buildCompareMatrix, PositionsWithout, rowPositionIds } from '@/lib/browse/compare';
import { applyFilters, buildBrowseModel, facetsOf, groupByTopic } from '@/lib/browse/model';
import { BrowseSearch } from '@/lib/browse/search';
import { parseBrowseState, serializeBrowseState, type BrowseState } from '@/lib/browse/url-state';
import { getBundledDataset } from '@/lib/dataset/bundle';
import type { Dataset, Entity, Position } from '@/lib/dataset/schema';

const { dataset } = getBundledDataset();

function entity(id: string, displayName: string, kind: Entity['kind'] = 'person'): Entity {
  return {
    id,
    displayName,
    kind,
    description: `${displayName}, for tests.`,
    roles: [{ title: 'Tester', sourceIds: ['s1'] }],
    aliases: [{ text: displayName, strength: 'strong', caseSensitive: false }],
    cues: { positive: [], negative: [], namesakes: [] },
  };
}

function position(
  id: string,
  entityId: string,
  topic: string,
  extra: Partial<Position> = {},
): Position {
  return {
    id,
    entityId,
    topic,
    kind: 'paraphrase',
    summary: `Summary of ${id}.`,
    date: '2024-05',
    sourceIds: ['s1'],
    salience: 2,
    ...extra,
  };
}

/** A small dataset whose disagreements are known by construction. */
function tiny(positions: Position[]): Dataset {
  return {
    entities: [
      entity('ann', 'Ann Able'),
      entity('bob', 'Bob Baker'),
      entity('corp', 'Corp', 'organization'),
    ],
    sources: [
      { id: 's1', publisher: 'Daily One', date: '2024-05', file: 'one.md' },
      { id: 's2', publisher: 'Weekly Two', date: '2024-06', file: 'two.md' },
    ],
    topics: [
      { id: 'risk', label: 'Risk' },
      { id: 'models', label: 'Models' },
      { id: 'money', label: 'Money' },
    ],
    positions,
  };
}

describe('url state', () => {
  it.each<[string, BrowseState]>([
    ['', { view: 'browse', q: '' }],
    ['?entity=elon-musk', { view: 'browse', q: '', entity: 'elon-musk' }],
    ['?q=open+source', { view: 'search', q: 'open source' }],
    [
      '?view=compare&topic=ai-risk&disputed=1',
      { view: 'compare', q: '', topic: 'ai-risk', disputed: true },
    ],
    [
      '?entity=yann-lecun&source=wired-2023-12-22&kind=quote',
      { view: 'browse', q: '', entity: 'yann-lecun', source: 'wired-2023-12-22', kind: 'quote' },
    ],
    // Malformed values are dropped, never guessed at.
    ['?view=nope&entity=Not%20An%20Id&kind=rumour&topic=../x', { view: 'browse', q: '' }],
    ['?view=compare&q=x', { view: 'compare', q: 'x' }],
  ])('parses %j', (search, expected) => {
    expect(parseBrowseState(search)).toEqual(expected);
  });

  it('round-trips every field and keeps extra parameters first', () => {
    const state: BrowseState = {
      view: 'compare',
      entity: 'xai',
      topic: 'open-source',
      source: 'benzinga-2024',
      kind: 'fact',
      q: '“AGI” & more',
      disputed: true,
    };
    const text = serializeBrowseState(state, { tabId: '42' });
    expect(text.startsWith('?tabId=42&')).toBe(true);
    expect(parseBrowseState(text)).toEqual(state);
  });

  it('writes nothing for the default state and caps long queries', () => {
    expect(serializeBrowseState({ view: 'browse', q: '' })).toBe('');
    const long = 'a'.repeat(500);
    expect(parseBrowseState(`?q=${long}`).q).toHaveLength(200);
  });
});

describe('view model', () => {
  const model = buildBrowseModel(dataset, { disabledSources: [], disabledEntities: [] });

  it('lists the four entities, people first, with their own positions', () => {
    expect(model.entities.map((e) => e.displayName)).toEqual([
      'Elon Musk',
      'Vinod Khosla',
      'Yann LeCun',
      'xAI',
    ]);
    for (const e of model.entities) {
      expect(model.own.get(e.id)).toHaveLength(
        dataset.positions.filter((p) => p.entityId === e.id).length,
      );
    }
  });

  it('collects what others said about an entity, never its own positions', () => {
    const about = model.about.get('elon-musk') ?? [];
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((p) => p.entityId !== 'elon-musk' && p.about?.includes('elon-musk'))).toBe(
      true,
    );
  });

  it('drops positions whose every source is disabled and trims the rest', () => {
    const source = dataset.sources[0]!.id;
    const filtered = buildBrowseModel(dataset, { disabledSources: [source] });
    expect(filtered.positions.some((p) => p.sourceIds.includes(source))).toBe(false);
    const onlyThere = dataset.positions.filter(
      (p) => p.sourceIds.length === 1 && p.sourceIds[0] === source,
    );
    expect(filtered.positions).toHaveLength(dataset.positions.length - onlyThere.length);
    expect(filtered.sources.some((s) => s.id === source)).toBe(false);
  });

  it('leaves switched-off entities out and counts them', () => {
    const filtered = buildBrowseModel(dataset, {
      disabledSources: [],
      disabledEntities: ['xai'],
    });
    expect(filtered.entities.map((e) => e.id)).not.toContain('xai');
    expect(filtered.hiddenEntities).toBe(1);
    expect(filtered.positions.some((p) => p.entityId === 'xai')).toBe(false);
  });

  it('groups by topic, biggest first, each group most salient first', () => {
    const own = model.own.get('yann-lecun') ?? [];
    const groups = groupByTopic(own, model.topics);
    expect(groups.reduce((n, g) => n + g.positions.length, 0)).toBe(own.length);
    for (let i = 1; i < groups.length; i++)
      expect(groups[i - 1]!.positions.length).toBeGreaterThanOrEqual(groups[i]!.positions.length);
    for (const g of groups) {
      expect(g.positions.every((p) => p.topic === g.topic.id)).toBe(true);
      const saliences = g.positions.map((p) => p.salience);
      expect(saliences).toEqual([...saliences].sort((a, b) => a - b));
    }
  });

  it('labels a topic missing from the topic list by its id', () => {
    const groups = groupByTopic([position('p1', 'ann', 'unknown-topic')], []);
    expect(groups[0]?.topic).toEqual({ id: 'unknown-topic', label: 'unknown-topic' });
  });

  it('filters by source, topic and kind, and the facets count what is there', () => {
    const own = model.own.get('yann-lecun') ?? [];
    const facets = facetsOf(own, model);
    for (const t of facets.topics) expect(applyFilters(own, { topic: t.id })).toHaveLength(t.count);
    for (const s of facets.sources)
      expect(applyFilters(own, { source: s.id })).toHaveLength(s.count);
    for (const k of facets.kinds) expect(applyFilters(own, { kind: k.id })).toHaveLength(k.count);
    const quoteTopic = own.find((p) => p.kind === 'quote')!.topic;
    const both = applyFilters(own, { topic: quoteTopic, kind: 'quote' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((p) => p.topic === quoteTopic && p.kind === 'quote')).toBe(true);
  });
});

describe('compare matrix', () => {
  it('marks a disagreement from a dispute link on both positions’ topics', () => {
    const ds = tiny([
      position('ann-risk', 'ann', 'risk', { disputedBy: ['bob-reply'] }),
      position('bob-reply', 'bob', 'models', { respondsTo: ['ann-risk'] }),
      position('corp-money', 'corp', 'money'),
    ]);
    const model = buildBrowseModel(ds, { disabledSources: [] });
    const rows = buildCompareMatrix(model);
    const byTopic = Object.fromEntries(rows.map((r) => [r.topic.id, r]));
    expect(byTopic['risk']?.disagreements).toEqual([
      { entities: ['ann', 'bob'], evidence: ['ann-risk', 'bob-reply'] },
    ]);
    expect(byTopic['models']?.disagreements.map((d) => d.entities)).toEqual([['ann', 'bob']]);
    expect(byTopic['money']?.disagreements).toEqual([]);
    // Disputed topics come first; every row has one cell per entity, in model order.
    expect(rows.at(-1)?.topic.id).toBe('money');
    for (const row of rows)
      expect(row.cells.map((c) => c.entityId)).toEqual(model.entities.map((e) => e.id));
  });

  it('counts a quote aimed at another entity, but not a summary or fact with `about`', () => {
    const ds = tiny([
      position('ann-quote', 'ann', 'risk', {
        kind: 'quote',
        quote: 'Bob is wrong',
        about: ['bob'],
      }),
      position('ann-praise', 'ann', 'models', { about: ['bob'] }),
      position('ann-fact', 'ann', 'money', { kind: 'fact', about: ['corp'] }),
      position('bob-models', 'bob', 'models'),
    ]);
    const rows = buildCompareMatrix(buildBrowseModel(ds, { disabledSources: [] }));
    const byTopic = Object.fromEntries(rows.map((r) => [r.topic.id, r]));
    expect(byTopic['risk']?.disagreements.map((d) => d.entities)).toEqual([['ann', 'bob']]);
    expect(byTopic['models']?.disagreements).toEqual([]);
    expect(byTopic['money']?.disagreements).toEqual([]);
    // Bob says nothing on risk but is addressed there.
    expect(byTopic['risk']?.cells.find((c) => c.entityId === 'bob')).toMatchObject({
      positions: [],
      addressedBy: ['ann'],
    });
  });

  it('ignores links within one entity and to positions of disabled sources', () => {
    const ds = tiny([
      position('ann-1', 'ann', 'risk', { respondsTo: ['ann-2'] }),
      position('ann-2', 'ann', 'risk'),
      position('bob-1', 'bob', 'risk', { respondsTo: ['ann-2'], sourceIds: ['s2'] }),
    ]);
    expect(
      buildCompareMatrix(buildBrowseModel(ds, { disabledSources: ['s2'] }))[0]?.disagreements,
    ).toEqual([]);
    expect(
      buildCompareMatrix(buildBrowseModel(ds, { disabledSources: [] }))[0]?.disagreements.map(
        (d) => d.entities,
      ),
    ).toEqual([['ann', 'bob']]);
  });

  it('shows where LeCun, Musk and Khosla disagree in the bundled dataset', () => {
    const model = buildBrowseModel(dataset, { disabledSources: [] });
    const rows = buildCompareMatrix(model);
    const pairs = (topic: string) =>
      rows
        .find((r) => r.topic.id === topic)
        ?.disagreements.map((d) => [...d.entities].sort().join('|')) ?? [];
    // The four topics the issue names.
    expect(pairs('ai-risk')).toContain('elon-musk|yann-lecun');
    expect(pairs('agi-timelines')).toContain('elon-musk|yann-lecun');
    expect(pairs('research-openness')).toContain('elon-musk|yann-lecun');
    expect(pairs('open-source')).toContain('vinod-khosla|yann-lecun');
    // Every cross-entity dispute link in the data shows up on its topic.
    const byId = new Map(dataset.positions.map((p) => [p.id, p]));
    for (const p of dataset.positions) {
      for (const id of p.disputedBy ?? []) {
        const q = byId.get(id);
        if (q && q.entityId !== p.entityId)
          expect(pairs(p.topic)).toContain([p.entityId, q.entityId].sort().join('|'));
      }
    }
  });

  it('hides the positions of a row from its dispute lines', () => {
    const ds = tiny([
      position('a', 'ann', 'risk', { disputedBy: ['b'] }),
      position('b', 'bob', 'risk'),
      position('c', 'bob', 'money'),
    ]);
    const model = buildBrowseModel(ds, { disabledSources: [] });
    const row = buildCompareMatrix(model).find((r) => r.topic.id === 'risk')!;
    const view = new PositionsWithout(model.lookups.positions, rowPositionIds(row));
    expect(view.get('b')).toBeUndefined();
    expect(view.get('c')?.id).toBe('c');
    expect([...view.keys()]).toEqual(['c']);
    expect(view.size).toBe(1);
  });
});

describe('search', () => {
  const model = buildBrowseModel(dataset, { disabledSources: [] });

  it('finds a phrase from a quote and groups results by entity', () => {
    const quoted = dataset.positions.find(
      (p) => p.kind === 'quote' && p.quote && p.quote.split(' ').length > 6,
    )!;
    const phrase = quoted.quote!.split(' ').slice(2, 6).join(' ');
    const results = new BrowseSearch(model).search(phrase);
    const ids = results.groups.flatMap((g) => g.positions.map((p) => p.id));
    expect(ids).toContain(quoted.id);
    for (const g of results.groups)
      expect(g.positions.every((p) => p.entityId === g.entity.id)).toBe(true);
    expect(results.total).toBe(ids.length);
  });

  it('finds positions by publisher, topic label and entity name', () => {
    const search = new BrowseSearch(model);
    const publisher = dataset.sources[0]!;
    const byPublisher = search.search(publisher.publisher);
    expect(byPublisher.total).toBe(
      dataset.positions.filter(
        (p) =>
          p.sourceIds.includes(publisher.id) ||
          p.summary.includes(publisher.publisher) ||
          p.quote?.includes(publisher.publisher) ||
          p.reportedBy?.includes(publisher.publisher),
      ).length,
    );
    const topic = dataset.topics.find((t) => t.id === 'open-source')!;
    expect(
      search
        .search(topic.label)
        .groups.flatMap((g) => g.positions)
        .some((p) => p.topic === 'open-source'),
    ).toBe(true);
    expect(search.search('Vinod Khosla').groups.some((g) => g.entity.id === 'vinod-khosla')).toBe(
      true,
    );
  });

  it('does not find positions through a disabled source’s publisher', () => {
    const only = dataset.sources.find((s) =>
      dataset.positions.some((p) => p.sourceIds.length === 1 && p.sourceIds[0] === s.id),
    )!;
    const off = buildBrowseModel(dataset, { disabledSources: [only.id] });
    const hits = new BrowseSearch(off)
      .search(`"${only.publisher}"`)
      .groups.flatMap((g) => g.positions);
    expect(hits.every((p) => !p.sourceIds.includes(only.id))).toBe(true);
  });

  it('gives the same results typing on as searching from scratch', () => {
    const typed = new BrowseSearch(model);
    const words = 'open source ai models';
    for (let i = 1; i <= words.length; i++) {
      const query = words.slice(0, i);
      const fresh = new BrowseSearch(model).search(query);
      expect(typed.search(query)).toEqual(fresh);
    }
    // Backspacing and a quoted phrase also agree.
    for (const query of ['open sour', '"open source"', 'open', ''])
      expect(typed.search(query)).toEqual(new BrowseSearch(model).search(query));
  });

  it('returns nothing for an empty query', () => {
    expect(new BrowseSearch(model).search('   ')).toEqual({ folded: '', total: 0, groups: [] });
  });
});

describe('active tab', () => {
  const tabs = (id?: number) => ({ query: async () => (id === undefined ? [] : [{ id }]) });

  it('prefers a valid ?tabId= and otherwise asks for the active tab', async () => {
    expect(await resolveActiveTabId('?tabId=17', tabs(3))).toBe(17);
    expect(await resolveActiveTabId('', tabs(3))).toBe(3);
    expect(await resolveActiveTabId('?tabId=-1', tabs(3))).toBe(3);
    expect(await resolveActiveTabId('?tabId=abc', tabs())).toBeUndefined();
  });

  it('survives a failing tabs API', async () => {
    expect(
      await resolveActiveTabId('', { query: () => Promise.reject(new Error('no')) }),
    ).toBeUndefined();
    expect(tabIdOverride('?tabId=99999999999')).toBeUndefined();
  });
});
