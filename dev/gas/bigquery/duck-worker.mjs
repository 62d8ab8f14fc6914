// Worker half of engine.ts: DuckDB's Node API is asynchronous, the fake BigQuery service is
// synchronous (as Apps Script's is), so synckit blocks the caller on Atomics until a batch is done.
// Plain JS so the worker needs no TypeScript loader under tsx or vitest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runAsWorker } from 'synckit';

/** One in-memory database per runtime (keyed by the runtime's id). */
const databases = new Map();

async function connection(db) {
  let open = databases.get(db);
  if (!open) {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run("SET TimeZone = 'UTC'");
    open = { instance, conn };
    databases.set(db, open);
  }
  return open.conn;
}

/**
 * Runs the statements in order; `$FILE` in them names a temporary file holding `data` (a load
 * job's newline-delimited JSON). Answers the last statement's result as JSON-safe values, or the
 * engine's error text. `atomic` wraps the batch in a transaction (a failed load leaves no rows).
 */
runAsWorker(async (op) => {
  if (op.kind === 'drop') {
    const open = databases.get(op.db);
    databases.delete(op.db);
    open?.conn.closeSync?.();
    return { ok: true };
  }
  const conn = await connection(op.db);
  let file;
  try {
    if (op.data !== undefined) {
      file = path.join(
        os.tmpdir(),
        `bq-load-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
      );
      fs.writeFileSync(file, op.data);
    }
    if (op.atomic) await conn.run('BEGIN TRANSACTION');
    let result = null;
    try {
      for (const sql of op.statements) {
        const text = file ? sql.replaceAll('$FILE', `'${file}'`) : sql;
        const reader = await conn.runAndReadAll(text);
        result = reader;
      }
      if (op.atomic) await conn.run('COMMIT');
    } catch (error) {
      if (op.atomic) await conn.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    if (!result) return { ok: true, columns: [], rows: [], changed: 0 };
    const columns = result.columnNames().map((name, i) => ({ name, type: String(result.columnTypes()[i]) }));
    return { ok: true, columns, rows: result.getRowsJson() };
  } catch (error) {
    return { ok: false, message: String(error?.message ?? error) };
  } finally {
    if (file) fs.rmSync(file, { force: true });
  }
});
