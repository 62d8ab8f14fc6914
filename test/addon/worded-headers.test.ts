// Issue 14 item 11: headers read as words, yet sheets written before (headed by API fields) keep
// working: a refresh's saved merge key finds its columns, and appended rows keep the old units.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `words-key-${String(++keys).padStart(6, '0')}`;
const day = { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' } as const;

describe('a sheet headed by API fields, written before headers were words', () => {
  it('a merge with the merge key saved then (field names) updates its rows in place, headers kept', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: day,
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'merge',
      mergeKey: 'agent_id,platform,start_time',
    };
    expect(await pullToEnd(rt, spec, key())).toMatchObject({ state: 'done' });
    const fields = [
      'agent_id',
      'agent_name',
      'platform',
      'state',
      'sub_state',
      'start_time',
      'end_time',
      'duration',
    ];
    expect(rt.workbook.values('States')[0]).toHaveLength(fields.length);
    // The sheet as the add-on wrote it before: the same rows under field names.
    rt.workbook.write('States', [fields]);
    const rows = rt.workbook.values('States').length;
    expect(await pullToEnd(rt, spec, key())).toMatchObject({ state: 'done' });
    const after = rt.workbook.values('States');
    expect(after[0]).toEqual(fields);
    expect(after.length).toBe(rows);
    // The sidebar now offers the key in words: it finds the same columns.
    const worded = { ...spec, mergeKey: 'Agent ID, Platform, Start' };
    expect(await pullToEnd(rt, worded, key())).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('States').length).toBe(rows);
  });

  it('an append under field names adds raw seconds and percents, not durations, and no worded twins', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const old = ['agent_id', 'start_time', 'scheduled_seconds', 'adherence_percent'];
    rt.workbook.addSheet('Adherence');
    rt.workbook.write('Adherence', [old, ['a-old', '2026-05-01 00:00', 28800, 94.5]]);
    rt.workbook.note('Adherence!A1', 'Source: Assembled Adherence report (day)');
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'adherence', granularity: 'day' },
        range: day,
        target: { kind: 'sheet', name: 'Adherence' },
        mode: 'append',
      },
      key(),
    );
    expect(job).toMatchObject({ state: 'done' });
    const [header = [], ...rows] = rt.workbook.values('Adherence');
    expect(header.slice(0, 4)).toEqual(old);
    expect(header).not.toContain('Scheduled');
    expect(header).not.toContain('Adherence');
    const added = rows.slice(1);
    expect(added.length).toBe(job.rows);
    expect(added.every((r) => typeof r[2] === 'number' && r[2] >= 0 && Number.isInteger(r[2]))).toBe(true);
    expect(added.some((r) => Number(r[3]) > 1)).toBe(true);
    expect(rt.workbook.numberFormats('Adherence')[2]?.[2]).not.toBe('[h]:mm:ss');
  });
});
