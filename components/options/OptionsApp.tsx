import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OptionsBackend } from '@/lib/options/backend';
import { describeProblem } from '@/lib/options/summary';
import {
  SettingsFields,
  type ReadSettings,
  type SettingName,
  type SettingsProblem,
} from '@/lib/settings';
import { BehaviourSection } from './BehaviourSection';
import { DataSection } from './DataSection';
import { EntitiesSection } from './EntitiesSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';
import type { ChangeSettings } from './types';
import '../theme.css';
import './options.css';

const ALL_FIELDS = Object.keys(SettingsFields) as SettingName[];

/** Says what in the stored settings was invalid and left out, and offers to store the repair. */
function SettingsNotice({
  problems,
  onRepair,
}: {
  problems: readonly SettingsProblem[];
  onRepair: () => void;
}) {
  const whole = (field: SettingName) => problems.some((p) => p.field === field && !('entry' in p));
  return (
    <div class="fco-notice" role="alert" data-testid="settings-problems">
      {ALL_FIELDS.every(whole) ? (
        <p>The stored value is not settings at all, so every setting is at its default.</p>
      ) : (
        <>
          <p>Some stored settings were invalid and were left out; the rest apply:</p>
          <ul class="fco-details">
            {problems.map((problem, i) => (
              <li key={i}>{describeProblem(problem)}</li>
            ))}
          </ul>
        </>
      )}
      <p>The next change you make saves the repaired settings.</p>
      <button type="button" class="fco-button" onClick={onRepair}>
        Save repaired settings now
      </button>
    </div>
  );
}

/**
 * The options page: sources, entities, sites, behaviour and data. It always shows the settings
 * as stored: each change is one operation applied to the stored value (lib/settings/writer),
 * and the page redraws from the storage event it causes, like it does for changes made
 * elsewhere (the popup's site switch, another options tab). Open tabs follow the same event
 * (docs/DESIGN.md contract 7).
 */
export function OptionsApp({ backend }: { backend: OptionsBackend }) {
  const [read, setRead] = useState<ReadSettings>();
  const [writeError, setWriteError] = useState<string>();
  const { dataset, version } = backend.bundled;
  const names = useMemo(
    () =>
      Object.fromEntries([
        ...dataset.sources.map((s) => [s.id, s.publisher] as const),
        ...dataset.entities.map((e) => [e.id, e.displayName] as const),
      ]),
    [dataset],
  );

  useEffect(() => {
    let live = true;
    let watched = false;
    void backend.readSettings().then((loaded) => {
      // A change event already delivered a newer value than this read may hold.
      if (live && !watched) setRead(loaded);
    });
    const unwatch = backend.watchSettings((changed) => {
      watched = true;
      if (live) setRead(changed);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [backend]);

  const failed = (error: unknown) => {
    setWriteError(
      `Your change could not be saved, and nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
    // Draw the stored value again: a switch flipped in the page returns to what is stored.
    void backend
      .readSettings()
      .then((again) => setRead((current) => (again.error ? current && { ...current } : again)));
  };
  const apply = (op: Parameters<ChangeSettings>[0]) => {
    setWriteError(undefined);
    return backend.change(op).catch((error: unknown) => {
      failed(error);
      throw error;
    });
  };
  const change: ChangeSettings = (op) => void apply(op).catch(() => undefined);

  if (!read) return <p class="fco-loading">Loading…</p>;
  const { settings, problems } = read;
  const sitesProblems = problems.filter(
    (p) => p.field === 'disabledSites' || p.field === 'siteExceptions',
  );
  return (
    <div class={`fco fc-theme-${settings.theme}`}>
      <header class="fco-header">
        <div class="fco-header-inner">
          <h1>Fact Cards options</h1>
          <p class="fco-lead">
            Every change is saved at once and applies to open tabs without reloading them.
          </p>
          <nav aria-label="Sections">
            <ul class="fco-nav">
              <li>
                <a href="#sources">Sources</a>
              </li>
              <li>
                <a href="#entities">People and companies</a>
              </li>
              <li>
                <a href="#sites">Sites</a>
              </li>
              <li>
                <a href="#behaviour">Behaviour</a>
              </li>
              <li>
                <a href="#data">Data</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main class="fco-main">
        {read.error ? (
          <p class="fco-error" role="alert" data-testid="settings-unreadable">
            Your settings could not be read ({read.error}). The page shows the defaults; a change
            you make applies to your stored settings once they can be read, and nothing is written
            until then.
          </p>
        ) : null}
        {problems.length > 0 ? (
          <SettingsNotice problems={problems} onRepair={() => change({ type: 'repair' })} />
        ) : null}
        {writeError ? (
          <p class="fco-error" role="alert">
            {writeError}
          </p>
        ) : null}
        <SourcesSection
          sources={dataset.sources}
          positions={dataset.positions}
          settings={settings}
          onChange={change}
        />
        <EntitiesSection
          entities={dataset.entities}
          positions={dataset.positions}
          settings={settings}
          onChange={change}
        />
        <SitesSection settings={settings} problems={sitesProblems} onChange={change} />
        <BehaviourSection settings={settings} onChange={change} />
        <DataSection
          datasetVersion={version}
          settings={settings}
          names={names}
          loadStatus={() => backend.cacheStatus()}
          onRebuild={(onProgress) => backend.rebuild(onProgress)}
          onExport={() => backend.exportSettings()}
          onReadFile={(file) => backend.readSettingsFile(file)}
          onApplyImport={(incoming) => apply({ type: 'replace', settings: incoming })}
          onUndoImport={({ before, after }) => apply({ type: 'revert', before, after })}
          onReset={async () => {
            await apply({ type: 'reset' });
          }}
        />
      </main>
    </div>
  );
}
