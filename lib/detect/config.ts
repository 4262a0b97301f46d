/**
 * The matcher's input: per entity, only what detection needs (id, aliases, cues). The background
 * writes it to extension storage; the content script `safeParse`s it and compiles it.
 */
import * as z from 'zod/mini';
import { EntitySchema, type Entity } from '../dataset/schema';

/** `{ entities: [{ id, aliases, cues }] }`, picked from the dataset's own schema. */
export const MatcherConfigSchema = z.object({
  entities: z.array(z.pick(EntitySchema, { id: true, aliases: true, cues: true })),
});
export type MatcherConfig = z.infer<typeof MatcherConfigSchema>;

/** Keeps only the fields detection uses, so the stored config stays small. */
export function matcherConfigFromEntities(entities: readonly Entity[]): MatcherConfig {
  return { entities: entities.map(({ id, aliases, cues }) => ({ id, aliases, cues })) };
}
