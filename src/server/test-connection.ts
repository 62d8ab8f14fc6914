import { checkConnection } from '../core/assembled';
import { checkLabel, checkSummary } from '../core/assembled/check-words';
import type { ConnectionReport } from '../core/server-api';
import { assembledClient } from './client-factory';

/** Settings' "Test connection": every read-only operation once, reported line by line. */
export function testConnection(): ConnectionReport {
  const results = checkConnection(assembledClient());
  const lines = results.map((r) => ({
    label: checkLabel(r.operation),
    summary: checkSummary(r),
    // The probe of how the server takes times reads as what it is, not as a second agent-state read.
    operation: r.operation === 'timeFormat' ? `Time format (${r.endpoint})` : r.endpoint || r.operation,
    ok: r.ok,
    status: r.status ?? 0,
    records: r.records,
    ms: r.ms,
    message: r.error?.message ?? r.note ?? '',
  }));
  return { ok: lines.every((l) => l.ok), lines };
}
