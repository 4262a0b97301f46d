import { runFactCards } from '@/lib/content/app';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Firefox also runs this in every top-level about:blank tab (a new tab, a tab at start-up),
    // where there is nothing to read. Frames with about:blank or srcdoc documents, and pages'
    // window.open() popups, hold a page's content and are still scanned (as in Chromium).
    if (location.href === 'about:blank' && window === window.top && !window.opener) return;
    void runFactCards(ctx).catch((error: unknown) =>
      console.warn('[factcards] could not start:', error),
    );
  },
});
