/**
 * Runs asynchronous tasks one at a time, in the order they were queued, so that every write
 * to a store sees the state the previous one left.
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Queues `task`; the returned promise settles with its outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.#tail;
  }
}
