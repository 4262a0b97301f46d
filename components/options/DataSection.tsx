import { useEffect, useRef, useState } from 'preact/hooks';
import type { CacheStatus } from '@/lib/options/backend';
import type { Settings, SettingName } from '@/lib/settings';
import { fieldsHeld, type SettingsFileResult } from '@/lib/settings/file';
import { previewImport } from '@/lib/settings/preview';
import type { SettingsChange } from '@/lib/settings/writer';
import { plural } from '@/lib/options/summary';
import { ImportPreview } from './ImportPreview';

export interface DataSectionProps {
  /** The bundled dataset's version (a content hash). */
  datasetVersion: string;
  /** The settings as stored now: what an import preview compares the file with. */
  settings: Settings;
  /** Display names of source and entity ids, for the import preview. */
  names: Readonly<Record<string, string>>;
  loadStatus: () => Promise<CacheStatus>;
  onRebuild: (onProgress: (written: number, total: number) => void) => Promise<void>;
  /** Downloads the settings; resolves to the file name. */
  onExport: () => Promise<string>;
  /** Reads a settings file; stores nothing. */
  onReadFile: (file: File) => Promise<SettingsFileResult>;
  /** Stores the fields a file holds (after the reader confirmed the preview). */
  onApplyImport: (settings: Partial<Settings>) => Promise<SettingsChange>;
  /** Reverts what an import changed, where nothing changed it again since. */
  onUndoImport: (change: SettingsChange) => Promise<SettingsChange>;
  onReset: () => Promise<void>;
}

type Previewed = { name: string; settings: Partial<Settings>; notes: string[] };

type Rebuild =
  | { state: 'idle' }
  | { state: 'running'; written: number; total: number }
  | { state: 'done'; total: number; ms: number }
  | { state: 'failed'; error: string };

type FileMessage =
  | { kind: 'ok'; text: string; notes: string[] }
  | { kind: 'error'; text: string; details: string[] };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Dataset version and counts, cache rebuild, settings export/import and reset. */
export function DataSection({
  datasetVersion,
  settings,
  names,
  loadStatus,
  onRebuild,
  onExport,
  onReadFile,
  onApplyImport,
  onUndoImport,
  onReset,
}: DataSectionProps) {
  const [status, setStatus] = useState<CacheStatus | { error: string } | undefined>();
  const [rebuild, setRebuild] = useState<Rebuild>({ state: 'idle' });
  const [fileMessage, setFileMessage] = useState<FileMessage>();
  const [resetMessage, setResetMessage] = useState('');
  const [previewed, setPreviewed] = useState<Previewed>();
  const [applying, setApplying] = useState(false);
  const [lastImport, setLastImport] = useState<{ name: string; change: SettingsChange }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const fileStatus = useRef<HTMLDivElement>(null);

  const refresh = () =>
    loadStatus().then(setStatus, (error: unknown) =>
      setStatus({ error: `The dataset could not be read: ${errorText(error)}` }),
    );
  useEffect(() => void refresh(), []);

  const startRebuild = async () => {
    setRebuild({ state: 'running', written: 0, total: 0 });
    const started = performance.now();
    let total = 0;
    try {
      await onRebuild((written, all) => {
        total = all;
        setRebuild({ state: 'running', written, total: all });
      });
      setRebuild({ state: 'done', total, ms: Math.round(performance.now() - started) });
    } catch (error) {
      setRebuild({ state: 'failed', error: errorText(error) });
    }
    await refresh();
  };

  useEffect(() => {
    if (previewed) previewHeading.current?.focus();
  }, [previewed]);

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setResetMessage('');
    setPreviewed(undefined);
    try {
      const result = await onReadFile(file);
      if (result.ok) {
        setFileMessage(undefined);
        setPreviewed({ name: file.name, settings: result.settings, notes: result.notes });
      } else {
        setFileMessage({
          kind: 'error',
          text: `${file.name} was not imported, and your settings are unchanged. ${result.error}`,
          details: result.details,
        });
      }
    } catch (error) {
      setFileMessage({
        kind: 'error',
        text: `${file.name} was not imported: ${errorText(error)}`,
        details: [],
      });
    }
  };

  const applyImport = async (file: Previewed) => {
    setApplying(true);
    try {
      const change = await onApplyImport(file.settings);
      setPreviewed(undefined);
      setLastImport({ name: file.name, change });
      setFileMessage({
        kind: 'ok',
        text: `Imported the settings from ${file.name}.`,
        notes: file.notes,
      });
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (error) {
      setFileMessage({
        kind: 'error',
        text: `${file.name} was not imported, and your settings are unchanged: ${errorText(error)}`,
        details: [],
      });
    } finally {
      setApplying(false);
    }
  };

  const undoImport = async (last: { name: string; change: SettingsChange }) => {
    setApplying(true);
    try {
      await onUndoImport(last.change);
      setLastImport(undefined);
      setFileMessage({
        kind: 'ok',
        text: `Undid the import of ${last.name}: your settings are as they were before it (changes made since are kept).`,
        notes: [],
      });
      fileStatus.current?.focus();
    } catch (error) {
      setFileMessage({
        kind: 'error',
        text: `The import could not be undone: ${errorText(error)}`,
        details: [],
      });
    } finally {
      setApplying(false);
    }
  };

  const kept: SettingName[] = previewed
    ? (Object.keys(settings) as SettingName[]).filter(
        (name) => !fieldsHeld(previewed.settings).includes(name),
      )
    : [];

  const counts = status && 'counts' in status ? status.counts : undefined;
  return (
    <section id="data" class="fco-section" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>

      <h3 class="fco-subtitle">Dataset</h3>
      <dl class="fco-facts">
        <dt>Version</dt>
        <dd>
          <code data-testid="dataset-version">{datasetVersion}</code>
        </dd>
        <dt>Contents</dt>
        <dd data-testid="dataset-counts">
          {counts
            ? `${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.sources, 'source')}, ${plural(counts.topics, 'topic')}, ${plural(counts.positions, 'position')}`
            : status && 'error' in status && !('counts' in status)
              ? status.error
              : 'Reading…'}
        </dd>
        <dt>Read from</dt>
        <dd data-testid="dataset-from">
          {!status || !('from' in status)
            ? '—'
            : status.from === 'cache'
              ? 'the IndexedDB cache'
              : `the copy bundled with the extension: the cache is unavailable${status.error ? ` (${status.error})` : ''}. Rebuilding it may help.`}
        </dd>
      </dl>
      <div class="fco-row">
        <button
          type="button"
          class="fco-button"
          onClick={() => void startRebuild()}
          disabled={rebuild.state === 'running'}
          aria-describedby="fco-rebuild-hint"
        >
          Rebuild cache
        </button>
        {rebuild.state === 'running' ? (
          rebuild.total > 0 ? (
            <progress
              class="fco-progress"
              aria-label="Cache rebuild progress"
              max={rebuild.total}
              value={rebuild.written}
            />
          ) : (
            <progress class="fco-progress" aria-label="Cache rebuild progress" />
          )
        ) : rebuild.state === 'done' ? (
          <progress
            class="fco-progress"
            aria-label="Cache rebuild progress"
            max={Math.max(rebuild.total, 1)}
            value={Math.max(rebuild.total, 1)}
          />
        ) : null}
      </div>
      <p id="fco-rebuild-hint" class="fco-hint">
        Deletes the local cache and writes it again from the dataset bundled with the extension.
        Your settings are kept.
      </p>
      <p class="fco-status" role="status" data-testid="rebuild-status">
        {rebuild.state === 'running'
          ? rebuild.total > 0
            ? `Rebuilding the cache: ${rebuild.written} of ${rebuild.total} records written…`
            : 'Rebuilding the cache…'
          : rebuild.state === 'done'
            ? `Cache rebuilt: ${plural(rebuild.total, 'record')} written in ${rebuild.ms} ms.`
            : rebuild.state === 'failed'
              ? `The cache could not be rebuilt: ${rebuild.error}. Cards keep working from the bundled copy.`
              : ''}
      </p>

      <h3 class="fco-subtitle">Your settings</h3>
      <div class="fco-row">
        <button
          type="button"
          class="fco-button"
          onClick={() =>
            void onExport().then(
              (name) => {
                setResetMessage('');
                setFileMessage({ kind: 'ok', text: `Saved your settings as ${name}.`, notes: [] });
              },
              (error: unknown) =>
                setFileMessage({
                  kind: 'error',
                  text: `The settings could not be exported: ${errorText(error)}`,
                  details: [],
                }),
            )
          }
        >
          Export settings
        </button>
        <span class="fco-file">
          <input
            id="fco-import"
            class="fco-file-input"
            type="file"
            accept=".json,application/json"
            onChange={(event) => void readFile(event.currentTarget)}
          />
          <label for="fco-import" class="fco-button">
            Import settings…
          </label>
        </span>
        <button
          type="button"
          class="fco-button fco-danger"
          onClick={() => dialog.current?.showModal()}
        >
          Reset to defaults…
        </button>
      </div>
      <p class="fco-hint">
        Settings files are JSON. An import shows what it will change and applies only when you
        confirm; the settings a file holds replace yours, and it can be undone. A file that is not
        valid changes nothing.
      </p>
      {previewed ? (
        <ImportPreview
          name={previewed.name}
          diff={previewImport(settings, previewed.settings)}
          kept={kept}
          notes={previewed.notes}
          names={names}
          headingRef={previewHeading}
          busy={applying}
          onApply={() => void applyImport(previewed)}
          onCancel={() => {
            setPreviewed(undefined);
            setFileMessage({
              kind: 'ok',
              text: `${previewed.name} was not imported; your settings are unchanged.`,
              notes: [],
            });
            fileStatus.current?.focus();
          }}
        />
      ) : null}
      <div
        role="status"
        class="fco-status"
        data-testid="file-status"
        tabIndex={-1}
        ref={fileStatus}
      >
        {fileMessage?.kind === 'ok' ? (
          <>
            <p>{fileMessage.text}</p>
            {fileMessage.notes.length > 0 ? (
              <ul class="fco-details">
                {fileMessage.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {resetMessage ? <p>{resetMessage}</p> : null}
      </div>
      {lastImport ? (
        <div class="fco-row">
          <button
            type="button"
            class="fco-button"
            ref={undoButton}
            disabled={applying}
            onClick={() => void undoImport(lastImport)}
          >
            Undo import<span class="fco-sr"> of {lastImport.name}</span>
          </button>
        </div>
      ) : null}
      <div role="alert" class="fco-alert-region" data-testid="file-error">
        {fileMessage?.kind === 'error' ? (
          <div class="fco-error">
            <p>{fileMessage.text}</p>
            {fileMessage.details.length > 0 ? (
              <ul class="fco-details">
                {fileMessage.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <dialog
        ref={dialog}
        class="fco-dialog"
        aria-labelledby="fco-reset-title"
        aria-describedby="fco-reset-text"
      >
        <h3 id="fco-reset-title">Reset all settings?</h3>
        <p id="fco-reset-text">
          Every source, person and company is switched back on, the site list is emptied, and
          behaviour and theme return to their defaults. Export your settings first to keep a copy.
        </p>
        <div class="fco-row fco-dialog-actions">
          <button
            type="button"
            class="fco-button"
            autofocus
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <button
            type="button"
            class="fco-button fco-danger"
            onClick={() => {
              dialog.current?.close();
              setFileMessage(undefined);
              setPreviewed(undefined);
              setLastImport(undefined);
              void onReset().then(
                () => setResetMessage('Settings reset to their defaults.'),
                (error: unknown) =>
                  setResetMessage(`The settings could not be reset: ${errorText(error)}`),
              );
            }}
          >
            Reset settings
          </button>
        </div>
      </dialog>
    </section>
  );
}
