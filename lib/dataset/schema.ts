/**
 * The dataset's zod schemas: the one source of the dataset's types.
 *
 * `zod/mini` rather than classic zod: the same schemas are used by the content script, whose
 * bundle budget (40 kB gzipped) cannot carry classic zod's method chains.
 */
import * as z from 'zod/mini';

const nonEmpty = () => z.string().check(z.minLength(1));
const slug = () => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a date only as precise as the source states it. */
export const PartialDateSchema = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));

export const EntityIdSchema = slug();
export const SourceIdSchema = slug();
export const TopicIdSchema = slug();
export const PositionIdSchema = slug();

/**
 * One way of writing an entity's name on a page.
 * - `strong` aliases decide on their own; `weak` ones need evidence (docs/DESIGN.md "Detection").
 * - `caseSensitive`: the text must match exactly; `allCaps` also accepts the all-capitals form
 *   used in headlines (`MUSK`), which is how `Musk` differs from the noun `musk`.
 * - `role` tells the matcher which context rules apply: a surname loses to another given name
 *   before it, a given name loses to another surname after it.
 * - `ambiguous`: the text has a common other meaning (`xAI` = explainable AI), so negative cues
 *   veto it even though it is strong.
 * - `note`: shown on the card when this alias matched, e.g. "his venture firm".
 */
export const AliasSchema = z.object({
  text: nonEmpty(),
  strength: z.enum(['strong', 'weak']),
  caseSensitive: z.boolean(),
  allCaps: z.optional(z.boolean()),
  role: z.optional(
    z.enum(['fullName', 'surname', 'givenName', 'handle', 'organization', 'affiliate']),
  ),
  ambiguous: z.optional(z.boolean()),
  note: z.optional(nonEmpty()),
});
export type Alias = z.infer<typeof AliasSchema>;

/**
 * Context evidence for the matcher, kept in the dataset next to the aliases.
 * A cue containing a capital letter matches case-sensitively (or in all capitals); an all-lowercase
 * cue matches in any case.
 */
export const CuesSchema = z.object({
  /** Words that, near a weak alias, support this entity (`Tesla`, `Meta`, `OpenAI`). */
  positive: z.array(nonEmpty()),
  /** Words that, near an alias, point to another meaning (`perfume`, `explainable`, `SHAP`). */
  negative: z.array(nonEmpty()),
  /** Given names of other people who share the surname (`Kimbal`, `Pradeep`). */
  namesakes: z.array(nonEmpty()),
  /**
   * The honorifics that fit this person (`Mr`, `Professor`), without the dot. Any other one right
   * before the name (`Dr Khosla`, `Mrs Musk`) names someone else. Absent: every honorific fits.
   */
  honorifics: z.optional(z.array(nonEmpty())),
});
export type Cues = z.infer<typeof CuesSchema>;

export const RoleSchema = z.object({
  title: nonEmpty(),
  org: z.optional(nonEmpty()),
  since: z.optional(PartialDateSchema),
  sourceIds: z.array(SourceIdSchema).check(z.minLength(1)),
});
export type Role = z.infer<typeof RoleSchema>;

export const EntitySchema = z.object({
  id: EntityIdSchema,
  displayName: nonEmpty(),
  kind: z.enum(['person', 'organization']),
  /** One neutral line: who this is. */
  description: nonEmpty(),
  roles: z.array(RoleSchema).check(z.minLength(1)),
  aliases: z.array(AliasSchema).check(z.minLength(1)),
  cues: CuesSchema,
});
export type Entity = z.infer<typeof EntitySchema>;

export const SourceSchema = z.object({
  id: SourceIdSchema,
  publisher: nonEmpty(),
  title: z.optional(nonEmpty()),
  author: z.optional(nonEmpty()),
  date: PartialDateSchema,
  dateApproximate: z.optional(z.boolean()),
  /** Only a verified address; absent where none is known. */
  url: z.optional(z.string().check(z.regex(/^https:\/\/[^\s/$.?#][^\s]*$/))),
  /** The source's quirks a reader should know (partly AI-written, lost words, approximate date). */
  notes: z.optional(z.array(nonEmpty())),
  /** The seed file in ../shared/seeds this source's text came from. */
  file: nonEmpty(),
});
export type Source = z.infer<typeof SourceSchema>;

export const TopicSchema = z.object({
  id: TopicIdSchema,
  label: nonEmpty(),
  description: z.optional(nonEmpty()),
});
export type Topic = z.infer<typeof TopicSchema>;

export const PositionKindSchema = z.enum(['quote', 'paraphrase', 'fact']);
export type PositionKind = z.infer<typeof PositionKindSchema>;

/**
 * What a position's `date` is: `event`, when the source dates what was said or done (as precisely
 * as it does); `reported`, when it does not, so the date is the article's ("reported 29 May 2024").
 */
export const DateIsSchema = z.enum(['event', 'reported']);
export type DateIs = z.infer<typeof DateIsSchema>;

export const PositionSchema = z.object({
  id: PositionIdSchema,
  /** Who said or holds it (for a `fact`: whom it is about). */
  entityId: EntityIdSchema,
  topic: TopicIdSchema,
  kind: PositionKindSchema,
  /** Our own neutral words: a sentence that stands on its own, shown on every view. */
  summary: nonEmpty(),
  /**
   * Words printed verbatim (whitespace aside) by the sources in `quoteSourceIds`. For a `quote`:
   * the entity's own statement; for a `paraphrase`: a fragment the outlet quotes, the words of
   * `reportedBy` when set, else of the entity.
   */
  quote: z.optional(nonEmpty()),
  /**
   * The sources whose text contains `quote` (a subset of `sourceIds`); the other sources report the
   * claim without the words. Required with a `quote` in the bundle; a cached row without it is read
   * as "every source prints it".
   */
  quoteSourceIds: z.optional(z.array(SourceIdSchema)),
  /**
   * Whose account the sources pass on, when it is not the outlets' own: the person characterizing
   * someone else's stance ("Yann LeCun"), or a report an outlet cites ("The Information"). Never an
   * outlet of `sourceIds`: those are named from the sources themselves, so switching one off
   * cannot leave its name behind.
   */
  reportedBy: z.optional(nonEmpty()),
  /** Entities the position targets (a LeCun quote about Musk has `about: ['elon-musk']`). */
  about: z.optional(z.array(EntityIdSchema)),
  /** As precisely as the source states it; see `dateIs`. Never after any of its sources. */
  date: PartialDateSchema,
  /** Required in the bundle; a cached row without it is read as `event`. */
  dateIs: z.optional(DateIsSchema),
  /** The text does not state the date exactly (inferred from "this weekend", "in October"). */
  dateApproximate: z.optional(z.boolean()),
  /** Every source that reports the claim. */
  sourceIds: z.array(SourceIdSchema).check(z.minLength(1)),
  respondsTo: z.optional(z.array(PositionIdSchema)),
  disputedBy: z.optional(z.array(PositionIdSchema)),
  /**
   * Other sources' accounts of the same occasion that differ from this one (linked both ways), so
   * an outlet's version is never passed on without the version that contradicts it.
   */
  otherAccounts: z.optional(z.array(PositionIdSchema)),
  /** 1 (headline) to 3 (detail): orders positions on the card, most salient first. */
  salience: z.int().check(z.gte(1), z.lte(3)),
});
export type Position = z.infer<typeof PositionSchema>;

export const DatasetSchema = z.object({
  entities: z.array(EntitySchema),
  sources: z.array(SourceSchema),
  topics: z.array(TopicSchema),
  positions: z.array(PositionSchema),
});
export type Dataset = z.infer<typeof DatasetSchema>;
