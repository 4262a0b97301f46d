/**
 * Scanning: runs the page scanner while Fact Cards is on in this frame, and follows the settings
 * and the matcher config live (entities switched off, highlight style, site switch, hidden tab).
 */
import { compileMatcher, type CompiledMatcher } from '../../detect';
import { PageScanner } from '../../dom/scanner';
import type { Feature, Session } from '../session';

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Compiles the stored matcher config without the entities the reader switched off. */
export function compileForSettings(session: Pick<Session, 'config' | 'settings'>): CompiledMatcher {
  const off = new Set(session.settings.disabledEntities);
  const enabled = session.config.entities.map((e) => e.id).filter((id) => !off.has(id));
  return compileMatcher(session.config, { enabledEntityIds: new Set(enabled) });
}

export const scanning: Feature<'scanning'> = {
  name: 'scanning',
  start(session, scope) {
    const start = () => {
      if (session.scanner || !session.isActive()) return;
      session.highlights.setStyle(session.settings.highlightStyle);
      session.scanner = new PageScanner({
        win: session.win,
        matcher: compileForSettings(session),
        highlights: session.highlights,
        isOwnUi: (el) => session.cardHost.isHost(el),
        signal: session.life.signal,
        onPass: scope.guard((scanner: PageScanner) => session.emit('pass', scanner)),
      });
      void session.scanner.start();
      session.emit('active', true);
    };
    const stop = () => {
      if (!session.scanner) return;
      session.intent.hide();
      session.scanner.stop();
      session.scanner = undefined;
      session.cardHost.destroy();
      session.emit('active', false);
    };
    const refresh = () => (session.isActive() ? start() : stop());

    scope.on('settings', ({ previous, next }) => {
      if (!sameStrings(previous.disabledEntities, next.disabledEntities)) {
        session.intent.hide();
        void session.scanner?.setMatcher(compileForSettings(session));
      }
      if (previous.highlightStyle !== next.highlightStyle)
        session.highlights.setStyle(next.highlightStyle);
      refresh();
    });
    scope.on('config', () => void session.scanner?.setMatcher(compileForSettings(session)));
    start();
    return { refresh };
  },
};
