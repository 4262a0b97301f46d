/**
 * The pure mention matcher: strings in, mention ranges out. No DOM, no `browser`, no globals.
 * Compile a {@link MatcherConfig} once, then call {@link detectMentions} per batch of blocks.
 */
export { MatcherConfigSchema, matcherConfigFromEntities, type MatcherConfig } from './config';
export { compileMatcher, type CompiledMatcher, type CompileOptions } from './compile';
export {
  detectMentions,
  mightContainMention,
  nextCandidate,
  type DetectResult,
  type Mention,
} from './detect';
export { essentialAliases } from './prefilter';
