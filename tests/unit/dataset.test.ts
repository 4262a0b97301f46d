import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { getBundledDataset, parseDataset, DatasetError } from '@/lib/dataset/bundle';
import { checkIntegrity } from '@/lib/dataset/integrity';
import { DatasetSchema, type Dataset, type Position } from '@/lib/dataset/schema';
import entitiesJson from '@/data/entities.json';
import sourcesJson from '@/data/sources.json';
import topicsJson from '@/data/topics.json';
import positionsJson from '@/data/positions.json';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The seed texts and their verified bibliographic facts live next to the repository, not in it. */
const seedsDir = path.resolve(here, '../../../shared/seeds');
const seedsPresent = fs.existsSync(seedsDir);

const raw = () =>
  structuredClone({
    entities: entitiesJson,
    sources: sourcesJson,
    topics: topicsJson,
    positions: positionsJson,
  });

/** Whitespace only: runs of whitespace (including no-break spaces) become one space. No quote folding. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The problem lines `parseDataset` reports for `data`, or [] if it parses. */
function problemsOf(data: unknown): string[] {
  try {
    parseDataset(data);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problems;
  }
}

const { dataset } = getBundledDataset();
const ENTITY = {
  lecun: 'yann-lecun',
  musk: 'elon-musk',
  xai: 'xai',
  khosla: 'vinod-khosla',
} as const;

describe('bundled dataset: schema and integrity', () => {
  it('parses against the schema', () => {
    expect(DatasetSchema.safeParse(raw()).success).toBe(true);
    expect(dataset.positions.length).toBeGreaterThan(0);
  });

  it('has no integrity problems', () => {
    expect(checkIntegrity(dataset)).toEqual([]);
  });

  it('has unique ids within each collection', () => {
    for (const items of [dataset.entities, dataset.sources, dataset.topics, dataset.positions]) {
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('resolves every reference', () => {
    const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
    const entities = ids(dataset.entities);
    const sources = ids(dataset.sources);
    const topics = ids(dataset.topics);
    const positions = ids(dataset.positions);
    for (const p of dataset.positions) {
      expect(entities.has(p.entityId), p.id).toBe(true);
      expect(topics.has(p.topic), p.id).toBe(true);
      for (const s of p.sourceIds) expect(sources.has(s), `${p.id} → ${s}`).toBe(true);
      for (const e of p.about ?? []) expect(entities.has(e), `${p.id} about ${e}`).toBe(true);
      for (const r of [...(p.respondsTo ?? []), ...(p.disputedBy ?? [])]) {
        expect(positions.has(r), `${p.id} → ${r}`).toBe(true);
      }
    }
    for (const e of dataset.entities) {
      for (const role of e.roles)
        for (const s of role.sourceIds) expect(sources.has(s), `${e.id} → ${s}`).toBe(true);
    }
  });

  it('links every dispute both ways', () => {
    const byId = new Map(dataset.positions.map((p) => [p.id, p]));
    for (const p of dataset.positions) {
      for (const ref of p.disputedBy ?? [])
        expect(byId.get(ref)?.respondsTo ?? [], `${ref} ↔ ${p.id}`).toContain(p.id);
    }
  });

  it('uses every topic it defines', () => {
    const used = new Set(dataset.positions.map((p) => p.topic));
    for (const t of dataset.topics) expect(used.has(t.id), t.id).toBe(true);
  });
});

describe('the checks can fail', () => {
  it('reports an unknown source, a dangling disputedBy, a duplicate id and a missing quote', () => {
    const data = raw() as unknown as Dataset;
    const [first, second, third] = data.positions as Position[];
    first.sourceIds = ['no-such-source'];
    second.disputedBy = ['no-such-position'];
    third.kind = 'quote';
    delete third.quote;
    data.positions.push({ ...(data.positions[3] as Position) });
    const duplicate = data.positions[3].id;

    const problems = problemsOf(data);
    expect(problems).toContain(`position ${first.id}: unknown source "no-such-source"`);
    expect(problems).toContain(
      `position ${second.id}: disputedBy unknown position "no-such-position"`,
    );
    expect(problems).toContain(`duplicate position id "${duplicate}"`);
    expect(problems).toContain(`position ${third.id}: a quote needs its verbatim "quote"`);
    expect(checkIntegrity(data)).toEqual(problems);
  });

  it('reports a one-way dispute, an unknown topic and an outlet named in reportedBy', () => {
    const data = raw() as unknown as Dataset;
    const disputed = data.positions.find((p) => (p.disputedBy ?? []).length > 0)!;
    const rebuttal = data.positions.find((p) => p.id === disputed.disputedBy![0])!;
    rebuttal.respondsTo = [];
    const paraphrase = data.positions.find(
      (p) => p.kind === 'paraphrase' && p !== rebuttal && p !== disputed,
    )!;
    paraphrase.reportedBy = 'WinBuzzer';
    const other = data.positions.find((p) => p !== paraphrase && p !== rebuttal && p !== disputed)!;
    other.topic = 'no-such-topic';

    const problems = problemsOf(data);
    expect(problems).toContain(
      `position ${disputed.id} is disputed by ${rebuttal.id}, but ${rebuttal.id} does not list it in respondsTo`,
    );
    expect(problems).toContain(
      `position ${paraphrase.id}: reportedBy names the outlet WinBuzzer; outlets are cited through sourceIds`,
    );
    expect(problems).toContain(`position ${other.id}: unknown topic "no-such-topic"`);
  });

  it('reports schema violations with their paths', () => {
    const data = raw() as unknown as { positions: Record<string, unknown>[] };
    data.positions[0].date = 'May 2024';
    data.positions[1].sourceIds = [];
    delete data.positions[2].summary;
    const problems = problemsOf(data);
    expect(problems.some((p) => p.startsWith('positions[0].date:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('positions[1].sourceIds:'))).toBe(true);
    expect(problems).toContain('positions[2].summary: expected string');
  });
});

describe('entities', () => {
  it('have exactly the expected display names', () => {
    const names = Object.fromEntries(dataset.entities.map((e) => [e.id, e.displayName]));
    expect(names).toEqual({
      [ENTITY.lecun]: 'Yann LeCun',
      [ENTITY.musk]: 'Elon Musk',
      [ENTITY.xai]: 'xAI',
      [ENTITY.khosla]: 'Vinod Khosla',
    });
  });

  it('each have aliases and a description', () => {
    for (const e of dataset.entities) {
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
      expect(e.description.trim().length, e.id).toBeGreaterThan(0);
    }
  });
});

describe('positions', () => {
  it('each cite at least one source, without repeats', () => {
    for (const p of dataset.positions) {
      expect(p.sourceIds.length, p.id).toBeGreaterThan(0);
      expect(new Set(p.sourceIds).size, p.id).toBe(p.sourceIds.length);
    }
  });

  it('use kebab-case ids and non-empty neutral summaries', () => {
    for (const p of dataset.positions) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.summary.trim().length, p.id).toBeGreaterThan(10);
    }
  });

  it('give every quote-kind position its verbatim words', () => {
    for (const p of dataset.positions.filter((p) => p.kind === 'quote'))
      expect(p.quote?.trim(), p.id).toBeTruthy();
  });

  it('do not present LeCun’s shorthand for Musk’s predictions as a Musk quote', () => {
    const muskQuotes = dataset.positions.filter(
      (p) => p.entityId === ENTITY.musk && p.kind === 'quote',
    );
    for (const p of muskQuotes) {
      expect(p.quote ?? '', p.id).not.toMatch(/AGI next year|robotaxis/i);
      expect(p.summary, p.id).not.toMatch(/AGI next year|robotaxis/i);
    }
    const shorthand = dataset.positions.filter(
      (p) => p.entityId === ENTITY.musk && /AGI next year|robotaxis/i.test(p.quote ?? ''),
    );
    expect(shorthand.length).toBeGreaterThan(0);
    for (const p of shorthand) {
      expect(p.kind, p.id).toBe('paraphrase');
      expect(p.reportedBy, p.id).toMatch(/LeCun/);
    }
  });

  it('never target their own entity in `about`', () => {
    for (const p of dataset.positions) expect(p.about ?? [], p.id).not.toContain(p.entityId);
  });

  it('cover each of the four entities, LeCun the most', () => {
    const count = (id: string) => dataset.positions.filter((p) => p.entityId === id).length;
    for (const id of Object.values(ENTITY)) expect(count(id), id).toBeGreaterThanOrEqual(3);
    for (const id of [ENTITY.musk, ENTITY.xai, ENTITY.khosla])
      expect(count(ENTITY.lecun)).toBeGreaterThan(count(id));
  });
});

it('reports whether provenance was checked', () => {
  if (!seedsPresent)
    console.warn(`provenance NOT checked: ../shared/seeds not found (looked in ${seedsDir})`);
  expect(typeof seedsPresent).toBe('boolean');
});

describe.runIf(seedsPresent)('provenance against ../shared/seeds', () => {
  type SeedSource = {
    file: string;
    publisher: string;
    title?: string;
    author?: string;
    date: string;
    date_approximate?: boolean;
    url?: string;
  };
  const seedSources = (): SeedSource[] =>
    JSON.parse(fs.readFileSync(path.join(seedsDir, 'sources.json'), 'utf8')).sources;
  const textOf = new Map<string, string>();
  const seedText = (sourceId: string) => {
    if (!textOf.has(sourceId)) {
      const source = dataset.sources.find((s) => s.id === sourceId)!;
      textOf.set(sourceId, normalize(fs.readFileSync(path.join(seedsDir, source.file), 'utf8')));
    }
    return textOf.get(sourceId)!;
  };

  it('every source file exists', () => {
    for (const s of dataset.sources)
      expect(fs.existsSync(path.join(seedsDir, s.file)), s.file).toBe(true);
  });

  it('every source’s bibliographic facts match sources.json exactly', () => {
    const verified = seedSources();
    expect(dataset.sources.map((s) => s.file).sort()).toEqual(verified.map((v) => v.file).sort());
    for (const s of dataset.sources) {
      const v = verified.find((x) => x.file === s.file)!;
      expect(s.publisher, s.id).toBe(v.publisher);
      expect(s.title, `${s.id} title`).toBe(v.title);
      expect(s.author, `${s.id} author`).toBe(v.author);
      expect(s.date, `${s.id} date`).toBe(v.date);
      expect(s.url, `${s.id} url`).toBe(v.url);
      expect(s.dateApproximate ?? false, `${s.id} dateApproximate`).toBe(
        v.date_approximate ?? false,
      );
    }
  });

  it('every quote is verbatim in the text of every source that is said to print it', () => {
    const missing: string[] = [];
    for (const p of dataset.positions) {
      if (p.quote === undefined) continue;
      for (const s of p.quoteSourceIds ?? [])
        if (!seedText(s).includes(normalize(p.quote))) missing.push(`${p.id} in ${s}: ${p.quote}`);
    }
    expect(missing).toEqual([]);
  });

  it('detects a quote that is not in the source (no quote-character folding)', () => {
    const text = seedText('venturebeat-2024-06');
    expect(text.includes(normalize('Rationalism doesn’t work without Truth.'))).toBe(true);
    expect(text.includes(normalize("Rationalism doesn't work without Truth."))).toBe(false);
  });
});
