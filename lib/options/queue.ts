/**
 * Runs async tasks one after another. Settings writes are read-modify-write: two switches
 * flipped in quick succession must not both start from the same old value.
 */
export interface SerialQueue {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly pending: number;
}

/** Creates a queue; a failed task rejects its own promise and does not stop the ones after it. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    pending++;
    const result = tail.then(task).finally(() => {
      pending--;
    });
    tail = result.catch(() => undefined);
    return result;
  };
  return Object.defineProperty(run, 'pending', { get: () => pending }) as SerialQueue;
}
