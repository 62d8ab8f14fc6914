// A person's formulas elsewhere that read a pulled table (a KPI sheet's =SUM(Data!C2:C500)) keep
// reading it through every pull into it: Sheets rewrites a formula's references when rows or columns
// of the sheet it reads are inserted or deleted, so a pull must not insert or delete any it reads.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `kpi-formulas-key-${String(++keys).padStart(6, '0')}`;

const KPIS = ['=SUM(Data!C2:C500)', "=COUNTA('Data'!A2:A)", '=Data!$A$2&" leads"', '=MAX(Data!B:B)'];

/** `replacing`: the other data the sheet holds, which the person agreed to replace (other-source.ts). */
const pull = (rt: LocalRuntime, target: object, mode: string, resource = 'people', replacing?: string) =>
  pullToEnd(
    rt,
    { source: { kind: 'resource', resource }, target, mode, ...(mode === 'merge' ? { mergeKey: 'ID' } : {}) },
    key(),
    replacing,
  );

function withKpis(rt: LocalRuntime): () => string[] {
  rt.workbook.addSheet('KPI');
  rt.workbook.write(
    'KPI',
    KPIS.map((f) => [f]),
  );
  return () => rt.workbook.formulas('KPI').map((r) => r[0] ?? '');
}

describe("a KPI sheet's formulas over the pulled sheet", () => {
  it('keep their ranges through a replace, a merge and an append into it', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Data');
    const kpis = withKpis(rt);
    const target = { kind: 'sheet', name: 'Data' };
    for (const [mode, resource, replacing] of [
      ['replace', 'teams', undefined],
      ['replace', 'people', 'Teams'],
      ['merge', 'people', undefined],
      ['append', 'people', undefined],
      ['replace', 'teams', 'People'],
    ] as const) {
      expect(await pull(rt, target, mode, resource, replacing)).toMatchObject({ state: 'done' });
      expect(kpis(), `after a ${mode} of ${resource}`).toEqual(KPIS);
    }
  });

  it('typed before the sheet was made, keep their ranges when a pull makes it and pulls into it again', async () => {
    const { rt } = await startLocalAddon();
    const kpis = withKpis(rt);
    const target = { kind: 'new_sheet', name: 'Data' };
    expect(await pull(rt, target, 'replace', 'teams')).toMatchObject({ state: 'done' });
    expect(kpis()).toEqual(KPIS);
    expect(await pull(rt, target, 'merge', 'teams')).toMatchObject({ state: 'done' });
    expect(kpis()).toEqual(KPIS);
  });
});
