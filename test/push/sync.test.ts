// Sync time off: a full list the first time, then only what changed since the sheet's cursor.
import { describe, expect, it } from 'vitest';
import { createAssembledClient } from '../../src/core/assembled';
import { syncTimeOff } from '../../src/core/push/sync-time-off';
import { MemoryGrid } from '../sheet/memory-grid';
import { pushSetup, records } from './support';

function setup() {
  const s = pushSetup();
  // The push simulator speaks the YAML dialect: ISO times.
  const client = createAssembledClient({
    http: s.http,
    clock: s.clock,
    apiKey: s.simulator.admin.sampleKey,
    timeFormat: 'iso',
  });
  const grid = new MemoryGrid();
  const target = { id: 7, name: 'Time off', grid };
  const sync = () =>
    syncTimeOff(
      {
        client,
        clock: s.clock,
        zone: s.deps.zone,
        zones: s.deps.zones,
        store: s.deps.store,
        user: 'ops@example.com',
      },
      target,
    );
  return { s, client, grid, sync };
}

describe('sync time off', () => {
  it('merges approvals, denials, cancellations and new requests by id, reading only the changes', () => {
    const { s, client, grid, sync } = setup();
    const first = sync();
    expect(first).toMatchObject({ full: true, changes: s.org.timeOff.length, added: s.org.timeOff.length });
    const byId = () => new Map(records(grid).map((r) => [r.ID, r]));
    expect(byId().size).toBe(s.org.timeOff.length);
    // Names beside the ids, as in a pull: ops read who, not a uuid.
    const header = grid.read(1, 1, 1, grid.used().cols)[0];
    expect(header?.slice(0, 5)).toEqual(['ID', 'Agent ID', 'Agent name', 'Approver ID', 'Approver name']);
    const nameOf = (agentId: unknown) => {
      const p = s.org.people.find((x) => x.agent_id === agentId);
      return [p?.first_name, p?.last_name].filter(Boolean).join(' ');
    };
    for (const r of records(grid)) expect(r['Agent name'], String(r.ID)).toBe(nameOf(r['Agent ID']));
    // Nothing changed: one request, nothing written.
    const writes = grid.writes;
    const sent = s.http.sent.length;
    expect(sync()).toMatchObject({ full: false, changes: 0 });
    expect(s.http.sent.length).toBe(sent + 1);
    expect(grid.writes).toBe(writes);

    s.clock.advance(60_000);
    const pending = s.org.timeOff.filter((t) => t.status === 'pending');
    const [approve, deny, cancel] = pending;
    s.simulator.admin.decideTimeOff(approve?.id ?? '', 'approved');
    s.simulator.admin.decideTimeOff(deny?.id ?? '', 'denied');
    client.cancelTimeOff(cancel?.id ?? '');
    const second = sync();
    expect(second).toMatchObject({ full: false, changes: 3, added: 0, updated: 3 });
    // Status changes come from the update stream alone: no list of requests.
    expect(s.http.sent.slice(-1).map((r) => new URL(r.url).pathname)).toEqual(['/v0/time_off/updates']);
    expect(byId().get(approve?.id ?? '')?.Status).toBe('approved');
    expect(byId().get(deny?.id ?? '')?.Status).toBe('denied');
    expect(byId().get(cancel?.id ?? '')?.Status).toBe('cancelled');
    expect(byId().get(approve?.id ?? '')?.['Agent ID']).toBe(approve?.agent_id);

    s.clock.advance(60_000);
    const made = client.createTimeOff({
      agent_id: s.agents[0]?.agent_id ?? '',
      start_time: '2026-09-01T13:00:00Z',
      end_time: '2026-09-01T21:00:00Z',
      notes: 'new one',
    });
    const third = sync();
    expect(third).toMatchObject({ changes: 1, added: 1, updated: 0 });
    expect(byId().get(made.id)).toMatchObject({
      Notes: 'new one',
      Status: 'pending',
      'Agent name': nameOf(s.agents[0]?.agent_id),
    });
    expect(byId().size).toBe(s.org.timeOff.length);
    // Repeats at the cursor merge harmlessly: the sheet keeps one row per request.
    sync();
    expect(records(grid)).toHaveLength(s.org.timeOff.length);
  });

  it('keeps a cursor per sheet', () => {
    const { s, client, sync } = setup();
    sync();
    const other = new MemoryGrid();
    const result = syncTimeOff(
      { client, clock: s.clock, zone: s.deps.zone, zones: s.deps.zones, store: s.deps.store, user: 'x' },
      { id: 8, name: 'Other', grid: other },
    );
    expect(result.full).toBe(true);
    expect(records(other)).toHaveLength(s.org.timeOff.length);
  });
});
