// The SQL engine behind the fake BigQuery: DuckDB in a worker thread, called synchronously.
import { createSyncFn } from 'synckit';

export interface EngineColumn {
  name: string;
  /** DuckDB's type name, e.g. BIGINT, VARCHAR[], TIMESTAMP WITH TIME ZONE. */
  type: string;
}

export interface EngineResult {
  columns: EngineColumn[];
  /** JSON-safe values: BIGINT as text, timestamps as 'YYYY-MM-DD hh:mm:ss[.ffffff]+00', lists as arrays. */
  rows: unknown[][];
}

type WorkerOp =
  | { kind: 'run'; db: string; statements: string[]; atomic?: boolean; data?: string }
  | { kind: 'drop'; db: string };
type WorkerReply = ({ ok: true } & EngineResult) | { ok: false; message: string };

let call: ((op: WorkerOp) => WorkerReply) | undefined;

function worker(): (op: WorkerOp) => WorkerReply {
  // One worker per process, started on first use: most runtimes never touch BigQuery.
  call ??= createSyncFn<(op: WorkerOp) => Promise<WorkerReply>>(
    new URL('./duck-worker.mjs', import.meta.url),
    { timeout: 120_000 },
  );
  return call;
}

/** Thrown with the engine's own text; the fake maps it to BigQuery's words. */
export class EngineError extends Error {}

let seq = 0;

export class Engine {
  readonly db = `db-${process.pid}-${++seq}`;

  /** Runs statements in order (in one transaction when `atomic`); answers the last result. */
  run(statements: string[], options: { atomic?: boolean; data?: string } = {}): EngineResult {
    const reply = worker()({ kind: 'run', db: this.db, statements, ...options });
    if (!reply.ok) throw new EngineError(reply.message);
    return { columns: reply.columns, rows: reply.rows };
  }

  drop(): void {
    if (call) call({ kind: 'drop', db: this.db });
  }
}
