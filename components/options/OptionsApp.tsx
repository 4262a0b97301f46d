import { useEffect, useState } from 'preact/hooks';
import type { OptionsBackend } from '@/lib/options/backend';
import { SETTING_LABELS } from '@/lib/options/summary';
import { SettingsFields, type ReadSettings, type SettingName, type Settings } from '@/lib/settings';
import { BehaviourSection } from './BehaviourSection';
import { DataSection } from './DataSection';
import { EntitiesSection } from './EntitiesSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';
import type { ChangeSettings } from './types';
import '../theme.css';
import './options.css';

const ALL_FIELDS = Object.keys(SettingsFields) as SettingName[];

/** Says which stored settings were invalid and now use their defaults, and offers to store the repair. */
function SettingsNotice({
  problems,
  onRepair,
}: {
  problems: readonly SettingName[];
  onRepair: () => void;
}) {
  const all = ALL_FIELDS.every((name) => problems.includes(name));
  return (
    <div class="fco-notice" role="alert" data-testid="settings-problems">
      <p>
        {all
          ? 'The stored settings could not be read, so every setting is at its default.'
          : `Some stored settings were invalid and now use their defaults: ${problems.map((name) => SETTING_LABELS[name]).join(', ')}.`}{' '}
        The next change you make saves the repaired settings.
      </p>
      <button type="button" class="fco-button" onClick={onRepair}>
        Save repaired settings now
      </button>
    </div>
  );
}

/**
 * The options page: sources, entities, sites, behaviour and data. Every change is written at
 * once and reaches open tabs through storage (DESIGN.md contract 7); the page itself follows
 * changes made elsewhere (the popup's site switch, another options tab).
 */
export function OptionsApp({ backend }: { backend: OptionsBackend }) {
  const [read, setRead] = useState<ReadSettings>();
  const [writeError, setWriteError] = useState<string>();
  const { dataset, version } = backend.bundled;

  useEffect(() => {
    let live = true;
    void backend.loadSettings().then((loaded) => {
      if (live) setRead((current) => current ?? loaded);
    });
    // A change event may describe an older value than this page already shows (events of its own
    // writes can arrive after later writes finished), so an event only prompts a fresh read, which
    // is queued behind this page's writes and dropped if another write was queued meanwhile.
    const unwatch = backend.watchSettings(() => {
      void backend.loadSettings().then((loaded) => {
        if (live && !backend.busy) setRead(loaded);
      });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [backend]);

  const settled = (next: Settings) => {
    if (!backend.busy) setRead({ settings: next, problems: [] });
  };
  const failed = (error: unknown) => {
    setWriteError(
      `Your change could not be saved: ${error instanceof Error ? error.message : String(error)}`,
    );
    void backend.loadSettings().then(setRead);
  };

  const change: ChangeSettings = (fn) => {
    setWriteError(undefined);
    setRead(
      (current) =>
        current && {
          settings: { ...current.settings, ...fn(current.settings) },
          problems: current.problems,
        },
    );
    backend.update(fn).then(settled, failed);
  };

  if (!read) return <p class="fco-loading">Loading…</p>;
  const { settings, problems } = read;
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
        {problems.length > 0 ? (
          <SettingsNotice problems={problems} onRepair={() => change(() => ({}))} />
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
        <SitesSection settings={settings} onChange={change} />
        <BehaviourSection settings={settings} onChange={change} />
        <DataSection
          datasetVersion={version}
          loadStatus={() => backend.cacheStatus()}
          onRebuild={(onProgress) => backend.rebuild(onProgress)}
          onExport={() => backend.exportSettings()}
          onImport={async (file) => {
            const result = await backend.importFile(file);
            if (result.ok) settled(result.settings);
            return result;
          }}
          onReset={async () => {
            settled(await backend.reset());
          }}
        />
      </main>
    </div>
  );
}
