/**
 * Generated inputs for the matcher's scaling test and benchmark: synthetic entities (to grow the
 * alias count to 10,000) and news-like text. Deterministic, so runs compare.
 */
import * as z from 'zod/mini';
import entitiesJson from '../../data/entities.json';
import { EntitySchema } from '../../lib/dataset/schema';
import { matcherConfigFromEntities, type MatcherConfig } from '../../lib/detect';
import { random } from './random.mjs';

export { random };

/** The bundled entities, parsed with the dataset schema. */
export const realEntities = z.array(EntitySchema).parse(entitiesJson);
export const realConfig: MatcherConfig = matcherConfigFromEntities(realEntities);

const SYLLABLES =
  'ka zu vo ri mex tal qui bor nyx dra pel sho wen gri fal ori lun tez yav kel'.split(' ');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The real config plus synthetic people, four aliases each (full name, surname, handle, given
 * name) and a few cues, until there are at least `aliasCount` aliases in all.
 */
export function syntheticConfig(aliasCount: number, seed = 1): MatcherConfig {
  const rnd = random(seed);
  const pick = () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)] ?? 'ka';
  const config: MatcherConfig = { ...realConfig, entities: [...realConfig.entities] };
  let aliases = config.entities.reduce((n, e) => n + e.aliases.length, 0);
  const surnames = new Set<string>();
  for (let i = 0; aliases < aliasCount; i++) {
    const surname = cap(pick() + pick() + pick());
    if (surnames.has(surname)) continue;
    surnames.add(surname);
    const given = cap(pick() + pick());
    config.entities.push({
      id: `synthetic-${i}`,
      aliases: [
        { text: `${given} ${surname}`, strength: 'strong', caseSensitive: false, role: 'fullName' },
        { text: surname, strength: 'weak', caseSensitive: true, allCaps: true, role: 'surname' },
        {
          text: `@${given}${surname}${i}`.toLowerCase(),
          strength: 'strong',
          caseSensitive: false,
          role: 'handle',
        },
        {
          text: given + surname.slice(0, 2),
          strength: 'weak',
          caseSensitive: true,
          role: 'givenName',
        },
      ],
      cues: {
        positive: [`${surname} Labs`, 'quantum'],
        negative: [`${pick()}${pick()}ism`],
        namesakes: [cap(pick() + pick())],
      },
    });
    aliases += 4;
  }
  return config;
}

const WORDS =
  `the a of to and in that for on with as at by from said says would could will has had have
  was were is are be been company market year people new first last over after before while about
  report reports according government officials investors shares percent billion million quarter
  growth plan plans deal talks week month today yesterday data model models research researchers
  team teams launch launched product products users service services platform policy policies city
  state court judge law rules energy cars battery factory factories workers jobs economy prices
  analysts statement interview conference earlier later again against however because despite
  while during between within among across toward public private open closed source software chips
  computer computers network networks training compute cluster startup startups funding round
  valuation board chief executive officer founder engineers scientists study studies paper papers`
    .split(/\s+/)
    .filter(Boolean);
const CAPITALIZED =
  `Monday Tuesday Reuters Bloomberg Washington London Paris Beijing California Texas
  Google Microsoft Amazon Apple Nvidia OpenAI Anthropic Meta Tesla SpaceX Twitter Congress Europe`
    .split(/\s+/)
    .filter(Boolean);
const MENTIONS = [
  'Elon Musk',
  'Musk',
  "Musk's",
  'xAI',
  'Yann LeCun',
  'LeCun',
  'Vinod Khosla',
  'Khosla Ventures',
  '@elonmusk',
  'musk perfume',
  'XAI methods',
  'Kimbal Musk',
];

/**
 * News-like blocks (paragraphs of 3–6 sentences) totalling about `chars` characters.
 * @param mentionRate chance that a sentence carries one of the entities' names (0: none at all).
 */
export function newsBlocks(chars: number, mentionRate = 0.05, seed = 7): string[] {
  const rnd = random(seed);
  const any = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const blocks: string[] = [];
  let total = 0;
  while (total < chars) {
    const sentences: string[] = [];
    for (let s = 3 + Math.floor(rnd() * 4); s > 0; s--) {
      const words: string[] = [];
      for (let w = 8 + Math.floor(rnd() * 16); w > 0; w--) {
        const r = rnd();
        words.push(
          r < 0.1 ? any(CAPITALIZED) : r < 0.12 ? String(Math.floor(rnd() * 2000)) : any(WORDS),
        );
      }
      if (rnd() < mentionRate) words.splice(Math.floor(rnd() * words.length), 0, any(MENTIONS));
      const sentence = words.join(' ');
      sentences.push(cap(sentence) + (rnd() < 0.1 ? '?' : '.'));
    }
    const block = sentences.join(' ');
    blocks.push(block);
    total += block.length + 1;
  }
  return blocks;
}
