// A pull's row in the Assembled log names its mode: a Replace, an Append and a Merge of the same
// report into the same sheet read the same in What, Target and Status, and only their messages
// told them apart; a failed run's message says nothing of it.
import { expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const adherence = (mode: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-07' },
  target: { kind: 'sheet', name: 'Adh day' },
  mode,
});

it('says Replace, Append or Merge after what each pull pulled', async () => {
  const { rt } = await startLocalAddon({ now: '2026-12-07T09:00:00Z' });
  rt.workbook.addSheet('Adh day');
  for (const [i, mode] of ['replace', 'append', 'merge'].entries())
    expect(await pullToEnd(rt, adherence(mode), `log-mode-pull-${i}`)).toMatchObject({ state: 'done' });
  const rows = rt.workbook.values('Assembled log').slice(1);
  expect(rows.map((r) => r.slice(2, 5))).toEqual([
    ['Adherence report (day) 2026-11-01 to 2026-11-07 (Replace)', 'Adh day', 'done'],
    ['Adherence report (day) 2026-11-01 to 2026-11-07 (Append)', 'Adh day', 'done'],
    ['Adherence report (day) 2026-11-01 to 2026-11-07 (Merge)', 'Adh day', 'done'],
  ]);
});
