// How many requests go in one fetchAll. Apps Script fails a whole fetchAll when one request in it
// gets no answer, after the fetch's whole timeout (a minute), and every request in it is asked
// again: at 1 request in 5 unanswered, a batch of 20 almost never comes back (QA: a month of agent
// states at page 103 after two hours). Each batch lost halves the next, down to one request at a
// time, and it stays so for the rest of the read: smaller batches lose fewer answers, and
// at the rate limit's 5 a second they cost little even when every answer comes. A pull carries
// its size on to its next execution (PullJob.batch), whose client would start at the largest again.

export class BatchSize {
  constructor(private size: number) {}

  get now(): number {
    return this.size;
  }

  /** Starts no larger than `size`, where an execution before came down to it. */
  startAt(size: number): void {
    this.size = Math.min(this.size, size);
  }

  /** A fetch got no answer (for one request in it, or its only one). */
  lost(): void {
    this.size = Math.max(1, Math.floor(this.size / 2));
  }
}
