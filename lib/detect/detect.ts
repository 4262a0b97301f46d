/**
 * Finds mentions in block texts: one DFA pass per block for candidates, then case, boundary and
 * URL checks, leftmost-longest selection, and the evidence rules of docs/DESIGN.md "Detection".
 */
import type { Alias } from '../dataset/schema';
import {
  IGNORE,
  SPACE,
  isCjkCode,
  isDigitCode,
  isNameDotCode,
  isWordCode,
  normalize,
} from './chars';
import type { CompiledMatcher, EntityRules, Use, Words } from './compile';

/** One accepted mention inside a block. */
export interface Mention {
  /** Code-unit offsets into the block text; `end` is exclusive. */
  start: number;
  end: number;
  entityId: string;
  /** The alias as written in the dataset (not the matched text). */
  alias: string;
  strength: 'strong' | 'weak';
  /** The alias's note, for the card ("Khosla Ventures is Vinod Khosla's venture capital firm."). */
  note?: string;
}

export interface DetectResult {
  /** Per input block: mentions sorted by `start`, never overlapping. */
  mentions: Mention[][];
  /** Entities with an accepted strong mention in these blocks: page evidence for later calls. */
  strongEntities: Set<string>;
  /**
   * Per input block: entities whose weak candidates failed only for lack of evidence (no veto, no
   * negative cue), so the caller can re-run that block once a strong mention appears elsewhere.
   */
  awaitingEvidence: Set<string>[];
}

/** Cues (and other strong aliases) count within this many characters of a candidate, same block. */
const CUE_WINDOW = 150;
/** A bare surname refers back to a passage's full name at most this far into earlier blocks. */
const COREF_WINDOW = 500;
/** How far the whitespace-delimited token around a match is read for URL checks. */
const TOKEN_LIMIT = 256;
/** How long a word before or after a name is read. */
const WORD_LIMIT = 40;

/** A title, or a compound that ends in one (`Multimilliardär`, `Cofounder`). */
const isTitle = (w: Words, lower: string) =>
  w.titles.has(lower) || w.longTitles.some((t) => lower.length > t.length && lower.endsWith(t));

/** Verbs by their ending (`Backs`, `Slams`, `Tosses`, `Pushes`, `Denies`, `Backed`). */
const HEADLINE_VERB = /^\p{L}+(?:[b-df-hj-np-rtv-xz]s|(?:ss|sh|ch|x|zz|i)es)$|^\p{L}{3,}ed$/iu;

type NameUse = Extract<Use, { kind: 'alias' | 'namesake' }>;
type AliasUse = Extract<Use, { kind: 'alias' }>;
interface Candidate {
  start: number;
  end: number;
  use: NameUse;
  /** In a link or identifier: not a mention, but no shorter match inside it is one either. */
  blocked?: true;
}
interface Cue {
  start: number;
  end: number;
  entity: number;
  positive: boolean;
}
/** A full name a later bare surname may refer to: the entity's own, or a namesake's. */
interface Antecedent {
  /** Offset in the call's blocks laid end to end (one separator between blocks). */
  end: number;
  block: number;
  own: boolean;
  /** Who it names: `#own` for the entity, else the lower-cased full name ("kimbal musk"). */
  key: string;
}

/** The lower-cased "Given Surname" ending at `end` (the surname may be all of [start, end)). */
function nameKey(text: string, start: number, end: number): string {
  const m = /(\p{L}[\p{L}'’.-]*)\s+(\S+)$/u.exec(text.slice(Math.max(0, start - WORD_LIMIT), end));
  return (m ? `${m[1]} ${m[2]}` : text.slice(start, end)).toLowerCase();
}
const PENDING = 0;
const ACCEPTED = 1;
const REJECTED = 2;
/** A surname after a capitalized word that may be a given name or just start the sentence. */
const SENTENCE_START = 3;
/** A block's cues sorted by start, and the longest one's length (to bound window searches). */
interface CueIndex {
  list: Cue[];
  maxLength: number;
}
interface BlockWork {
  cands: Candidate[];
  cues: CueIndex;
  state: Uint8Array;
}

/**
 * Detects mentions in block texts (block-level elements in document order). Two passes: strong
 * aliases first, so every weak candidate in the call can use them as evidence.
 * @param blocks texts of block-level elements in document order (inline markup already joined).
 * @param pageEvidence entities already known on the page (a strong mention found earlier).
 * @default pageEvidence an empty set
 */
export function detectMentions(
  blocks: readonly string[],
  matcher: CompiledMatcher,
  pageEvidence: ReadonlySet<string> = new Set(),
): DetectResult {
  const strongEntities = new Set<string>();
  const antecedents: Antecedent[][] = matcher.entities.map(() => []);
  const hits: number[] = [];
  const work: (BlockWork | undefined)[] = [];
  let base = 0;
  blocks.forEach((text, b) => {
    const w = collect(text, matcher, hits);
    if (w) decideLocally(text, b, base, w, matcher, strongEntities, antecedents);
    work.push(w);
    base += text.length + 1;
  });

  const mentions: Mention[][] = [];
  const awaitingEvidence: Set<string>[] = [];
  // Salience is computed once per call and entity, not once per candidate: linear in the text.
  const salience = antecedents.map((list) => new Salience(list));
  base = 0;
  blocks.forEach((text, b) => {
    const list: Mention[] = [];
    const waiting = new Set<string>();
    const w = work[b];
    const sentences = new SentenceEnds(text);
    w?.cands.forEach((c, i) => {
      let ok = w.state[i] === ACCEPTED;
      // "Kunjungan Musk ini…": a capitalized word that may just start the sentence. Only a
      // passage about the entity makes it a plain word.
      if (w.state[i] === SENTENCE_START)
        ok =
          antecedentOf(salience[c.use.entity]!, base + c.start, b, sentences, base)?.own === true;
      if (w.state[i] === PENDING && c.use.kind === 'alias') {
        const e = c.use.entity;
        const id = matcher.entities[e]?.id ?? '';
        const ranked = salience[e]!;
        const surname = c.use.alias.role === 'surname';
        const ante = surname ? antecedentOf(ranked, base + c.start, b, sentences, base) : undefined;
        // Outside any passage, the page's most-named full name with this surname is its
        // subject, unless the context nearby points to this entity ("Musk said Tesla would grow").
        const primary = surname && !ante ? ranked.pageSubject() : undefined;
        const cued = cueNear(w.cues, c, e, true) || (surname && fameAfter(text, c.end, matcher));
        if (ante) ok = ante.own;
        else if (primary && !primary.own && !cued) ok = false;
        else if (cueNear(w.cues, c, e, false)) ok = false;
        else if (pageEvidence.has(id) || strongEntities.has(id) || cued) ok = true;
        else waiting.add(id);
      }
      if (ok && c.use.kind === 'alias') list.push(toMention(c, c.use, matcher));
    });
    mentions.push(list);
    awaitingEvidence.push(waiting);
    base += text.length + 1;
  });
  return { mentions, strongEntities, awaitingEvidence };
}

/**
 * Where the next possible mention in `text` ends, from `from` on, at native speed (the matcher's
 * prefilter); -1 when there is none. A superset of {@link detectMentions}: no boundaries, no
 * context, but nothing it would find is missed.
 */
export function nextCandidate(text: string, matcher: CompiledMatcher, from = 0): number {
  const re = matcher.prefilter;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : -1;
}

/**
 * Fast path for pages without any mention: true if some alias occurs, ignoring case, boundaries
 * and context. One pass, no allocation; a `false` means {@link detectMentions} would find nothing.
 */
export function mightContainMention(text: string, matcher: CompiledMatcher): boolean {
  const { cls, table, width, aliasState } = matcher;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const t = table[s + cls[text.charCodeAt(i)]!]!;
    if (t < 0) {
      s = ~t;
      if (aliasState[s / width] === 1) return true;
    } else s = t;
  }
  return false;
}

/** The hot loop: appends `(end, state)` pairs for every state with outputs. */
function scan(text: string, matcher: CompiledMatcher, hits: number[]): void {
  const { cls, table } = matcher;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const t = table[s + cls[text.charCodeAt(i)]!]!;
    if (t < 0) {
      s = ~t;
      hits.push(i + 1, s);
    } else s = t;
  }
}

/** Scans one block and keeps verified candidates (leftmost-longest) and cues; none → undefined. */
function collect(text: string, m: CompiledMatcher, hits: number[]): BlockWork | undefined {
  hits.length = 0;
  scan(text, m, hits);
  let anyAlias = false;
  for (let h = 1; h < hits.length && !anyAlias; h += 2)
    anyAlias = m.aliasState[hits[h]! / m.width] === 1;
  if (!anyAlias) return undefined; // cues alone decide nothing

  const found: Candidate[] = [];
  const cues: Cue[] = [];
  for (let h = 0; h < hits.length; h += 2) {
    const end = hits[h]!;
    const state = hits[h + 1]! / m.width;
    for (let o = m.outStart[state]!; o < m.outStart[state + 1]!; o++) {
      const p = m.patterns[m.outIds[o]!]!;
      const start = startOf(text, end, p.len, m.cls);
      const before = codeBefore(text, start, m.cls);
      if (glues(before, text.charCodeAt(start))) continue;
      const after = codeAfter(text, end, m.cls);
      // A word character right after ends the match unless it is a German genitive (`Musks
      // SpaceX`) or an affiliation marker after a full name (`Yann LeCun1`, joined from <sup>).
      let tail = CLEAN;
      if (glues(after, text.charCodeAt(end - 1))) {
        if (genitiveAfter(text, start, end, m)) tail = GENITIVE;
        else if (markerAfter(text, end)) tail = MARKER;
        else continue;
      }
      // Latin letters glued into a full name (`ElonMusk`) are a name only in CJK text or a hashtag.
      const gluedContext = isCjkCode(before) || isCjkCode(after) || before === 0x23;
      const raw = text.slice(start, end);
      for (const use of p.uses) {
        if (use.kind === 'cue') {
          if (tail === CLEAN && caseOk(raw, use.text, use.exact, true)) {
            cues.push({ start, end, entity: use.entity, positive: use.positive });
          }
          continue;
        }
        if (!tailFits(use, tail)) continue;
        if (
          use.kind === 'alias' &&
          use.glued &&
          !gluedContext &&
          !isCjkCode(use.text.charCodeAt(0))
        )
          continue;
        const cased =
          use.kind === 'alias'
            ? caseOk(raw, use.text, use.alias.caseSensitive, use.alias.allCaps === true)
            : caseOk(raw, use.text, true, true);
        if (!cased) continue;
        // A name inside a link still blocks its parts (`/wiki/埃隆·马斯克` holds no `马斯克`).
        if (inLinkOrCode(text, start, end, m.cls, use.text.startsWith('@')))
          found.push({ start, end, use, blocked: true });
        else found.push({ start, end, use });
      }
    }
  }
  if (!found.some((c) => c.use.kind === 'alias' && !c.blocked)) return undefined;

  const rank = (c: Candidate) =>
    c.use.kind === 'namesake' ? 2 : c.use.alias.strength === 'strong' ? 0 : 1;
  found.sort((x, y) => x.start - y.start || y.end - x.end || rank(x) - rank(y));
  const cands: Candidate[] = [];
  let last = 0;
  for (const c of found) {
    if (c.start < last) continue;
    last = c.end;
    if (!c.blocked) cands.push(c);
  }
  cues.sort((x, y) => x.start - y.start);
  const maxLength = cues.reduce((n, q) => Math.max(n, q.end - q.start), 0);
  return { cands, cues: { list: cues, maxLength }, state: new Uint8Array(cands.length) };
}

const CLEAN = 0;
const GENITIVE = 1;
const MARKER = 2;

/**
 * Whether a character next to a match glues onto it: a word character, unless either side is in
 * a script written without spaces (`专访Yann`, `马斯克表示`, `Musk的`).
 */
const glues = (adjacent: number, edge: number) =>
  !isCjkCode(adjacent) && !isCjkCode(edge) && isWordCode(adjacent);

/** Which uses a match with a suffix may be: a genitive is a name's, a marker a full name's. */
function tailFits(use: NameUse, tail: number): boolean {
  if (tail === CLEAN) return true;
  if (use.kind === 'namesake') return tail === GENITIVE;
  const { role } = use.alias;
  if (use.glued) return false;
  if (tail === GENITIVE) return role === 'surname' || role === 'fullName';
  return role === 'fullName' && use.text.includes(' ');
}

/**
 * `Musks SpaceX`, `Elon Musks Firma`: a name in Latin letters, then `s` and a capitalized word
 * (German writes its nouns so). Never `the Musks` or `both Musks`, a family.
 */
function genitiveAfter(text: string, start: number, end: number, m: CompiledMatcher): boolean {
  const { cls } = m;
  const last = text.charCodeAt(end - 1) | 0x20;
  if (text.charCodeAt(end) !== 0x73 || last < 0x61 || last > 0x7a) return false;
  if (last === 0x73 || last === 0x78 || last === 0x7a) return false; // Khosla's, not Xs
  let j = end + 1;
  if (j >= text.length || !isBlank(text.charCodeAt(j), cls)) return false;
  const limit = Math.min(text.length, j + WORD_LIMIT);
  while (j < limit && isBlank(text.charCodeAt(j), cls)) j++;
  if (!/\p{Lu}/u.test(text.charAt(j))) return false;
  return !m.words.determiners.has(wordBefore(text, start, cls).toLowerCase());
}

/** Whether a word of fame follows a surname ("the LeCun camp", "Musk vs. Altman"). */
function fameAfter(text: string, end: number, m: CompiledMatcher): boolean {
  let j = end;
  if (j >= text.length || !isBlank(text.charCodeAt(j), m.cls)) return false;
  const limit = Math.min(text.length, end + WORD_LIMIT);
  while (j < limit && isBlank(text.charCodeAt(j), m.cls)) j++;
  const from = j;
  while (j < limit && isWordCode(text.charCodeAt(j))) j++;
  return m.words.fame.has(text.slice(from, j).toLowerCase());
}

/** Up to three digits, then no word character: a footnote or affiliation marker. */
function markerAfter(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && j - end < 4 && isDigitCode(text.charCodeAt(j))) j++;
  return j > end && j - end < 4 && !isWordCode(text.charCodeAt(j));
}

/** The word (letters, apostrophes, hyphens) before `start`, across blanks; bounded. */
function wordBefore(text: string, start: number, cls: Uint16Array): string {
  let j = start;
  const floor = Math.max(0, start - WORD_LIMIT);
  while (j > floor && isBlank(text.charCodeAt(j - 1), cls)) j--;
  const wordEnd = j;
  while (j > 0 && wordEnd - j < WORD_LIMIT && isNameCode(text.charCodeAt(j - 1))) j--;
  return text.slice(j, wordEnd);
}

/**
 * Pass 1 for one block: everything the text alone decides. Strong aliases are accepted (an
 * ambiguous one unless a negative cue outweighs it), other people's names vetoed, antecedents kept.
 */
function decideLocally(
  text: string,
  b: number,
  base: number,
  w: BlockWork,
  m: CompiledMatcher,
  strong: Set<string>,
  antecedents: Antecedent[][],
): void {
  const { cands, cues, state } = w;
  cands.forEach((c, i) => {
    const u = c.use;
    const list = antecedents[u.entity] ?? [];
    if (u.kind === 'namesake') {
      state[i] = REJECTED;
      list.push({ end: base + c.end, block: b, own: false, key: nameKey(text, c.start, c.end) });
      return;
    }
    const rules = m.entities[u.entity]!;
    const { strength, ambiguous, role } = u.alias;
    // Someone else with this name: "Anita Khosla", "Dr. Rohan Khosla", "DR KHOSLA", "金巴尔·马斯克",
    // "Musk, Maye"; a family: "the Musk household".
    const other =
      role === 'surname' || role === 'fullName'
        ? (otherPersonBefore(text, c.start, c.end, rules, m, role === 'fullName') ??
          (role === 'surname' ? otherPersonAfter(text, c.start, c.end, rules, m) : undefined))
        : undefined;
    if (other === SENTENCE_START) {
      state[i] = coveringNegativeCue(cues, c, u.entity) ? REJECTED : SENTENCE_START;
    } else if (other !== undefined) {
      state[i] = REJECTED;
      // "Jane Musk … Musk" stays Jane's
      if (other) list.push({ end: base + c.end, block: b, own: false, key: other });
    } else if (strength === 'strong') {
      if (ambiguous) return; // settled below, once this block's unambiguous aliases are known
      state[i] = ACCEPTED;
      strong.add(rules.id);
      if (role === 'fullName') list.push({ end: base + c.end, block: b, own: true, key: '#own' });
    } else if (role === 'givenName' && otherSurnameAfter(text, c.end, rules, m)) {
      state[i] = REJECTED;
    } else if (coveringNegativeCue(cues, c, u.entity)) {
      // A compound that means something else ("White Musk", "musk rose", "XAI methods").
      state[i] = REJECTED;
    }
  });
  // Accepted strong candidates per entity, in text order, for the ambiguous aliases' veto below.
  const accepted = new Map<number, Candidate[]>();
  cands.forEach((c, i) => {
    if (state[i] !== ACCEPTED) return;
    const list = accepted.get(c.use.entity) ?? [];
    list.push(c);
    accepted.set(c.use.entity, list);
  });
  const acceptedSoFar = new Map<number, Candidate[]>();
  cands.forEach((c, i) => {
    const u = c.use;
    if (u.kind !== 'alias' || u.alias.strength !== 'strong' || !u.alias.ambiguous) return;
    const e = u.entity;
    const vetoed =
      coveringNegativeCue(cues, c, e) ||
      (cueNear(cues, c, e, false) &&
        !cueNear(cues, c, e, true) &&
        !anyNear(accepted.get(e), c) &&
        !anyNear(acceptedSoFar.get(e), c));
    state[i] = vetoed ? REJECTED : ACCEPTED;
    if (vetoed) return;
    strong.add(m.entities[e]?.id ?? '');
    const list = acceptedSoFar.get(e) ?? [];
    list.push(c);
    acceptedSoFar.set(e, list);
  });
}

/**
 * Where a match ending at `end` starts: walks back `len` normalized units, stepping over invisible
 * characters and counting a whitespace run once, as the DFA did.
 */
function startOf(text: string, end: number, len: number, cls: Uint16Array): number {
  let j = end;
  for (let n = len; n > 0; n--) {
    let k = cls[text.charCodeAt(--j)];
    while (k === IGNORE && j > 0) k = cls[text.charCodeAt(--j)];
    if (k === SPACE) while (j > 0 && isBlank(text.charCodeAt(j - 1), cls)) j--;
  }
  return j;
}

const isBlank = (c: number, cls: Uint16Array) => cls[c] === SPACE || cls[c] === IGNORE;

/** The code unit before `i`, skipping invisible characters; a space at the block's edge. */
function codeBefore(text: string, i: number, cls: Uint16Array): number {
  while (i > 0) {
    const c = text.charCodeAt(--i);
    if (cls[c] !== IGNORE) return c;
  }
  return 0x20;
}

function codeAfter(text: string, i: number, cls: Uint16Array): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (cls[c] !== IGNORE) return c;
  }
  return 0x20;
}

/** Case rule: exact aliases and capitalized cues match as written or, if allowed, in all caps. */
function caseOk(raw: string, text: string, exact: boolean, allCaps: boolean): boolean {
  if (!exact) return true;
  const seen = raw === text ? raw : normalize(raw);
  return seen === text || (allCaps && seen === text.toUpperCase());
}

/** True for matches inside URLs, domains, emails and identifiers (`x.ai/grok`, `xAI-2024`). */
function inLinkOrCode(
  text: string,
  start: number,
  end: number,
  cls: Uint16Array,
  handle: boolean,
): boolean {
  const before = codeBefore(text, start, cls);
  if (!handle && (before === 0x40 || before === 0x2e)) return true; // foo@xAI, grok.xAI
  const after = text.charCodeAt(end);
  const then = text.charCodeAt(end + 1);
  if (after === 0x2e && isWordCode(then)) return true; // x.ai.com, @xai.com
  if (after === 0x2d && isDigitCode(then)) return true; // xAI-2024
  // The token before the match: back to whitespace, CJK text (no space before a URL there),
  // or the last tag shown as text (`</em>Musk`, `'>xAI`, `&gt;Musk`), whose slash is no path.
  let a = start;
  let slash = false;
  while (a > 0 && start - a < TOKEN_LIMIT) {
    const c = text.charCodeAt(a - 1);
    if (cls[c] === SPACE || c === 0x3e || isCjkCode(c) || (c === 0x3b && isEntityEnd(text, a)))
      break;
    if (c === 0x2f) slash = true;
    a--;
  }
  return slash || ((text.charCodeAt(a) | 0x20) === 0x77 && /^www\./i.test(text.slice(a, a + 4)));
}

/** Whether the `;` before `a` closes `&gt;`. */
const isEntityEnd = (text: string, a: number) => text.slice(Math.max(0, a - 4), a) === '&gt;';

/** Letters of a name word, with the apostrophes and hyphens of `O'Brien`, `Jean-Luc`, `Tesla's`. */
const isNameCode = (c: number) => isWordCode(c) || c === 0x27 || c === 0x2019 || c === 0x2d;

/**
 * Rule 1: another person named right before a name at [start, end): their key ("anita khosla")
 * for a later bare surname to refer to, undefined when there is none. Read backwards, bounded:
 * - CJK: `金巴尔·马斯克` is someone else's surname unless the text before the dot ends with the
 *   entity's own given name (`埃隆·马斯克`, `CEO埃隆·马斯克`);
 * - an honorific that does not fit the entity (`Dr Khosla`, `Mrs Musk`), also before a full name
 *   (`Dr. Vinod Khosla` on a hospital page is another Vinod Khosla);
 * - for a surname, a namesake's given name (`Kimbal`, `KIMBAL`), or any capitalized or all-caps
 *   word that is none of: the entity's own given name, a title, a function or headline word, one
 *   of its positive cues, a possessive, a compound ending in a title (`Tesla-Chef`), or, in a
 *   title-case headline, a verb (`Twitter Sues Musk`, `Board Backs Musk`).
 */
function otherPersonBefore(
  text: string,
  start: number,
  end: number,
  rules: EntityRules,
  m: CompiledMatcher,
  fullName: boolean,
): string | typeof SENTENCE_START | undefined {
  const { cls, words: w } = m;
  if (start === 0) return undefined;
  const written = text.slice(start, end);
  const name = written.toLowerCase();
  const before = text.charCodeAt(start - 1);
  if (isNameDotCode(before)) {
    if (fullName || !isCjkCode(text.charCodeAt(start))) return undefined;
    let j = start - 1;
    const floor = Math.max(0, j - WORD_LIMIT);
    while (j > floor && isCjkCode(text.charCodeAt(j - 1)) && !isNameDotCode(text.charCodeAt(j - 1)))
      j--;
    const run = text.slice(j, start - 1);
    if (!run || rules.cjkGivenNames.some((given) => run.endsWith(given))) return undefined;
    return `${run}\u00b7${name}`;
  }
  if (!isBlank(before, cls)) return undefined;
  let j = start;
  const floor = Math.max(0, start - WORD_LIMIT);
  while (j > floor && isBlank(text.charCodeAt(j - 1), cls)) j--;
  // "Dr. Khosla", "Mr. Musk": an abbreviation's full stop; any other one ends a sentence.
  const dotted = j > 0 && text.charCodeAt(j - 1) === 0x2e;
  if (dotted) j--;
  const wordEnd = j;
  while (j > 0 && wordEnd - j < WORD_LIMIT && isNameCode(text.charCodeAt(j - 1))) j--;
  const word = text.slice(j, wordEnd);
  if (!word) return undefined;
  const lower = word.toLowerCase();
  const key = `${lower} ${name}`;
  if (w.honorifics.has(lower)) return rules.honorifics?.has(lower) === false ? key : undefined;
  if (fullName) return undefined;
  if (dotted) {
    // An initial: its own ("E. Musk"), or someone else's where it cannot end a sentence: at the
    // start, after an honorific or another initial ("A. Khosla", "Dr. R. Khosla"). Not in
    // "the Model S. Musk said".
    if (lower.length !== 1 || !/\p{Lu}/u.test(word) || ownInitial(rules, lower)) return undefined;
    let k = j;
    while (k > floor && isBlank(text.charCodeAt(k - 1), cls)) k--;
    if (k === 0) return key;
    if (text.charCodeAt(k - 1) !== 0x2e) return undefined;
    const prev = wordBefore(text, k - 1, cls).toLowerCase();
    return prev.length === 1 || w.honorifics.has(prev) ? key : undefined;
  }
  if (rules.namesakes.has(word)) return key;
  if (w.kin.has(lower)) return ''; // "Familie Musk", "la famille Musk"
  if (!/^\p{Lu}/u.test(word) || /['’]s$/i.test(word)) return undefined;
  // An all-caps word is a given name only in all-caps text ("ANITA KHOSLA", not "SEC Musk").
  if (!/\p{Ll}/u.test(word) && (word.length < 3 || /\p{Ll}/u.test(written))) return undefined;
  if (rules.givenKeys.has(lower) || rules.contextWords.has(lower)) return undefined;
  if (w.headline.has(lower) || isTitle(w, lower)) return undefined;
  const parts = lower.split('-');
  if (parts.length > 1 && (isTitle(w, parts.at(-1)!) || rules.contextWords.has(parts[0]!)))
    return undefined;
  if (/^\p{L}{5,}ed$/u.test(word) && !/^m[uo]hamm?ed$/.test(lower)) return undefined; // "Embattled Musk"
  // A headline's verb after another capitalized word ("Board Backs Musk", "Judge Tosses Musk").
  if (HEADLINE_VERB.test(word) && /^\p{Lu}/u.test(wordBefore(text, j, cls))) return undefined;
  return startsSentence(text, j, m) ? SENTENCE_START : key;
}

/** Characters after which a word starts a sentence; quotes and brackets may stand between. */
const SENTENCE_ENDS = '.!?:;…—–|•·。！？：；';
const OPENERS = `"'“‘«([「『（`;

/**
 * Whether the word at `j` starts a sentence inside the block (not the block itself: a block's
 * first words are a headline, a caption, a name in a list). A full stop after an honorific or an
 * initial ends no sentence ("Dr. Anita Khosla").
 */
function startsSentence(text: string, j: number, m: CompiledMatcher): boolean {
  const { cls } = m;
  const floor = Math.max(0, j - WORD_LIMIT);
  while (
    j > floor &&
    (isBlank(text.charCodeAt(j - 1), cls) || OPENERS.includes(text.charAt(j - 1)))
  )
    j--;
  if (j === 0 || !SENTENCE_ENDS.includes(text.charAt(j - 1))) return false;
  if (text.charCodeAt(j - 1) !== 0x2e) return true;
  const abbreviation = wordBefore(text, j - 1, cls).toLowerCase();
  return abbreviation.length > 1 && !m.words.honorifics.has(abbreviation);
}

/**
 * The same after a surname, read forwards and bounded: a family ("the Musk household", "Musk-
 * Familie") gives '' (no person to refer back to); reference style ("Musk, Maye", "Khosla, P.",
 * "Khosla, Anita (2019)") gives the person's key. Not inside a list ("Bezos, Musk, Zuckerberg").
 */
function otherPersonAfter(
  text: string,
  start: number,
  end: number,
  rules: EntityRules,
  m: CompiledMatcher,
): string | undefined {
  const { cls, words: w } = m;
  if (isCjkCode(text.charCodeAt(start)) && w.cjkKin.some((kin) => text.startsWith(kin, end)))
    return '';
  const limit = Math.min(text.length, end + WORD_LIMIT);
  let j = end;
  const comma = text.charCodeAt(j) === 0x2c;
  if (comma) j++;
  else if (text.charCodeAt(j) !== 0x2d && !isBlank(text.charCodeAt(j), cls)) return undefined;
  else j++;
  while (j < limit && isBlank(text.charCodeAt(j), cls)) j++;
  const from = j;
  while (j < text.length && j - from < WORD_LIMIT && isWordCode(text.charCodeAt(j))) j++;
  const word = text.slice(from, j);
  const lower = word.toLowerCase();
  if (!comma) return w.kin.has(lower) ? '' : undefined;
  if (!/^\p{Lu}/u.test(word) || rules.givenKeys.has(lower) || rules.contextWords.has(lower))
    return undefined;
  const key = `${lower} ${text.slice(start, end).toLowerCase()}`;
  if (rules.namesakes.has(word)) return key;
  const next = text.charCodeAt(j);
  // An initial: its own ("Musk, E.") or someone else's ("Musk, M.").
  if (word.length === 1 && next === 0x2e) return ownInitial(rules, lower) ? undefined : key;
  let k = j;
  while (k < limit && isBlank(text.charCodeAt(k), cls)) k++;
  const listed = commaBefore(text, start, cls);
  const cited =
    k >= text.length ||
    next === 0x2e ||
    next === 0x3b ||
    text.charCodeAt(k) === 0x28 ||
    (/\p{Lu}/u.test(text.charAt(k)) && text.charCodeAt(k + 1) === 0x2e);
  return cited && !listed && !isTitle(w, lower) && !w.headline.has(lower) ? key : undefined;
}

/** Whether a lowercase letter is the initial of one of the entity's own given names. */
function ownInitial(rules: EntityRules, letter: string): boolean {
  for (const given of rules.givenKeys) if (given.startsWith(letter)) return true;
  return false;
}

/** Whether a comma precedes `start` (across blanks): the name is an item of a list. */
function commaBefore(text: string, start: number, cls: Uint16Array): boolean {
  let j = start;
  const floor = Math.max(0, start - WORD_LIMIT);
  while (j > floor && isBlank(text.charCodeAt(j - 1), cls)) j--;
  return j > 0 && text.charCodeAt(j - 1) === 0x2c;
}

/**
 * Rule 1 for a given name: a capitalized word after it that is not its surname (`Elon
 * University`), nor a function or headline word (`Elon Says`, `ELON VS. ZUCK`).
 */
function otherSurnameAfter(
  text: string,
  end: number,
  rules: EntityRules,
  m: CompiledMatcher,
): boolean {
  const { cls, words: w } = m;
  let j = end;
  if (j >= text.length || !isBlank(text.charCodeAt(j), cls)) return false;
  const limit = Math.min(text.length, end + WORD_LIMIT);
  while (j < limit && isBlank(text.charCodeAt(j), cls)) j++;
  const from = j;
  while (j < text.length && j - from < WORD_LIMIT && isNameCode(text.charCodeAt(j))) j++;
  const word = text.slice(from, j).replace(/['’]s$/i, '');
  const lower = word.toLowerCase();
  return (
    /^\p{Lu}/u.test(word) &&
    !rules.surnames.has(lower) &&
    !w.headline.has(lower) &&
    !isTitle(w, lower) &&
    !rules.contextWords.has(lower)
  );
}

/** Where sentences end in a block's text, found once, so "same sentence?" is a binary search. */
class SentenceEnds {
  private ends: number[] | undefined;
  constructor(private readonly text: string) {}

  /** Whether a sentence ends somewhere in `text[from, to)`. */
  between(from: number, to: number): boolean {
    if (!this.ends) {
      this.ends = [];
      // The index after the whitespace that follows a full stop (and any closing quotes).
      // CJK full stops need no space after them.
      for (const m of this.text.matchAll(/[.!?…]["'”’)]*\s|[。！？][」』”’）]*/g))
        this.ends.push(m.index, m.index + m[0].length);
    }
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[2 * mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < ends.length / 2 && ends[2 * lo + 1]! <= to;
  }
}

/**
 * An entity's antecedents (full names in call order) with what the salience rule needs, computed
 * once: how often each name occurs on the page and in each passage, and the answers per passage.
 */
class Salience {
  /** Per name: how often it is named, and where first (index into the list). */
  private names: Map<string, { count: number; first: number }> | undefined;
  private byBlock: Map<number, Map<string, number>> | undefined;
  /** Each block's first naming (index into the list). */
  private firstInBlock: Map<number, number> | undefined;
  /** The most named name on the page (earliest first naming among ties). */
  private top: string | undefined;
  private readonly answers = new Map<number, Antecedent | undefined>();
  private subject: { value: Antecedent | undefined } | undefined;

  constructor(readonly list: readonly Antecedent[]) {}

  private index(): void {
    if (this.names) return;
    const names = (this.names = new Map());
    const byBlock = (this.byBlock = new Map<number, Map<string, number>>());
    const firstInBlock = (this.firstInBlock = new Map<number, number>());
    this.list.forEach((a, i) => {
      if (!firstInBlock.has(a.block)) firstInBlock.set(a.block, i);
      const entry = names.get(a.key);
      if (entry) entry.count++;
      else names.set(a.key, { count: 1, first: i });
      let inBlock = byBlock.get(a.block);
      if (!inBlock) byBlock.set(a.block, (inBlock = new Map()));
      inBlock.set(a.key, (inBlock.get(a.key) ?? 0) + 1);
    });
    let best = -1;
    for (const [key, { count }] of names)
      if (count > best) {
        best = count;
        this.top = key;
      }
  }

  /**
   * The name a reader would take a bare surname for: the one named most often on the page, a
   * naming in the passage counting one and a half; ties go to `preferred` (the passage's first
   * name), then to the earliest named. On a page about Elon Musk, "His father, Errol Musk, …
   * Musk has a brother" is still Elon; on a page about Kimbal Musk that names Elon once, "Musk
   * said" is Kimbal. Only the passage's names and the page's most named one can win, so this
   * costs the passage's size, not the page's.
   */
  private mostSalient(passage: number | undefined, preferred: Antecedent | undefined) {
    this.index();
    const names = this.names!;
    const inPassage = passage === undefined ? undefined : this.byBlock!.get(passage);
    const score = (key: string) => (names.get(key)?.count ?? 0) + 0.5 * (inPassage?.get(key) ?? 0);
    let bestScore = preferred ? score(preferred.key) : -1;
    let bestKey: string | undefined;
    const consider = (key: string) => {
      const s = score(key);
      const earlier = bestKey === undefined || names.get(key)!.first < names.get(bestKey)!.first;
      if (s > bestScore || (bestKey !== undefined && s === bestScore && earlier)) {
        bestScore = s;
        bestKey = key;
      }
    };
    if (this.top !== undefined) consider(this.top);
    for (const key of inPassage?.keys() ?? []) consider(key);
    if (bestKey === undefined) return preferred;
    return this.list[names.get(bestKey)!.first];
  }

  /** The page's subject among this entity's namesakes, for a surname outside any passage. */
  pageSubject(): Antecedent | undefined {
    this.subject ??= { value: this.mostSalient(undefined, this.list[0]) };
    return this.subject.value;
  }

  /** The subject of the passage (block) `block`; ties go to the passage's first naming. */
  passageSubject(block: number): Antecedent | undefined {
    if (!this.answers.has(block)) {
      this.index();
      this.answers.set(block, this.mostSalient(block, this.list[this.firstInBlock!.get(block)!]));
    }
    return this.answers.get(block);
  }
}

/**
 * The full name a bare surname at `at` refers to: the nearest one in the same sentence, else the
 * subject of its passage, the nearest earlier block (this one, or one at most COREF_WINDOW back)
 * that has one. The passage's subject, not its nearest name, because a passage names its subject
 * first: in "Kimbal Musk, the brother of Elon Musk, opened a restaurant. Musk said…", Musk is
 * Kimbal.
 */
function antecedentOf(
  ranked: Salience,
  at: number,
  block: number,
  sentences: SentenceEnds,
  base: number,
): Antecedent | undefined {
  const list = ranked.list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.end ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  const nearest = list[lo - 1];
  if (!nearest || (nearest.block !== block && at - nearest.end > COREF_WINDOW)) return undefined;
  // Within one sentence the nearest name wins ("Then Elon Musk took the stage, and Musk said").
  if (nearest.block === block && !sentences.between(nearest.end - base, at - base)) return nearest;
  return ranked.passageSubject(nearest.block);
}

const near = (q: { start: number; end: number }, c: Candidate, window: number) =>
  q.end > c.start - window && q.start < c.end + window;

/** Whether a candidate of a sorted list lies within CUE_WINDOW of `c`. */
function anyNear(list: readonly Candidate[] | undefined, c: Candidate): boolean {
  if (!list || list.length === 0) return false;
  // The first one ending after the window's start; the list is sorted by start and end alike.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= c.start - CUE_WINDOW) lo = mid + 1;
    else hi = mid;
  }
  const d = list[lo];
  return d !== undefined && near(d, c, CUE_WINDOW);
}

/**
 * A cue of entity `e` near `c`; a positive cue must lie outside `c` (`Elon` is no evidence for
 * itself). Cues are sorted by start: a binary search and a walk over the window only.
 */
function cueNear(cues: CueIndex, c: Candidate, e: number, positive: boolean): boolean {
  const { list, maxLength } = cues;
  let lo = 0;
  let hi = list.length;
  const from = c.start - CUE_WINDOW - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const q = list[i]!;
    if (q.start >= c.end + CUE_WINDOW) break;
    if (
      q.entity === e &&
      q.positive === positive &&
      near(q, c, CUE_WINDOW) &&
      (!positive || q.end <= c.start || q.start >= c.end)
    )
      return true;
  }
  return false;
}

/**
 * A negative cue of entity `e` that overlaps `c` itself: a compound with another meaning (`White
 * Musk`, `musk rose`, `XAI methods`), decisive whatever the context. Binary search, then at most
 * the cues that start within the longest cue's length before `c`.
 */
function coveringNegativeCue(cues: CueIndex, c: Candidate, e: number): boolean {
  const { list, maxLength } = cues;
  let lo = 0;
  let hi = list.length;
  const from = c.start - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const q = list[i]!;
    if (q.start >= c.end) break;
    if (q.entity === e && !q.positive && q.end > c.start) return true;
  }
  return false;
}

function toMention(c: Candidate, use: AliasUse, m: CompiledMatcher): Mention {
  const alias: Alias = use.alias;
  const mention: Mention = {
    start: c.start,
    end: c.end,
    entityId: m.entities[use.entity]?.id ?? '',
    alias: alias.text,
    strength: alias.strength,
  };
  if (alias.note) mention.note = alias.note;
  return mention;
}

/*
 * Test pages (fixtures that exercise this detector):
 * - tests/unit/detect.test.ts (tables: every rule above)
 * - tests/fixtures/detect-static.html (names, possessives, handles, split markup, NBSP, caps
 *   headlines, namesakes, scents, XAI, identifiers, URLs, code and editable areas)
 * - tests/fixtures/namesakes.html (a page about Kimbal Musk; Pradeep Khosla; musk; XAI, xAI-2024)
 * - tests/fixtures/detect-dynamic.html, detect-shadow.html, detect-frames.html (where it runs)
 * - ../shared/realpages (18 real saved pages with hover probes; tests/e2e/realpages.test.mjs)
 */
