// Each kind end to end: insert its template, fill it in, validate, push, and check both the sheet
// and what the simulator now holds.
import { describe, expect, it } from 'vitest';
import { PUSH_KINDS, type PushKind } from '../../src/core/push/kinds';
import { startPush, validateSheet } from '../../src/core/push/run-push';
import { templateFor } from '../../src/core/push/template';
import type { CellValue } from '../../src/core/table/build-table';
import { agentMidnight, drive, fullName, pushSetup, records } from './support';

function fill(s: ReturnType<typeof pushSetup>, name: string, rows: CellValue[][]) {
  const kind = PUSH_KINDS.find((k) => templateFor(k).sheetName === name);
  if (!kind) throw new Error(name);
  const ref = s.deps.sheets.insertTemplate(templateFor(kind));
  const grid = s.grid(ref);
  const header = grid.read(1, 1, 1, 20)[0]?.filter((h) => h !== '') as string[];
  const at = (h: string) => header.indexOf(h);
  // Rows are given as {header: value} in template order, up to the status columns.
  grid.write(2, 1, rows);
  return { ref, grid, kind, at };
}

function pushSheet(
  s: ReturnType<typeof pushSetup>,
  kind: (typeof PUSH_KINDS)[number],
  ref: { id: number; name: string },
) {
  const summary = validateSheet(s.deps, kind, ref);
  const posts = s.http.sent.filter((r) => r.method === 'POST').length;
  expect(posts).toBe(0);
  return { summary, ...drive(s, startPush(s.deps, kind, ref, `push-${kind}-0001`).id) };
}

describe('templates', () => {
  it.each(PUSH_KINDS)('%s: header, a note per column, dropdowns and date validation', (kind) => {
    const t = templateFor(kind);
    const s = pushSetup();
    const ref = s.deps.sheets.insertTemplate(t);
    expect(ref.name).toBe(t.sheetName);
    // A second template gets a free name.
    expect(s.deps.sheets.insertTemplate(t).name).toBe(`${t.sheetName} (2)`);
    expect(t.columns.slice(-4).map((c) => c.header)).toEqual([
      'Push status',
      'Assembled ID',
      'Push message',
      'Pushed at',
    ]);
    for (const c of t.columns) expect(c.note.length).toBeGreaterThan(10);
    // The note's first word says whether the column is needed; the help after it does not say it again.
    for (const c of t.columns) expect(c.note).not.toMatch(/^(Required|Optional)\. (Required|Optional)\b/i);
    const dates = t.columns.filter((c) => c.validation?.kind === 'date');
    // Times the user types read to the minute (nobody pushes seconds); the time the add-on writes
    // as in the pulled sheets.
    expect(dates.every((c) => c.format === 'yyyy-mm-dd hh:mm')).toBe(true);
    expect(t.columns.find((c) => c.header === 'Pushed at')?.format).toBe('yyyy-mm-dd hh:mm:ss');
    // Id columns are Plain text, so an id typed with leading zeros keeps them; free text is not.
    const ids = t.columns.filter((c) => / ID$|^Schedule$/.test(c.header) && !c.status);
    expect(ids.every((c) => c.format === '@')).toBe(true);
    expect(t.columns.filter((c) => c.format === '@')).toEqual(ids);
    // Kinds with a column of fixed values offer them as a dropdown.
    if (kind !== 'time_off_cancel' && kind !== 'activities_clear')
      expect(t.columns.some((c) => c.validation?.kind === 'list')).toBe(true);
    if (kind === 'time_off') {
      expect(t.columns.find((c) => c.header === 'All day')?.validation).toEqual({ kind: 'checkbox' });
      expect(dates.map((c) => c.header)).toEqual(['Start', 'End']);
    }
    if (kind === 'state_edits')
      expect(t.columns[0]?.validation).toEqual({
        kind: 'list',
        values: ['insert', 'update', 'delete'],
        strict: true,
      });
  });
});

describe('template column widths', () => {
  const width = (kind: PushKind, header: string) =>
    templateFor(kind).columns.find((c) => c.header === header)?.width;

  it("keep the outcome nearer: an Assembled ID column that stays empty, and a platform's own id, are narrow", () => {
    const noIds: PushKind[] = ['agent_states', 'associations', 'activities_clear'];
    const ids: PushKind[] = ['time_off', 'activities', 'state_edits'];
    const [narrow = 0] = noIds.map((k) => width(k, 'Assembled ID'));
    expect(noIds.map((k) => width(k, 'Assembled ID'))).toEqual(noIds.map(() => narrow));
    expect(ids.map((k) => width(k, 'Assembled ID'))).toEqual(ids.map(() => 280));
    expect(narrow).toBeLessThan(200);
    expect(width('associations', 'Platform ID')).toBe(narrow);
    expect(width('activities', 'Activity ID')).toBe(280);
  });
});

describe('each kind end to end', () => {
  it('time off to create', () => {
    const s = pushSetup();
    const [a, b] = s.agents;
    const { ref, grid, kind } = fill(s, 'Time off to create', [
      [a?.email ?? '', '2026-07-06', '2026-07-08', true, 'vacation', 'Summer'],
      [fullName(b as never), '2026-07-09 13:00', '2026-07-09 15:30', false, 'personal', 'Dentist'],
    ]);
    const { summary, job } = pushSheet(s, kind, ref);
    expect(summary).toMatchObject({ ok: 2, errors: 0 });
    expect(job).toMatchObject({ state: 'done', succeeded: 2 });
    const out = records(grid);
    const made = out.map((r) => s.org.timeOff.find((t) => t.id === r['Assembled ID']));
    expect(made[0]).toMatchObject({
      agent_id: a?.agent_id,
      all_day: true,
      type: 'vacation',
      // The agent's own days, 6 to 8 July.
      start_time: agentMidnight(a, '2026-07-06'),
      end_time: agentMidnight(a, '2026-07-09'),
    });
    expect(made[1]).toMatchObject({
      agent_id: b?.agent_id,
      start_time: Date.parse('2026-07-09T17:00:00Z') / 1000,
    });
  });

  it('time off to cancel', () => {
    const s = pushSetup();
    const pending = s.org.timeOff.filter((t) => t.status === 'pending').slice(0, 2);
    const cancelled = s.org.timeOff.find((t) => t.status === 'cancelled');
    const denied = s.org.timeOff.find((t) => t.status === 'denied');
    const { ref, grid, kind } = fill(s, 'Time off to cancel', [
      [pending[0]?.id ?? '', 'sick no more'],
      [pending[1]?.id ?? ''],
      [cancelled?.id ?? ''],
      ['no-such-request'],
      [denied?.id ?? ''],
      ['', 'id forgotten'],
    ]);
    const { job } = pushSheet(s, kind, ref);
    expect(job).toMatchObject({ state: 'done', succeeded: 4, failed: 0, invalid: 2 });
    // The id no request has is found before sending, as Validate finds it, and never sent.
    expect(job.problems).toEqual([
      expect.stringMatching(/^Row 5: No time-off request has the id "no-such-request"/),
      expect.stringMatching(/^Row 7: /),
    ]);
    expect(pending.map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    const out = records(grid);
    expect(out.map((r) => r['Push status'])).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'error',
      'denied',
      'error',
    ]);
    expect(out[2]?.['Push message']).toMatch(/already cancelled/);
    expect(out[3]?.['Push message']).toMatch(/No time-off request has the id "no-such-request"/);
    // A denied request is not in effect: the row's intent holds, said in plain words.
    expect(out[4]?.['Push message']).toBe('Was denied in Assembled, so there is nothing to cancel.');
    expect(denied?.status).toBe('denied');
  });

  it('agent states to ingest, in bulk batches', () => {
    const s = pushSetup();
    const base = Date.parse('2026-05-25T06:00:00Z');
    const rows: CellValue[][] = Array.from({ length: 600 }, (_, i) => {
      const agent = s.agents[i % 20];
      const start = base + Math.floor(i / 20) * 600_000;
      return [
        agent?.agent_id ?? '',
        i % 2 ? 'busy' : 'Available',
        'chat',
        new Date(start),
        new Date(start + 600_000),
        // A platform Assembled does not know: one row says it is new, and the rest may name it.
        i === 0 ? 'new: bulk-test' : 'bulk-test',
      ];
    });
    const { ref, grid, kind } = fill(s, 'Agent states to ingest', rows);
    const { job } = pushSheet(s, kind, ref);
    expect(job).toMatchObject({ state: 'done', succeeded: 600 });
    const bulk = s.http.sent.filter((r) => r.url.endsWith('/v0/agents/state/bulk'));
    expect(bulk).toHaveLength(3);
    const ingested = [...s.org.states.values()].flat().filter((st) => st.source === 'bulk-test');
    expect(ingested).toHaveLength(600);
    expect(ingested.filter((st) => st.state === 'available')).toHaveLength(300);
    expect(records(grid).every((r) => r['Push status'] === 'ingested')).toBe(true);
  });

  it('agent states to ingest keep their platform with the live service, which names it platform', () => {
    const s = pushSetup({ dialect: 'live' });
    const start = Date.parse('2026-05-25T10:00:00Z');
    const { ref, kind } = fill(s, 'Agent states to ingest', [
      [s.agents[0]?.agent_id ?? '', 'busy', 'chat', new Date(start), new Date(start + 600_000), 'five9'],
    ]);
    expect(pushSheet(s, kind, ref).job).toMatchObject({ state: 'done', succeeded: 1 });
    // The simulator keeps times in unix seconds.
    const sent = [...s.org.states.values()].flat().filter((st) => st.start_time === start / 1000);
    expect(sent.map((st) => st.source)).toEqual(['five9']);
  });

  function edits(s: ReturnType<typeof pushSetup>) {
    const agent = s.agents[0];
    const states = s.org.states.get(agent?.agent_id ?? '') ?? [];
    const [toUpdate, toDelete] = states.filter((st) => st.end_time !== null).slice(-2);
    const sheet = fill(s, 'Agent-state edits', [
      ['insert', '', agent?.email ?? '', 'meeting', '', '2026-05-20 10:00', '2026-05-20 11:00', 'manual'],
      [
        'update',
        toUpdate?.id ?? '',
        agent?.email ?? '',
        'training',
        '',
        new Date((toUpdate?.start_time ?? 0) * 1000),
        new Date((toUpdate?.end_time ?? 0) * 1000),
        'manual',
      ],
      ['delete', toDelete?.id ?? ''],
    ]);
    const { job } = pushSheet(s, sheet.kind, sheet.ref);
    return { agent, toUpdate, toDelete, job, out: records(sheet.grid) };
  }

  it('agent-state edits: inserts and deletes in one batched request, a refused record taken out', () => {
    const s = pushSetup();
    const { agent, toDelete, out } = edits(s);
    expect(out[0]).toMatchObject({ 'Push status': 'inserted' });
    const current = s.org.states.get(agent?.agent_id ?? '') ?? [];
    const inserted = current.find((st) => st.id === out[0]?.['Assembled ID']);
    expect(inserted).toMatchObject({
      state: 'meeting',
      start_time: Date.parse('2026-05-20T14:00:00Z') / 1000,
    });
    expect(out[2]).toMatchObject({ 'Push status': 'deleted' });
    expect(current.some((st) => st.id === toDelete?.id)).toBe(false);
    // Everything in one request unless the service refuses a record; then once more without it.
    expect(s.http.sent.filter((r) => r.url.endsWith('/v0/agents/state/edit')).length).toBeLessThanOrEqual(2);
  });

  it('agent-state edits: updates name their record', () => {
    const s = pushSetup();
    const { agent, toUpdate, job, out } = edits(s);
    expect(out[1]?.['Push status']).toBe('updated');
    const current = s.org.states.get(agent?.agent_id ?? '') ?? [];
    expect(current.find((st) => st.id === toUpdate?.id)).toMatchObject({ state: 'training' });
    expect(job).toMatchObject({ state: 'done', succeeded: 3 });
  });

  it('platform-ID associations', () => {
    const s = pushSetup();
    const [a, b] = s.agents;
    const { ref, grid, kind } = fill(s, 'Platform-ID associations', [
      [a?.email ?? '', 'Salesforce', '0050000000AbC'],
      [b?.agent_id ?? '', 'five9', '007'],
    ]);
    const { job } = pushSheet(s, kind, ref);
    expect(job).toMatchObject({ state: 'done', succeeded: 2 });
    expect(a?.platforms.salesforce).toBe('0050000000AbC');
    expect(b?.platforms.five9).toBe('007');
    expect(s.http.sent.filter((r) => r.url.endsWith('/v0/agents/associations'))).toHaveLength(1);
    expect(records(grid).map((r) => r['Push status'])).toEqual(['associated', 'associated']);
  });
});
