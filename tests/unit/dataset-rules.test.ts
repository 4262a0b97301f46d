/**
 * Issue 13, "Sourced means sourced": each of its six rules as a check on the bundled dataset, and
 * the same check on a deliberately broken copy, so every rule can be seen to fail. Rules that need
 * the source texts (the words of an excerpt) run against ../shared/seeds when it is present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { getBundledDataset, parseDataset, DatasetError } from '@/lib/dataset/bundle';
import { checkProvenance, quotedPhrases } from '@/lib/dataset/provenance';
import { comparePartialDates } from '@/lib/dataset/integrity';
import { buildCard, cardsFromDataset, filterPositions } from '@/lib/dataset/query';
import type { Dataset, Position } from '@/lib/dataset/schema';
import { buildBrowseModel } from '@/lib/browse/model';
import { BrowseSearch } from '@/lib/browse/search';
import { buildCompareMatrix } from '@/lib/browse/compare';
import { attributionOf, formatPositionDate, showsExcerpt } from '@/components/format';
import entitiesJson from '@/data/entities.json';
import sourcesJson from '@/data/sources.json';
import topicsJson from '@/data/topics.json';
import positionsJson from '@/data/positions.json';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../../shared/seeds');
const seedsPresent = fs.existsSync(seedsDir);

const { dataset } = getBundledDataset();
const WB = 'winbuzzer-2024-05-29';
const VB = 'venturebeat-2024-06';
const NB = 'newsbytes-2024-05-29';
const WIRED = 'wired-2023-12-22';

/** A fresh, mutable copy of data/ to break on purpose. */
const broken = () =>
  structuredClone({
    entities: entitiesJson,
    sources: sourcesJson,
    topics: topicsJson,
    positions: positionsJson,
  }) as unknown as Dataset;

const find = (ds: Dataset, id: string): Position => {
  const p = ds.positions.find((x) => x.id === id);
  if (!p) throw new Error(`no position ${id} in the dataset`);
  return p;
};

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

const texts = new Map<string, string>();
/** The text of a source, read from the seeds (undefined for an unknown source id). */
const seedText = (sourceId: string): string | undefined => {
  const source = dataset.sources.find((s) => s.id === sourceId);
  if (!source) return undefined;
  if (!texts.has(sourceId))
    texts.set(sourceId, fs.readFileSync(path.join(seedsDir, source.file), 'utf8'));
  return texts.get(sourceId);
};

const publisherOf = (id: string) => dataset.sources.find((s) => s.id === id)?.publisher;

describe('rule 1: an excerpt is shown only under the sources that print it', () => {
  it('every quote names the sources that print it, among its own sources', () => {
    for (const p of dataset.positions.filter((p) => p.quote !== undefined)) {
      expect(p.quoteSourceIds?.length, p.id).toBeGreaterThan(0);
      for (const s of p.quoteSourceIds ?? []) expect(p.sourceIds, p.id).toContain(s);
    }
  });

  it('reports a quote without quoteSourceIds, and quoteSourceIds outside sourceIds', () => {
    const data = broken();
    const a = find(data, 'lecun-join-xai-boss');
    delete a.quoteSourceIds;
    const b = find(data, 'lecun-80-papers');
    b.quoteSourceIds = [NB];
    const problems = problemsOf(data);
    expect(problems).toContain(
      'position lecun-join-xai-boss: a quote must name the sources that print it (quoteSourceIds)',
    );
    expect(problems).toContain(
      `position lecun-80-papers: quoteSourceIds names "${NB}", which is not among its sourceIds`,
    );
  });

  describe.runIf(seedsPresent)('against the source texts', () => {
    it('every quote is verbatim in every source it is shown under, and in no other of its sources', () => {
      expect(checkProvenance(dataset, seedText)).toEqual([]);
    });

    it('every phrase a summary puts in quotation marks is printed by every source it cites', () => {
      const quoted = dataset.positions.filter((p) => quotedPhrases(p.summary).length > 0);
      expect(quoted.length).toBeGreaterThan(5);
      for (const p of quoted)
        for (const phrase of quotedPhrases(p.summary))
          for (const s of p.sourceIds)
            expect(seedText(s)?.replace(/\s+/g, ' '), `${p.id}: “${phrase}” in ${s}`).toContain(
              phrase,
            );
    });

    it('fails on a quote shown under an outlet that never printed it, and on an uncredited printer', () => {
      const data = broken();
      // The "Join xAI if you can tolerate a boss…" text is only in NewsBytes.
      find(data, 'lecun-join-xai-boss').quoteSourceIds = [NB, VB];
      // VentureBeat prints this one: leaving it out is a defect too.
      const papers = find(data, 'lecun-80-papers');
      papers.quoteSourceIds = [WB];
      // A summary quoting words one of its sources does not print.
      find(data, 'musk-what-science').summary = 'Musk asked what “science” LeCun had done.';
      expect(checkProvenance(data, seedText).sort()).toEqual(
        [
          `position lecun-join-xai-boss: its quote is not in ${VB}, which it is shown under`,
          `position lecun-80-papers: its quote is not in ${WB}, which it is shown under`,
          `position lecun-80-papers: ${VB} prints its quote but is not in quoteSourceIds`,
          `position musk-what-science: its summary quotes “science”, which ${WB} does not print`,
        ].sort(),
      );
    });

    it('fails on the dataset as it was before the audit (every citation read as printing the quote)', () => {
      const data = broken();
      const restored = find(data, 'musk-agi-next-year');
      restored.sourceIds = [VB, NB, WB];
      restored.quoteSourceIds = [VB, NB, WB];
      const problems = checkProvenance(data, seedText);
      expect(problems).toContain(
        `position musk-agi-next-year: its quote is not in ${NB}, which it is shown under`,
      );
      expect(problems).toContain(
        `position musk-agi-next-year: its quote is not in ${WB}, which it is shown under`,
      );
    });
  });

  describe('when the reader switches off the only source that prints the words', () => {
    const join = find(dataset, 'lecun-join-xai-boss');

    it('drops the words and shows the claim under the outlets that report it', () => {
      const [shown] = filterPositions([join], { disabledSources: [NB] });
      expect(shown?.quote).toBeUndefined();
      expect(shown?.quoteSourceIds).toBeUndefined();
      expect(shown?.kind).toBe('paraphrase');
      expect(shown?.sourceIds).toEqual(join.sourceIds.filter((s) => s !== NB));
      expect(shown?.summary).toBe(join.summary);
      expect(attributionOf(shown!, publisherOf)).toBe('Reported by VentureBeat and WinBuzzer');
      expect(showsExcerpt(shown!)).toBe(false);
    });

    it('keeps the words while a source that prints them is on', () => {
      const [shown] = filterPositions([join], { disabledSources: [VB] });
      expect(shown?.quote).toBe(join.quote);
      expect(shown?.kind).toBe('quote');
      expect(shown?.quoteSourceIds).toEqual([NB]);
      expect(attributionOf(shown!, publisherOf)).toBe(
        'Words printed by NewsBytes; WinBuzzer also reports the claim',
      );
    });

    it('says who printed the words and who also reported the claim, with every source on', () => {
      expect(attributionOf(join, publisherOf)).toBe(
        'Words printed by NewsBytes; VentureBeat and WinBuzzer also report the claim',
      );
      const papers = find(dataset, 'lecun-80-papers');
      expect(attributionOf(papers, publisherOf)).toBe(
        'Words printed by VentureBeat; WinBuzzer also reports the claim',
      );
    });

    it('reads a cached row without quoteSourceIds as printed by all its sources', () => {
      const legacy = { ...join, quoteSourceIds: undefined };
      expect(filterPositions([legacy], { disabledSources: [NB] })[0]?.quote).toBe(join.quote);
    });

    it('leaves the words out of the card, the popup, search and compare alike', () => {
      const filter = { disabledSources: [NB] };
      const phrase = 'maximally rigorous pursuit';
      const quoting = (ps: readonly Position[]) =>
        ps.filter((p) => p.quote?.includes(phrase)).map((p) => p.id);

      const [card] = cardsFromDataset(dataset, ['yann-lecun', 'elon-musk'], filter);
      const [muskCard] = cardsFromDataset(dataset, ['elon-musk'], filter);
      expect(card?.positions.map((p) => p.id)).toContain(join.id);
      expect(quoting([...card!.positions, ...card!.about, ...card!.related])).toEqual([]);
      expect(quoting([...muskCard!.about, ...muskCard!.related])).toEqual([]);
      // The same card built from records (the IndexedDB path) agrees.
      const byId = new Map(dataset.positions.map((p) => [p.id, p]));
      const lecun = dataset.entities.find((e) => e.id === 'yann-lecun')!;
      const fromRows = buildCard(
        {
          entity: lecun,
          own: dataset.positions.filter((p) => p.entityId === lecun.id),
          about: dataset.positions.filter((p) => p.about?.includes(lecun.id)),
          lookupPosition: (id) => byId.get(id),
          sources: dataset.sources,
          topics: dataset.topics,
          names: card!.names,
        },
        filter,
      );
      expect(fromRows).toEqual(card);

      const model = buildBrowseModel(dataset, filter);
      expect(quoting(model.positions)).toEqual([]);
      expect(quoting([...model.lookups.positions.values()])).toEqual([]);
      expect(new BrowseSearch(model).search(phrase).total).toBe(0);
      const cells = buildCompareMatrix(model).flatMap((r) => r.cells.flatMap((c) => c.positions));
      expect(quoting(cells)).toEqual([]);

      // Control: with NewsBytes on, each of them finds the words.
      const all = buildBrowseModel(dataset, { disabledSources: [] });
      expect(quoting(all.positions)).toEqual([join.id]);
      expect(new BrowseSearch(all).search(phrase).total).toBe(1);
    });
  });
});

describe('rule 2: one occasion per position', () => {
  it('no position cites an article published before what it reports', () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    for (const p of dataset.positions)
      for (const id of p.sourceIds) {
        const s = sources.get(id)!;
        const n = Math.min(p.date.length, s.date.length);
        expect(p.date.slice(0, n) <= s.date.slice(0, n), `${p.id} ${p.date} vs ${id}`).toBe(true);
      }
  });

  it('keeps the post of about 2 June 2024 apart from the articles of 29 May 2024', () => {
    const june = dataset.positions.filter((p) => p.date === '2024-06-02');
    expect(june.length).toBeGreaterThan(5);
    for (const p of june) expect(p.sourceIds, p.id).toEqual([VB]);
  });

  it('fails when a 29 May article is cited for the June post', () => {
    const data = broken();
    find(data, 'lecun-musk-dangerous-positions').sourceIds.push(WB);
    expect(problemsOf(data)).toContain(
      `position lecun-musk-dangerous-positions: dated 2024-06-02, after its source ${WB} (2024-05-29)`,
    );
  });
});

describe('rule 3: a quote is the entity’s own words', () => {
  it('a quote is a statement, not a fragment worked into the outlet’s sentence', () => {
    for (const p of dataset.positions.filter((p) => p.kind === 'quote')) {
      expect(p.quote, p.id).toMatch(/^[\p{Lu}\p{N}]/u);
      expect(p.quote!.split(/\s+/).length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.quote, p.id).not.toMatch(/[[\]]/);
      expect(p.reportedBy, p.id).toBeUndefined();
    }
  });

  it('“misguided” is a paraphrase with a quoted fragment; an unsigned statement is no one’s quote', () => {
    expect(find(dataset, 'lecun-khosla-china-misguided').kind).toBe('paraphrase');
    expect(find(dataset, 'lecun-regulation-too-early').kind).toBe('paraphrase');
    const unsigned = find(dataset, 'lecun-did-not-sign-risk-statement');
    expect(unsigned.kind).toBe('fact');
    expect(unsigned.quote).toBeUndefined();
  });

  it('fails on a one-word quote and on an edited fragment', () => {
    const data = broken();
    find(data, 'lecun-khosla-china-misguided').kind = 'quote';
    find(data, 'lecun-disagrees-with-musk-on-many-issues').kind = 'quote';
    const problems = problemsOf(data);
    expect(problems).toContain(
      'position lecun-khosla-china-misguided: "misguided" is a fragment, not a statement: make it a paraphrase with a quoted fragment',
    );
    expect(
      problems.some((p) =>
        p.startsWith('position lecun-disagrees-with-musk-on-many-issues: "very much disagree[s]'),
      ),
    ).toBe(true);
  });
});

describe('rule 4: dates say what they are', () => {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));

  it('every position says whether its date is the event’s or the report’s', () => {
    for (const p of dataset.positions) expect(['event', 'reported'], p.id).toContain(p.dateIs);
  });

  it('a reported date is the earliest source’s date, approximate exactly when that date is', () => {
    for (const p of dataset.positions.filter((p) => p.dateIs === 'reported')) {
      const cited = p.sourceIds.map((id) => sources.get(id)!);
      const from = cited.find((s) => s.date === p.date);
      expect(from, `${p.id}: its date is one of its sources'`).toBeDefined();
      for (const s of cited)
        expect(
          comparePartialDates(s.date, p.date),
          `${p.id}: ${s.id} is earlier`,
        ).toBeGreaterThanOrEqual(0);
      expect(!!p.dateApproximate, p.id).toBe(!!from?.dateApproximate);
    }
  });

  it('shows Musk’s robotaxi promise and Twitter purchase as reported, the June post as approximate', () => {
    for (const id of ['musk-robotaxis-by-2020', 'musk-acquired-twitter']) {
      const p = find(dataset, id);
      expect(p.dateIs, id).toBe('reported');
      expect(formatPositionDate(p)).toBe('reported approx. 3 June 2024');
    }
    expect(formatPositionDate(find(dataset, 'lecun-musk-false-predictions'))).toBe(
      'approx. 2 June 2024',
    );
    const chief = find(dataset, 'lecun-meta-chief-ai-scientist');
    expect(formatPositionDate(chief)).toBe('reported 22 December 2023');
    // With WIRED switched off, the date follows the earliest source still shown (WinBuzzer's
    // 29 May 2024 says more than Benzinga's bare, approximate 2024), on the card and in the popup.
    const filter = { disabledSources: [WIRED] };
    const [trimmed] = filterPositions([chief], filter, dataset.sources);
    expect(formatPositionDate(trimmed!)).toBe('reported 29 May 2024');
    const [card] = cardsFromDataset(dataset, ['yann-lecun'], filter);
    expect(card?.positions.find((p) => p.id === chief.id)?.date).toBe('2024-05-29');
    const model = buildBrowseModel(dataset, filter);
    expect(model.lookups.positions.get(chief.id)?.date).toBe('2024-05-29');
    // With only Benzinga left, it is Benzinga's approximate year.
    const [benzinga] = filterPositions(
      [chief],
      { disabledSources: chief.sourceIds.filter((s) => s !== 'benzinga-2024') },
      dataset.sources,
    );
    expect(formatPositionDate(benzinga!)).toBe('reported approx. 2024');
    // An event date never moves.
    const post = find(dataset, 'lecun-80-papers');
    expect(filterPositions([post], { disabledSources: [VB] }, dataset.sources)[0]?.date).toBe(
      post.date,
    );
  });

  it('fails on a missing dateIs and on a reported date that is not the article’s', () => {
    const data = broken();
    delete find(data, 'musk-acquired-twitter').dateIs;
    const robotaxis = find(data, 'musk-robotaxis-by-2020');
    robotaxis.date = '2024-06-02';
    const problems = problemsOf(data);
    expect(problems).toContain(
      "position musk-acquired-twitter: dateIs must say whether the date is the event's or the report's",
    );
    expect(problems).toContain(
      `position musk-robotaxis-by-2020: a reported date must be its earliest source's (${VB}: 2024-06-03, approximate)`,
    );
  });
});

describe('rule 5: attribution is exact', () => {
  const publishers = dataset.sources.map((s) => s.publisher);

  it('reportedBy never names an outlet, and a summary names only outlets it cites', () => {
    for (const p of dataset.positions) {
      for (const name of publishers) {
        expect(p.reportedBy ?? '', p.id).not.toContain(name);
        if (p.summary.includes(name))
          expect(p.sourceIds.map(publisherOf), `${p.id} names ${name}`).toContain(name);
      }
    }
  });

  it('names the outlets from the sources still shown, so a switched-off one is never named', () => {
    const lecunShorthand = find(dataset, 'musk-agi-next-year');
    expect(attributionOf(lecunShorthand, publisherOf)).toBe(
      'Reported by Yann LeCun, via VentureBeat',
    );
    const convnets = find(dataset, 'lecun-convnets-pioneer');
    expect(convnets.sourceIds).toEqual([WB, VB]);
    const [trimmed] = filterPositions([find(dataset, 'musk-what-science')], {
      disabledSources: [VB],
    });
    expect(attributionOf(trimmed!, publisherOf)).toBe('Reported by WinBuzzer');
  });

  it('does not pass on WinBuzzer’s account of the xAI job posting without NewsBytes’ account of the appeal', () => {
    const posting = find(dataset, 'musk-xai-job-posting-account');
    expect(posting.sourceIds).toEqual([WB]);
    expect(posting.otherAccounts).toContain('musk-xai-recruitment-appeal');
    expect(find(dataset, 'musk-xai-recruitment-appeal').otherAccounts).toContain(posting.id);
    // Both are on the card, so the reader sees the two accounts together.
    const [card] = cardsFromDataset(dataset, ['elon-musk'], { disabledSources: [] });
    const onCard = new Set([...card!.positions, ...card!.related].map((p) => p.id));
    expect(onCard.has('musk-xai-recruitment-appeal')).toBe(true);
    expect(onCard.has(posting.id)).toBe(true);
  });

  it('fails on an uncited outlet in a summary and on a one-way or same-source other account', () => {
    const data = broken();
    find(data, 'musk-going-soft').summary = 'VentureBeat says Musk suggested LeCun was going soft.';
    find(data, 'musk-xai-recruitment-appeal').otherAccounts = [];
    find(data, 'musk-agi-by-next-year-april').sourceIds = [WB];
    const problems = problemsOf(data);
    expect(problems).toContain(
      'position musk-going-soft: its summary names VentureBeat, which it does not cite',
    );
    expect(problems).toContain(
      'position musk-xai-job-posting-account lists musk-xai-recruitment-appeal as another account, but not the other way',
    );
    expect(problems).toContain(
      'position musk-xai-job-posting-account: another account (musk-agi-by-next-year-april) must come from other sources',
    );
  });
});

describe('rule 6: links mean what they say', () => {
  it('a remark on Khosla’s motive is not a dispute of his stance', () => {
    const stance = find(dataset, 'khosla-closed-ai');
    expect(stance.disputedBy).not.toContain('lecun-khosla-profits-from-closed-ai');
    expect(stance.disputedBy).not.toContain('lecun-khosla-china-motive');
    expect(find(dataset, 'lecun-khosla-profits-from-closed-ai').respondsTo).toEqual([stance.id]);
  });

  it('LeCun’s answer on content moderation responds to Musk’s free-speech stance', () => {
    expect(find(dataset, 'lecun-content-moderation-trade-off').respondsTo).toContain(
      'musk-free-speech-absolutist',
    );
  });

  it('a position about an entity names it in its summary, and every summary names its own entity', () => {
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    const named = (text: string, id: string) =>
      [byId.get(id)!.displayName, ...byId.get(id)!.aliases.map((a) => a.text)].some((n) =>
        text.includes(n),
      );
    for (const p of dataset.positions) {
      expect(named(p.summary, p.entityId), p.id).toBe(true);
      for (const target of p.about ?? [])
        expect(named(p.summary, target), `${p.id} → ${target}`).toBe(true);
    }
  });

  it('fails on an unsupported about, and on a reply dated before what it replies to', () => {
    const data = broken();
    find(data, 'musk-acquired-twitter').about = ['vinod-khosla'];
    const reply = find(data, 'lecun-join-xai-boss');
    reply.date = '2024-03';
    const problems = problemsOf(data);
    expect(problems).toContain(
      'position musk-acquired-twitter: is about vinod-khosla, but its summary does not name them',
    );
    expect(problems).toContain(
      'position lecun-join-xai-boss (2024-03) replies to musk-agi-by-next-year-april, dated later (2024-04)',
    );
  });
});

describe('what the checklist said was missing', () => {
  it('Hugging Face’s CEO backing LeCun, WIRED’s characterization, Musk’s silence, Musk’s roles', () => {
    const text = (p: Position) => `${p.summary} ${p.quote ?? ''}`;
    const has = (source: string, pattern: RegExp) =>
      dataset.positions.some((p) => p.sourceIds.includes(source) && pattern.test(text(p)));
    expect(has(WB, /Clem Delangue/)).toBe(true);
    expect(has(WIRED, /Pangloss/)).toBe(true);
    expect(has(VB, /request for comment/)).toBe(true);
    const musk = dataset.entities.find((e) => e.id === 'elon-musk')!;
    expect(musk.roles.map((r) => r.org)).toEqual(
      expect.arrayContaining(['Tesla', 'SpaceX', 'xAI', 'X (formerly Twitter)', 'Neuralink']),
    );
  });
});
