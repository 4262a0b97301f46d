/**
 * The matcher's input: per entity, only what detection needs (id, aliases, cues), and the
 * generic vocabulary of the context rules. The background writes it to extension storage; the
 * content script `safeParse`s it and compiles it.
 */
import * as z from 'zod/mini';
import { EntitySchema, type Entity } from '../dataset/schema';
import { VOCABULARY } from './vocabulary';

const wordList = () => z.string().check(z.maxLength(20_000));

/** The generic vocabulary (lib/detect/vocabulary.ts): lowercase words, space-separated. */
export const VocabularySchema = z.object({
  titles: wordList(),
  honorifics: wordList(),
  headline: wordList(),
  kin: wordList(),
  determiners: wordList(),
  fame: wordList(),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

/**
 * `{ entities: [{ id, aliases, cues }], words }`, picked from the dataset's own schema. Without
 * `words` (a config written before it existed) the rules know no generic word: every capitalized
 * word before a surname reads as a given name, which loses mentions but never invents one.
 */
export const MatcherConfigSchema = z.object({
  entities: z.array(z.pick(EntitySchema, { id: true, aliases: true, cues: true })),
  words: z.optional(VocabularySchema),
});
export type MatcherConfig = z.infer<typeof MatcherConfigSchema>;

/** Keeps only the fields detection uses, so the stored config stays small. */
export function matcherConfigFromEntities(entities: readonly Entity[]): MatcherConfig {
  const words = Object.fromEntries(
    Object.entries(VOCABULARY).map(([key, list]) => [key, list.replace(/\s+/g, ' ').trim()]),
  ) as Vocabulary;
  return { entities: entities.map(({ id, aliases, cues }) => ({ id, aliases, cues })), words };
}
