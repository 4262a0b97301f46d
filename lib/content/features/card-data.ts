/**
 * Card data: one message to the background for the entities a page mentions, cached for the
 * page, dropped when sources, entities or the dataset change (the open card is re-rendered).
 */
import type { CardData } from '../../dataset/query';
import { sendToBackground } from '../../messaging';
import type { Feature } from '../session';

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** How the feature reaches the background (tests pass a fake). */
export type FetchCards = (entityIds: string[]) => Promise<CardData[]>;

const fetchFromBackground: FetchCards = async (entityIds) =>
  (await sendToBackground({ type: 'getCards', entityIds })).cards;

/** Builds the feature around a way to fetch cards. */
export function cardDataFeature(fetchCards: FetchCards = fetchFromBackground): Feature<'cardData'> {
  return {
    name: 'cardData',
    start(session, scope) {
      const cards = new Map<string, CardData>();
      const pending = new Map<string, Promise<void>>();
      /** Fetches what is not cached yet, one message for all of them. */
      const prefetch = (entityIds: readonly string[]): Promise<void> => {
        const missing = entityIds.filter((id) => !cards.has(id) && !pending.has(id));
        if (missing.length > 0) {
          const generation = cleared;
          const request = fetchCards(missing)
            .then((list) => {
              if (generation !== cleared) return;
              for (const card of list) cards.set(card.entity.id, card);
            })
            .catch((error: unknown) => scope.warn('card data unavailable:', error))
            .finally(() => missing.forEach((id) => pending.delete(id)));
          for (const id of missing) pending.set(id, request);
        }
        return Promise.all(entityIds.map((id) => pending.get(id))).then(() => undefined);
      };
      let cleared = 0;
      const clear = () => {
        cleared++;
        cards.clear();
        pending.clear();
        if (!session.scanner) return;
        void prefetch(session.scanner.entityIds()).then(() => session.features.card?.refresh());
      };

      scope.on('pass', (scanner) => void prefetch(scanner.entityIds()));
      scope.on('settings', ({ previous, next }) => {
        if (
          !sameStrings(previous.disabledSources, next.disabledSources) ||
          !sameStrings(previous.disabledEntities, next.disabledEntities)
        )
          clear();
      });
      scope.on('config', clear);
      return {
        get: (entityId) => cards.get(entityId),
        async load(entityId) {
          if (!cards.has(entityId)) await prefetch([entityId]);
          return cards.get(entityId);
        },
      };
    },
  };
}
