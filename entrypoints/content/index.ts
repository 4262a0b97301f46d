import { runFactCards } from '@/lib/content/app';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runFactCards(ctx).catch((error: unknown) =>
      console.warn('[factcards] could not start:', error),
    );
  },
});
