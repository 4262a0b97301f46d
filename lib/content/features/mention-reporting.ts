/**
 * Mention reporting: tells the background how many mentions of each entity this frame holds, and
 * whether Fact Cards is off here (the popup's "On this page", the toolbar badge and icon), at
 * most once per change, a little after a pass settles.
 */
import { sendToBackground } from '../../messaging';
import type { Feature } from '../session';

/** How long counts settle before they are reported. */
export const REPORT_DELAY_MS = 300;

/** How the feature reaches the background (tests pass a fake). */
export type SendReport = (
  counts: Record<string, number>,
  hostname: string,
  off: boolean,
) => Promise<unknown>;

const sendToBackgroundReport: SendReport = (counts, hostname, off) =>
  sendToBackground({ type: 'reportMentions', counts, hostname, off });

/** Builds the feature around a way to send a report. */
export function mentionReportingFeature(
  send: SendReport = sendToBackgroundReport,
): Feature<'reporting'> {
  return {
    name: 'reporting',
    start(session, scope) {
      let lastReported = '';
      let timer: number | undefined;
      const report = (counts: Record<string, number>) => {
        const off = !session.isActive();
        const key = JSON.stringify([counts, off]);
        if (key === lastReported) return;
        session.win.clearTimeout(timer);
        timer = scope.setTimeout(() => {
          lastReported = key;
          void send(counts, session.hostname, off).catch(() => undefined);
        }, REPORT_DELAY_MS);
      };
      scope.on('pass', (scanner) => report(scanner.counts()));
      scope.on('active', (active) => {
        if (!active) report({});
      });
      // Off from the start: no pass will come, but the toolbar should say so.
      if (!session.isActive()) report({});
      return {
        reportNow() {
          lastReported = '';
          report(session.scanner?.counts() ?? {});
        },
      };
    },
  };
}
