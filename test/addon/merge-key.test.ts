// A merge by a key the table has no column for is refused when the pull starts, before Assembled
// is asked to generate anything: found only at the write, it failed after the whole fetch.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

const adherence = (mergeKey?: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-11', to: '2026-05-17' },
  target: { kind: 'sheet', name: 'KPIs' },
  mode: 'merge',
  ...(mergeKey ? { mergeKey } : {}),
});

describe('a merge key the sheet has no column for', () => {
  it('is refused at the start, naming the column, and nothing is asked or written', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('KPIs');
    const first = await pullToEnd(rt, adherence(), 'first-pull');
    expect(first).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('KPIs');
    await expect(rt.callFromSidebar<JobView>('startPull', adherence('Agent'), 'typo-key')).rejects.toThrow(
      'The merge key column "Agent" is not in the data or in the sheet\'s header. Type the key columns as the sheet\'s header names them, comma-separated. Nothing was written.',
    );
    expect(rt.workbook.values('KPIs')).toEqual(before);
    // Its header words and its API fields are both key columns, whatever their case.
    for (const [key, request] of [
      ['agent id, START, End', 'words-key'],
      ['agent_id,start_time,end_time', 'fields-key'],
    ]) {
      const job = await pullToEnd(rt, adherence(key), request as string);
      expect(job).toMatchObject({ state: 'done' });
    }
  });
});
