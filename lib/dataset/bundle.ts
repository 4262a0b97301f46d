/**
 * The dataset bundled with the extension (`data/`), validated and versioned.
 * Imported by the background and extension pages only: the content script never loads it.
 */
import * as z from 'zod/mini';
import entities from '@/data/entities.json';
import sources from '@/data/sources.json';
import topics from '@/data/topics.json';
import positions from '@/data/positions.json';
import { DatasetSchema, type Dataset } from './schema';
import { checkIntegrity } from './integrity';

/** Raised when `data/` does not satisfy the schema or its references do not resolve. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bundled dataset is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
  }
}

/** Formats zod issues as `path: problem` lines a person can act on. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('');
    const detail =
      issue.code === 'invalid_type'
        ? `expected ${issue.expected}`
        : issue.code === 'invalid_value'
          ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : issue.code === 'unrecognized_keys'
            ? `unknown key(s) ${issue.keys.join(', ')}`
            : issue.code.replaceAll('_', ' ');
    return `${path.replace(/^\./, '') || '(root)'}: ${detail}`;
  });
}

/** Validates raw data as a dataset; throws {@link DatasetError} listing every problem. */
export function parseDataset(raw: unknown): Dataset {
  const result = DatasetSchema.safeParse(raw);
  if (!result.success) throw new DatasetError(describeIssues(result.error));
  const problems = checkIntegrity(result.data);
  if (problems.length > 0) throw new DatasetError(problems);
  return result.data;
}

/**
 * A short, stable hash of the dataset's content (FNV-1a, 2×32 bits). Any change to `data/`
 * changes it, so every installed copy notices and re-seeds its cache.
 */
export function computeDatasetVersion(dataset: Dataset): string {
  const text = JSON.stringify(dataset);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(h1)}${hex(h2)}`;
}

let cached: { dataset: Dataset; version: string } | undefined;

/** The bundled dataset, parsed once. Throws {@link DatasetError} if `data/` is broken. */
export function getBundledDataset(): { dataset: Dataset; version: string } {
  if (!cached) {
    const dataset = parseDataset({ entities, sources, topics, positions });
    cached = { dataset, version: computeDatasetVersion(dataset) };
  }
  return cached;
}
