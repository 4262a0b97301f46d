/**
 * Character rules shared by the compiler and the scanner: which code units are spaces, which are
 * invisible, which spellings of the apostrophe and hyphen are the same, what a word character is.
 */

/** Class of every code unit that no pattern uses. */
export const OTHER = 0;
/** Class of all whitespace (NBSP and thin spaces included); a run of it reads as one space. */
export const SPACE = 1;
/** Class of invisible characters (soft hyphen, zero-width); the scanner steps over them. */
export const IGNORE = 2;

type Ranges = readonly (readonly [number, number])[];

/** Whitespace code units, as inclusive ranges: ASCII, NEL, NBSP, the U+2000 spaces, U+202F, U+3000. */
export const SPACE_RANGES: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];
/** Soft hyphen, zero-width space/joiners, word joiner, BOM: pages put them inside names. */
export const IGNORE_RANGES: Ranges = [
  [0xad, 0xad],
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfeff, 0xfeff],
];
/**
 * Typographic variants read as their twin (`Musk’s`, `Khosla‑backed` with U+2011), and the dots
 * that join a transliterated name in CJK text (`イーロン・マスク`, `埃隆•马斯克`) read as U+00B7.
 */
export const VARIANTS: ReadonlyMap<string, string> = new Map([
  ['\u2019', "'"],
  ['\u02bc', "'"],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u30fb', '\u00b7'],
  ['\uff65', '\u00b7'],
  ['\u2027', '\u00b7'],
  ['\u2022', '\u00b7'],
]);

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const charClass = (r: Ranges) =>
  r.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
const IGNORE_RE = new RegExp(`[${charClass(IGNORE_RANGES)}]`, 'g');
const SPACE_RE = new RegExp(`[${charClass(SPACE_RANGES)}]+`, 'g');
const VARIANT_RE = new RegExp(`[${[...VARIANTS.keys()].join('')}]`, 'g');

/**
 * The text the automaton effectively reads: invisible characters dropped, whitespace runs as one
 * space, typographic apostrophes and hyphens as ASCII. Used to compare a match with its alias.
 */
export function normalize(text: string): string {
  return text
    .replace(IGNORE_RE, '')
    .replace(SPACE_RE, ' ')
    .replace(VARIANT_RE, (ch) => VARIANTS.get(ch) ?? ch);
}

const WORD_RE = /[\p{L}\p{M}\p{N}_]/u;

/** Whether a UTF-16 code unit is a word character (`\p{L}\p{M}\p{N}_`); ASCII without a regex. */
export function isWordCode(c: number): boolean {
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f;
  // A lone surrogate half is not a letter; emoji next to a name must not glue onto it.
  if ((c >= 0xd800 && c <= 0xdfff) || isSuperscriptCode(c)) return false;
  return WORD_RE.test(String.fromCharCode(c));
}

/**
 * Whether a code unit belongs to a script written without spaces between words (Han, kana,
 * Hangul) or is CJK punctuation or a fullwidth form: next to a name it is no word boundary to
 * respect, since `专访Yann LeCun：` and `马斯克表示` glue names to the text around them.
 */
export const isCjkCode = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xffef);

/** Whether a code unit is a middle dot (U+00B7 or a variant), which joins names in CJK text. */
export const isNameDotCode = (c: number): boolean =>
  c === 0xb7 || c === 0x30fb || c === 0xff65 || c === 0x2027 || c === 0x2022;

/** Superscript digits: footnote and affiliation markers (`Yann LeCun¹`), never part of a word. */
export const isSuperscriptCode = (c: number): boolean =>
  c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x2079);

/** Whether a code unit is an ASCII digit (`xAI-2024` is an identifier, not a mention). */
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
