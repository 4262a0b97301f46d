/**
 * Compiles aliases, cues and namesake names into one case-insensitive Aho–Corasick DFA, so a single
 * pass over a text finds every candidate whatever the number of aliases.
 */
import type { Alias } from '../dataset/schema';
import type { MatcherConfig } from './config';
import {
  IGNORE,
  IGNORE_RANGES,
  OTHER,
  SPACE,
  SPACE_RANGES,
  VARIANTS,
  isCjkCode,
  normalize,
} from './chars';
import { prefilterSource } from './prefilter';

/** One meaning of a pattern; the same folded text can be an alias of one entity and a cue of another. */
export type Use =
  | {
      kind: 'alias';
      entity: number;
      alias: Alias;
      text: string;
      /**
       * A full name written without its space or dot (`ElonMusk`, `埃隆马斯克`), as CJK text and
       * hashtags write it; in Latin letters it counts only there.
       */
      glued?: boolean;
    }
  | { kind: 'cue'; entity: number; text: string; positive: boolean; exact: boolean }
  | { kind: 'namesake'; entity: number; text: string };

export interface Pattern {
  /** Length in normalized code units (a whitespace run counts one), to find the match start. */
  len: number;
  uses: Use[];
}

/** Per entity, the names the context rules compare with. */
export interface EntityRules {
  id: string;
  /** Its own given names (`Elon`), which may precede its surname. */
  givenNames: ReadonlySet<string>;
  /** Its surnames, lowercased (`musk`), which may follow its given name. */
  surnames: ReadonlySet<string>;
  /** Given names of other people with the same surname, as written and in capitals (`Kimbal`, `KIMBAL`). */
  namesakes: ReadonlySet<string>;
  /** Its given names lowercased, to compare words in any case (`ELON`). */
  givenKeys: ReadonlySet<string>;
  /** Its given names in CJK script (`埃隆`), which end the text before `·马斯克`. */
  cjkGivenNames: readonly string[];
  /** Honorifics that fit it, lowercased (`mr`, `professor`); undefined: all of them fit. */
  honorifics: ReadonlySet<string> | undefined;
  /** Its one-word positive cues, lowercased: a cue right before a surname is no given name. */
  contextWords: ReadonlySet<string>;
}

/** The generic vocabulary (lib/detect/vocabulary.ts) as sets, lowercase. */
export interface Words {
  titles: ReadonlySet<string>;
  /** Titles long enough to end a compound (`Multimilliardär`, `Tesla-Chef`). */
  longTitles: readonly string[];
  honorifics: ReadonlySet<string>;
  headline: ReadonlySet<string>;
  kin: ReadonlySet<string>;
  /** Kin words in CJK script, which follow a CJK surname without a space. */
  cjkKin: readonly string[];
  determiners: ReadonlySet<string>;
  fame: ReadonlySet<string>;
}

/** A matcher ready to scan. Build it once per config and reuse it; its fields are internal. */
export interface CompiledMatcher {
  /** UTF-16 code unit → character class. */
  readonly cls: Uint16Array;
  /** Number of classes: the row width of `table`. */
  readonly width: number;
  /**
   * `table[state + cls]` is the next state, premultiplied by `width`; a negative entry `~next`
   * means the next state has outputs, so the hot loop tests one sign instead of a second array.
   */
  readonly table: Int32Array;
  /** Outputs of state `i` (not premultiplied): `outIds[outStart[i] .. outStart[i + 1]]`. */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** 1 where a state outputs an alias: the fast path and the "anything to verify?" test. */
  readonly aliasState: Uint8Array;
  readonly patterns: readonly Pattern[];
  readonly entities: readonly EntityRules[];
  readonly words: Words;
  /**
   * Matches (case-insensitively, at native speed) wherever an alias might be: a superset of what
   * the automaton finds, for skipping text. Global: use `lastIndex` to walk its matches.
   */
  readonly prefilter: RegExp;
}

/** Options of {@link compileMatcher}. */
export interface CompileOptions {
  /** Entities to detect; the others are not compiled at all. @default every entity */
  enabledEntityIds?: ReadonlySet<string> | undefined;
}

/** Folds one code unit the way the class table does: to lower case when that stays one unit. */
const fold = (ch: string) => {
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
};

const isCjkText = (text: string) => isCjkCode(text.charCodeAt(0));

/** Compiles a {@link MatcherConfig} into a {@link CompiledMatcher}. */
export function compileMatcher(
  config: MatcherConfig,
  options: CompileOptions = {},
): CompiledMatcher {
  const { enabledEntityIds } = options;
  const patterns: Pattern[] = [];
  const keys: string[] = [];
  const byKey = new Map<string, Pattern>();
  const add = (use: Use) => {
    const key = Array.from(use.text, fold).join('');
    if (!key.trim()) return;
    let p = byKey.get(key);
    if (!p) {
      p = { len: key.length, uses: [] };
      byKey.set(key, p);
      patterns.push(p);
      keys.push(key);
    }
    p.uses.push(use);
  };

  const entities: EntityRules[] = [];
  for (const entity of config.entities) {
    if (enabledEntityIds && !enabledEntityIds.has(entity.id)) continue;
    const e = entities.length;
    const givenNames = new Set<string>();
    const surnames: Alias[] = [];
    for (const alias of entity.aliases) {
      const text = normalize(alias.text).trim();
      add({ kind: 'alias', entity: e, alias, text });
      if (alias.role === 'givenName') givenNames.add(text);
      if (alias.role === 'fullName') {
        givenNames.add(text.split(/[ \u00b7]/)[0] ?? text);
        // `ElonMusk` in `（ElonMusk）`, `#ElonMusk`; `埃隆马斯克` without its dot.
        const glued = text.replace(/[ \u00b7]/g, '');
        if (glued !== text && !glued.includes('.'))
          add({ kind: 'alias', entity: e, alias, text: glued, glued: true });
      }
      if (alias.role === 'surname') surnames.push(alias);
    }
    const cue = (positive: boolean) => (raw: string) => {
      const text = normalize(raw).trim();
      // Dataset rule: a cue with a capital is exact (or all caps); an all-lowercase cue is not.
      add({ kind: 'cue', entity: e, text, positive, exact: /\p{Lu}/u.test(text) });
    };
    entity.cues.positive.forEach(cue(true));
    entity.cues.negative.forEach(cue(false));
    // "Kimbal Musk" as one pattern: it outranks the bare surname and is a coreference antecedent.
    for (const given of entity.cues.namesakes) {
      for (const surname of surnames) {
        if (isCjkText(given) !== isCjkText(surname.text)) continue;
        const dot = isCjkText(given) ? '\u00b7' : ' ';
        const text = normalize(`${given}${dot}${surname.text}`).trim();
        add({ kind: 'namesake', entity: e, text });
      }
    }
    const { honorifics, positive } = entity.cues;
    entities.push({
      id: entity.id,
      givenNames,
      surnames: new Set(surnames.map((a) => normalize(a.text).toLowerCase())),
      namesakes: new Set(entity.cues.namesakes.flatMap((name) => [name, name.toUpperCase()])),
      givenKeys: new Set([...givenNames].map((name) => name.toLowerCase())),
      cjkGivenNames: [...givenNames].filter(isCjkText),
      honorifics: honorifics && new Set(honorifics.map((h) => h.replace(/\.$/, '').toLowerCase())),
      contextWords: new Set(
        positive.filter((cue) => !/\s/.test(cue)).map((cue) => cue.toLowerCase()),
      ),
    });
  }

  // Character classes: one per distinct folded character; upper case shares its lower case's class.
  const cls = new Uint16Array(0x10000);
  for (const [a, b] of SPACE_RANGES) cls.fill(SPACE, a, b + 1);
  for (const [a, b] of IGNORE_RANGES) cls.fill(IGNORE, a, b + 1);
  let width = 3;
  const classOf = (c: number) => {
    if (c === 0x20) return SPACE;
    if (cls[c] === OTHER) {
      cls[c] = width;
      const upper = String.fromCharCode(c).toUpperCase();
      if (upper.length === 1 && cls[upper.charCodeAt(0)] === OTHER)
        cls[upper.charCodeAt(0)] = width;
      width++;
    }
    return cls[c] ?? OTHER;
  };
  const sequences = keys.map((key) => Array.from(key, (ch) => classOf(ch.charCodeAt(0))));
  for (const [variant, base] of VARIANTS)
    cls[variant.charCodeAt(0)] = cls[base.charCodeAt(0)] ?? OTHER;

  // Trie, then states renumbered breadth-first: the shallow states a scan visits most sit together.
  const kids: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  sequences.forEach((seq, id) => {
    let s = 0;
    for (const k of seq) {
      let next = kids[s]?.get(k);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        ends.push([]);
        kids[s]?.set(k, next);
      }
      s = next;
    }
    ends[s]?.push(id);
  });
  const order = [0];
  const bfsId = new Int32Array(kids.length);
  for (let i = 0; i < order.length; i++) {
    for (const child of kids[order[i] ?? 0]?.values() ?? []) {
      bfsId[child] = order.length;
      order.push(child);
    }
  }

  // Goto/failure folded into a full DFA row by row; a failure state is always shallower, so its
  // row is complete when we copy from it.
  const n = order.length;
  const next = new Int32Array(n * width);
  const fail = new Int32Array(n);
  const viaSpace = new Uint8Array(n);
  const outputs: number[][] = [];
  for (let i = 0; i < n; i++) {
    const node = order[i] ?? 0;
    const row = i * width;
    const failRow = (fail[i] ?? 0) * width;
    if (i > 0) next.copyWithin(row, failRow, failRow + width);
    for (const [k, child] of kids[node] ?? []) {
      const c = bfsId[child] ?? 0;
      fail[c] = i === 0 ? 0 : (next[failRow + k] ?? 0);
      next[row + k] = c;
      if (k === SPACE) viaSpace[c] = 1;
    }
    const own = ends[node] ?? [];
    outputs.push(i === 0 ? own : own.concat(outputs[fail[i] ?? 0] ?? []));
  }

  const outStart = new Int32Array(n + 1);
  const outIds = new Int32Array(outputs.reduce((sum, o) => sum + o.length, 0));
  const aliasState = new Uint8Array(n);
  let o = 0;
  outputs.forEach((ids, i) => {
    outStart[i] = o;
    for (const id of ids) {
      outIds[o++] = id;
      if (patterns[id]?.uses.some((u) => u.kind === 'alias')) aliasState[i] = 1;
    }
  });
  outStart[n] = o;

  const table = next; // encoded in place: each entry is read once, then overwritten
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < width; k++) {
      const target = table[i * width + k] ?? 0;
      const hasOut = (outStart[target + 1] ?? 0) > (outStart[target] ?? 0);
      table[i * width + k] = hasOut ? ~(target * width) : target * width;
    }
    // Self-loops are stored without the output flag: the output was reported on entering.
    table[i * width + IGNORE] = i * width;
    if (viaSpace[i]) table[i * width + SPACE] = i * width;
  }
  const aliasTexts = patterns.flatMap((p) =>
    p.uses.filter((u) => u.kind === 'alias').map((u) => u.text),
  );
  const prefilter = new RegExp(prefilterSource(aliasTexts), 'gi');
  const set = (list = '') => new Set(list.split(' ').filter(Boolean));
  const v = config.words;
  const titles = set(v?.titles);
  const kin = set(v?.kin);
  const words: Words = {
    titles,
    longTitles: [...titles].filter((t) => t.length >= 4),
    honorifics: set(v?.honorifics),
    headline: set(v?.headline),
    kin,
    cjkKin: [...kin].filter(isCjkText),
    determiners: set(v?.determiners),
    fame: set(v?.fame),
  };
  return { cls, width, table, outStart, outIds, aliasState, patterns, entities, words, prefilter };
}
