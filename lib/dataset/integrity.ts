import type { Dataset } from './schema';

/**
 * Cross-record checks zod cannot express: unique ids and aliases, and that every reference
 * (sources, entities, topics, respondsTo, disputedBy) resolves. Returns one line per problem.
 */
export function checkIntegrity(ds: Dataset): string[] {
  const problems: string[] = [];
  const idsOf = (kind: string, items: { id: string }[]) => {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id "${id}"`);
      seen.add(id);
    }
    return seen;
  };
  const entityIds = idsOf('entity', ds.entities);
  const sourceIds = idsOf('source', ds.sources);
  const topicIds = idsOf('topic', ds.topics);
  const positionIds = idsOf('position', ds.positions);

  const aliasOwner = new Map<string, string>();
  for (const entity of ds.entities) {
    for (const alias of entity.aliases) {
      const key = alias.caseSensitive ? alias.text : alias.text.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner)
        problems.push(`alias "${alias.text}" of ${entity.id} is also an alias of ${owner}`);
      aliasOwner.set(key, entity.id);
    }
    for (const role of entity.roles) {
      for (const s of role.sourceIds) {
        if (!sourceIds.has(s))
          problems.push(`entity ${entity.id}: role "${role.title}" cites unknown source "${s}"`);
      }
    }
  }

  for (const p of ds.positions) {
    const where = `position ${p.id}`;
    if (!entityIds.has(p.entityId)) problems.push(`${where}: unknown entity "${p.entityId}"`);
    if (!topicIds.has(p.topic)) problems.push(`${where}: unknown topic "${p.topic}"`);
    for (const s of p.sourceIds)
      if (!sourceIds.has(s)) problems.push(`${where}: unknown source "${s}"`);
    for (const e of p.about ?? [])
      if (!entityIds.has(e)) problems.push(`${where}: about unknown entity "${e}"`);
    for (const field of ['respondsTo', 'disputedBy'] as const) {
      for (const ref of p[field] ?? []) {
        if (!positionIds.has(ref)) problems.push(`${where}: ${field} unknown position "${ref}"`);
        if (ref === p.id) problems.push(`${where}: ${field} refers to itself`);
      }
    }
    if (p.kind === 'quote' && !p.quote)
      problems.push(`${where}: a quote needs its verbatim "quote"`);
    if (p.kind === 'paraphrase' && !p.reportedBy)
      problems.push(`${where}: a paraphrase must say who reported it`);
  }

  // Disputes are linked both ways: if A is disputed by B, B responds to A.
  const byId = new Map(ds.positions.map((p) => [p.id, p]));
  for (const p of ds.positions) {
    for (const ref of p.disputedBy ?? []) {
      const other = byId.get(ref);
      if (other && !(other.respondsTo ?? []).includes(p.id)) {
        problems.push(
          `position ${p.id} is disputed by ${ref}, but ${ref} does not list it in respondsTo`,
        );
      }
    }
  }
  return problems;
}
