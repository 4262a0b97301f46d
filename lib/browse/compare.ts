/**
 * The compare matrix: topics × entities, each cell holding what that entity has said or is
 * reported to hold on that topic, and each row the pairs of entities that disagree there.
 *
 * Two entities disagree on a topic when the dataset says so, not when wording suggests it:
 * - a position of one replies to or is disputed by a position of the other
 *   (`respondsTo` / `disputedBy`), and one of the two positions is on that topic; or
 * - one entity's verbatim quote on that topic is aimed at the other (`kind: 'quote'` with
 *   `about`). Summaries and facts with `about` do not count: "LeCun praised Musk's rockets"
 *   targets Musk without disagreeing.
 */
import type { Entity, Position, Topic } from '../dataset/schema';
import { bySalience } from '../dataset/query';

/** One entity's cell in one topic row. */
export interface CompareCell {
  entityId: string;
  /** The entity's own positions on the topic, most salient first. */
  positions: Position[];
  /** Other entities whose positions on this topic are about this one. */
  addressedBy: string[];
}

/** Two entities at odds on a topic, and the positions that show it. */
export interface Disagreement {
  /** The two entity ids, in model order. */
  entities: [string, string];
  /** Position ids, in the order they were found. */
  evidence: string[];
}

export interface CompareRow {
  topic: Topic;
  /** One cell per entity, in model order (empty cells included, so columns line up). */
  cells: CompareCell[];
  disagreements: Disagreement[];
}

/**
 * Builds the rows for every topic that has at least one position: topics with a disagreement
 * first, then topics more entities speak to, each part in the order of `topics`.
 */
export function buildCompareMatrix(input: {
  entities: readonly Entity[];
  topics: readonly Topic[];
  positions: readonly Position[];
}): CompareRow[] {
  const order = new Map(input.entities.map((e, i) => [e.id, i]));
  const byId = new Map(input.positions.map((p) => [p.id, p]));
  const disputes = new Map<string, Map<string, Disagreement>>();

  const note = (topic: string, a: string, b: string, evidence: string[]) => {
    const ia = order.get(a);
    const ib = order.get(b);
    if (ia === undefined || ib === undefined || a === b) return;
    const pair: [string, string] = ia < ib ? [a, b] : [b, a];
    const key = pair.join('|');
    let row = disputes.get(topic);
    if (!row) disputes.set(topic, (row = new Map()));
    const found = row.get(key);
    if (!found) row.set(key, { entities: pair, evidence: [...evidence] });
    else for (const id of evidence) if (!found.evidence.includes(id)) found.evidence.push(id);
  };

  for (const p of input.positions) {
    for (const id of [...(p.respondsTo ?? []), ...(p.disputedBy ?? [])]) {
      const q = byId.get(id);
      if (!q || q.entityId === p.entityId) continue;
      note(p.topic, p.entityId, q.entityId, [p.id, q.id]);
      if (q.topic !== p.topic) note(q.topic, p.entityId, q.entityId, [p.id, q.id]);
    }
    if (p.kind === 'quote')
      for (const target of p.about ?? []) note(p.topic, p.entityId, target, [p.id]);
  }

  const rows: CompareRow[] = [];
  for (const topic of input.topics) {
    const onTopic = input.positions.filter((p) => p.topic === topic.id);
    if (!onTopic.some((p) => order.has(p.entityId))) continue;
    const cells = input.entities.map((entity) => ({
      entityId: entity.id,
      positions: onTopic.filter((p) => p.entityId === entity.id).sort(bySalience),
      addressedBy: [
        ...new Set(
          onTopic
            .filter((p) => p.entityId !== entity.id && p.about?.includes(entity.id))
            .map((p) => p.entityId),
        ),
      ],
    }));
    const disagreements = [...(disputes.get(topic.id)?.values() ?? [])].sort(
      (x, y) =>
        (order.get(x.entities[0]) ?? 0) - (order.get(y.entities[0]) ?? 0) ||
        (order.get(x.entities[1]) ?? 0) - (order.get(y.entities[1]) ?? 0),
    );
    rows.push({ topic, cells, disagreements });
  }
  const voices = (r: CompareRow) => r.cells.filter((c) => c.positions.length > 0).length;
  const disputed = (r: CompareRow) => (r.disagreements.length > 0 ? 1 : 0);
  // Stable sort: ties keep the order of `topics`.
  return rows.sort((a, b) => disputed(b) - disputed(a) || voices(b) - voices(a));
}

/**
 * A read-only view of a position map without some ids. Compare renders a row's cells with it,
 * so a position's "Disputed — …" line is left out when the disputing position already stands
 * in the next column.
 */
export class PositionsWithout implements ReadonlyMap<string, Position> {
  constructor(
    private readonly base: ReadonlyMap<string, Position>,
    private readonly hidden: ReadonlySet<string>,
  ) {}

  get(id: string): Position | undefined {
    return this.hidden.has(id) ? undefined : this.base.get(id);
  }
  has(id: string): boolean {
    return !this.hidden.has(id) && this.base.has(id);
  }
  get size(): number {
    let n = 0;
    for (const id of this.base.keys()) if (!this.hidden.has(id)) n++;
    return n;
  }
  *entries(): MapIterator<[string, Position]> {
    for (const entry of this.base.entries()) if (!this.hidden.has(entry[0])) yield entry;
  }
  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }
  *values(): MapIterator<Position> {
    for (const [, p] of this.entries()) yield p;
  }
  [Symbol.iterator](): MapIterator<[string, Position]> {
    return this.entries();
  }
  forEach(
    callback: (value: Position, key: string, map: ReadonlyMap<string, Position>) => void,
  ): void {
    for (const [id, p] of this.entries()) callback(p, id, this);
  }
}

/** The ids of every position shown in a row. */
export function rowPositionIds(row: CompareRow): Set<string> {
  return new Set(row.cells.flatMap((c) => c.positions.map((p) => p.id)));
}
