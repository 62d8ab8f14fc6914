// Pulling into Sheets: the table model's speed on 100,000 report rows, the block writes for
// 100,000 rows x 12 columns, and a real ~100,000-row report pulled end to end through the built
// bundle in the local Apps Script runtime (Spreadsheet calls and virtual time, from its counters).
import { intlZone } from '../dev/intl-zone';
import { startLocalAddon } from '../dev/local-addon';
import type { JobView } from '../src/core/pull/pull-view';
import { writeTable } from '../src/core/sheet/write-table';
import { buildTable } from '../src/core/table/build-table';
import { MemoryGrid } from '../test/sheet/memory-grid';

const ROWS = 100_000;

function reportRows(): Record<string, unknown>[] {
  const start = Date.parse('2026-05-01T00:00:00Z');
  return Array.from({ length: ROWS }, (_, i) => ({
    agent_id: `agent-${i % 100}`,
    queue_id: `queue-${i % 7}`,
    start_time: start + (i % 1000) * 1_800_000,
    end_time: start + ((i % 1000) + 1) * 1_800_000,
    scheduled_seconds: 1800,
    adherent_seconds: 1700 - (i % 50),
    adherence_percent: 94.4,
    handled: i % 9,
    total_handle_seconds: (i % 9) * 310,
    average_handle_seconds: 310,
    backlog: i % 13,
    channel: i % 2 ? 'chat' : 'email',
  }));
}

async function endToEnd(): Promise<Record<string, number | string>> {
  const { rt } = await startLocalAddon({ now: '2026-05-25T12:00:00Z' });
  rt.counters.reset();
  const spec = {
    source: { kind: 'report', report: 'handle_time', granularity: 'interval' },
    range: { kind: 'absolute', from: '2026-05-01', to: '2026-05-21' },
    target: { kind: 'new_sheet', name: 'AHT by interval' },
    mode: 'replace',
  };
  let job = await rt.callFromSidebar<JobView>('startPull', spec, 'bench-pull-0001');
  const began = rt.clock.now();
  while (job.nextPollInMs > 0) {
    rt.clock.advance(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  const writing = rt.executions.at(-1);
  return {
    'e2e report rows written': job.rows,
    'e2e columns': rt.workbook.size('AHT by interval').lastColumn,
    'e2e job state': job.state,
    'e2e setValues calls (whole pull)': rt.counters.spreadsheet.setValuesCalls,
    'e2e virtual ms of the writing execution': writing?.durationMs ?? 0,
    'e2e killed executions': rt.counters.executions.killed,
    'e2e virtual ms start to done': rt.clock.now() - began,
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const records = reportRows();
  const zone = intlZone('America/New_York');
  const t0 = performance.now();
  const table = buildTable(records, zone);
  const buildMs = performance.now() - t0;

  const grid = new MemoryGrid();
  const t1 = performance.now();
  const written = writeTable(grid, table, { mode: 'replace', row: 1, col: 1, note: 'bench' });
  const writeMs = performance.now() - t1;

  return {
    'table model rows/s (100k x 12)': Math.round(ROWS / (buildMs / 1000)),
    'table model ms': Math.round(buildMs),
    'block writes for 100k x 12': written.writeCalls,
    'writer ms (in memory)': Math.round(writeMs),
    ...(await endToEnd()),
  };
}
