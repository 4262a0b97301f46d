import type { Dataset, Entity, Position, Source } from './schema';

/**
 * Compares two partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) at the precision they share:
 * negative when `a` is earlier, 0 when they may be the same day, positive when `a` is later.
 */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The source a `reported` position takes its date from: the earliest of its sources. Where two
 * dates cannot be told apart at their shared precision (`2024` and `2024-05-29`), the more precise
 * one wins: "reported 29 May 2024" is true, and says more than "reported 2024".
 */
export function earliestSource<S extends Pick<Source, 'date'>>(
  sources: readonly S[],
): S | undefined {
  let first: S | undefined;
  for (const s of sources) {
    const order = first ? comparePartialDates(s.date, first.date) : -1;
    if (!first || order < 0 || (order === 0 && s.date.length > first.date.length)) first = s;
  }
  return first;
}

/** Whether `text` names `entity` by its display name or one of its aliases. */
function names(text: string, entity: Entity): boolean {
  const lower = text.toLowerCase();
  return [{ text: entity.displayName, caseSensitive: false }, ...entity.aliases].some((alias) =>
    alias.caseSensitive ? text.includes(alias.text) : lower.includes(alias.text.toLowerCase()),
  );
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Cross-record checks zod cannot express: unique ids and aliases, that every reference resolves,
 * and the sourcing rules that need no source text (issue 13): who prints a quote, what a date is,
 * that a quote is a statement, that attribution names only the outlets cited, and that links are
 * reciprocal. Returns one line per problem.
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
  const sourceById = new Map(ds.sources.map((s) => [s.id, s]));
  const entityById = new Map(ds.entities.map((e) => [e.id, e]));

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
    for (const field of ['respondsTo', 'disputedBy', 'otherAccounts'] as const) {
      for (const ref of p[field] ?? []) {
        if (!positionIds.has(ref)) problems.push(`${where}: ${field} unknown position "${ref}"`);
        if (ref === p.id) problems.push(`${where}: ${field} refers to itself`);
      }
    }
    if (p.kind === 'quote' && !p.quote)
      problems.push(`${where}: a quote needs its verbatim "quote"`);
    const sources = p.sourceIds.map((id) => sourceById.get(id)).filter((s): s is Source => !!s);
    checkQuoteSources(p, where, problems);
    checkDate(p, sources, where, problems);
    checkQuoteIsStatement(p, where, problems);
    checkAttribution(p, sources, ds.sources, where, problems);
    // The summary is shown alone in lines such as "Disputed — …": it must say whose position it is.
    const own = entityById.get(p.entityId);
    if (own && !names(p.summary, own))
      problems.push(`${where}: its summary does not name ${p.entityId}, whose position it is`);
    for (const target of p.about ?? []) {
      const entity = entityById.get(target);
      if (entity && !names(p.summary, entity))
        problems.push(`${where}: is about ${target}, but its summary does not name them`);
    }
  }
  checkLinks(ds.positions, problems);
  return problems;
}

/** Rule 1: the sources that print the words are named, and they are sources of the position. */
function checkQuoteSources(p: Position, where: string, problems: string[]) {
  if (p.quote === undefined) {
    if (p.quoteSourceIds) problems.push(`${where}: quoteSourceIds without a quote`);
    return;
  }
  const printed = p.quoteSourceIds ?? [];
  if (printed.length === 0)
    problems.push(`${where}: a quote must name the sources that print it (quoteSourceIds)`);
  if (new Set(printed).size !== printed.length)
    problems.push(`${where}: quoteSourceIds repeats a source`);
  for (const s of printed)
    if (!p.sourceIds.includes(s))
      problems.push(`${where}: quoteSourceIds names "${s}", which is not among its sourceIds`);
}

/** Rules 2 and 4: a date says what it is, and no source predates what it reports. */
function checkDate(p: Position, sources: readonly Source[], where: string, problems: string[]) {
  if (!p.dateIs)
    problems.push(`${where}: dateIs must say whether the date is the event's or the report's`);
  for (const s of sources) {
    if (comparePartialDates(p.date, s.date) > 0)
      problems.push(`${where}: dated ${p.date}, after its source ${s.id} (${s.date})`);
  }
  if (p.dateIs === 'reported') {
    const first = earliestSource(sources);
    if (first && (p.date !== first.date || !!p.dateApproximate !== !!first.dateApproximate))
      problems.push(
        `${where}: a reported date must be its earliest source's (${first.id}: ${first.date}${first.dateApproximate ? ', approximate' : ''})`,
      );
  }
}

/**
 * Rule 3: a `quote` is the entity's own statement. A fragment an outlet works into its own
 * sentence (it starts in lower case, is a word or two, or carries the outlet's [brackets]) is a
 * paraphrase with a quoted fragment.
 */
function checkQuoteIsStatement(p: Position, where: string, problems: string[]) {
  if (p.kind !== 'quote' || !p.quote) return;
  const q = p.quote.trim();
  if (!/^[\p{Lu}\p{N}]/u.test(q) || words(q) < 3 || /[[\]]/.test(q))
    problems.push(
      `${where}: "${q}" is a fragment, not a statement: make it a paraphrase with a quoted fragment`,
    );
  if (p.reportedBy)
    problems.push(`${where}: a quote is the entity's own words, so it has no reportedBy`);
}

/** Rule 5: outlets are named only where they are cited, and never through `reportedBy`. */
function checkAttribution(
  p: Position,
  sources: readonly Source[],
  all: readonly Source[],
  where: string,
  problems: string[],
) {
  const cited = new Set(sources.map((s) => s.publisher));
  for (const { publisher } of all) {
    if (p.reportedBy?.toLowerCase().includes(publisher.toLowerCase()))
      problems.push(
        `${where}: reportedBy names the outlet ${publisher}; outlets are cited through sourceIds`,
      );
    if (!cited.has(publisher) && new RegExp(`\\b${publisher}\\b`).test(p.summary))
      problems.push(`${where}: its summary names ${publisher}, which it does not cite`);
  }
}

/** Rule 6: disputes and other accounts are linked both ways; a reply does not precede its target. */
function checkLinks(positions: readonly Position[], problems: string[]) {
  const byId = new Map(positions.map((p) => [p.id, p]));
  for (const p of positions) {
    for (const ref of p.disputedBy ?? []) {
      const other = byId.get(ref);
      if (other && !(other.respondsTo ?? []).includes(p.id)) {
        problems.push(
          `position ${p.id} is disputed by ${ref}, but ${ref} does not list it in respondsTo`,
        );
      }
    }
    for (const ref of p.otherAccounts ?? []) {
      const other = byId.get(ref);
      if (!other) continue;
      if (!(other.otherAccounts ?? []).includes(p.id))
        problems.push(`position ${p.id} lists ${ref} as another account, but not the other way`);
      if (other.sourceIds.some((s) => p.sourceIds.includes(s)))
        problems.push(`position ${p.id}: another account (${ref}) must come from other sources`);
    }
    for (const ref of p.respondsTo ?? []) {
      const target = byId.get(ref);
      if (
        target &&
        p.dateIs === 'event' &&
        target.dateIs === 'event' &&
        comparePartialDates(p.date, target.date) < 0
      )
        problems.push(
          `position ${p.id} (${p.date}) replies to ${ref}, dated later (${target.date})`,
        );
    }
  }
}
