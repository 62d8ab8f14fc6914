// Calls per service, for tests and benchmarks that count round trips rather than time.

function fresh() {
  return {
    spreadsheet: {
      calls: 0,
      reads: 0,
      writes: 0,
      cellsRead: 0,
      cellsWritten: 0,
      getValuesCalls: 0,
      getValuesCells: 0,
      setValuesCalls: 0,
      setValuesCells: 0,
      /** Cells of the largest single setValues call: real Sheets times out on very large ones. */
      setValuesLargestCells: 0,
      /** Row and column insertions: a sheet should grow once per write, not once per block. */
      gridGrowths: 0,
      denied: 0,
    },
    urlfetch: { calls: 0, fetchCalls: 0, fetchAllBatches: 0, requests: 0, denied: 0 },
    properties: { calls: 0, reads: 0, writes: 0, denied: 0 },
    cache: { calls: 0, reads: 0, writes: 0, denied: 0 },
    lock: { calls: 0, acquired: 0, timeouts: 0, releasedUnflushed: 0, denied: 0 },
    triggers: { calls: 0, created: 0, deleted: 0, reads: 0, fired: 0, denied: 0 },
    ui: { calls: 0, denied: 0 },
    html: { calls: 0, denied: 0 },
    utilities: { calls: 0, denied: 0 },
    session: { calls: 0, denied: 0 },
    mail: { calls: 0, sent: 0, denied: 0 },
    /** The BigQuery advanced service: load jobs' uploads and their bytes. */
    bigquery: { calls: 0, uploads: 0, bytesUploaded: 0, denied: 0 },
    logger: { calls: 0, denied: 0 },
    executions: { runs: 0, errors: 0, killed: 0 },
  };
}

export type CounterValues = ReturnType<typeof fresh>;
export type ServiceName = Exclude<keyof CounterValues, 'executions'>;

export type Counters = CounterValues & {
  /** Zeroes every counter in place (references to the groups stay valid). */
  reset(): void;
  /** A copy that later calls do not change. */
  snapshot(): CounterValues;
};

export function createCounters(): Counters {
  const values = fresh();
  return Object.assign(values, {
    reset() {
      const zero = fresh();
      for (const key of Object.keys(zero) as (keyof CounterValues)[]) Object.assign(values[key], zero[key]);
    },
    snapshot(): CounterValues {
      const copy = fresh();
      for (const key of Object.keys(copy) as (keyof CounterValues)[]) Object.assign(copy[key], values[key]);
      return copy;
    },
  });
}
