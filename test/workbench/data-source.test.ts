// The workbench's tab for a Connected Sheets data source sheet: the preview rows under their column
// names, a header saying which BigQuery table it reads, and no edits.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKBENCH_BIGQUERY_PROJECT } from '../../dev/workbench/session';
import { Workbench } from '../../dev/workbench/workbench';
import { workbookXlsx } from '../../dev/workbench/xlsx';
import { pullToEnd } from '../addon/pull-to-end';

describe('workbench: a Connected Sheets tab', () => {
  let bench: Workbench;
  beforeAll(async () => {
    bench = await Workbench.create({ followRealClock: false, now: '2026-05-25T12:00:00Z' }, '');
    const job = await pullToEnd(
      bench.rt,
      {
        source: { kind: 'resource', resource: 'people' },
        target: {
          kind: 'bigquery',
          project: WORKBENCH_BIGQUERY_PROJECT,
          dataset: 'wfm',
          table: 'people',
          view: true,
        },
        mode: 'replace',
      },
      'wb-cs-key-000001',
    );
    expect(job.message).toMatch(/The Connected Sheets view "people" was added\. https:/);
  });
  afterAll(() => bench?.close());

  it('shows the preview under bold column names, with the table it reads', () => {
    expect(bench.state().sheets).toContain('people');
    const view = bench.sheet('people');
    const rows = bench.rt.bigquery.rows(WORKBENCH_BIGQUERY_PROJECT, 'wfm', 'people');
    expect(view.dataSource).toMatchObject({
      table: `${WORKBENCH_BIGQUERY_PROJECT}.wfm.people`,
      state: 'SUCCESS',
      rows: Math.min(500, rows.length),
      runBy: bench.rt.user,
    });
    expect(view.rows[0]?.every((c) => c.bold)).toBe(true);
    expect(view.rows[0]?.map((c) => c.text)).toEqual(Object.keys(rows[0] ?? {}));
    expect(view.rows).toHaveLength(Math.min(500, rows.length) + 1);
    expect(view.frozenRows).toBe(1);
  });

  it('refuses typing into it, in words', () => {
    expect(bench.write('people', 2, 1, [['x']])).toEqual({
      ok: false,
      message: 'people is a Connected Sheets view of a BigQuery table: it cannot be edited',
    });
  });

  it('downloads with its preview rows under the column names, a note on A1 naming the table', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookXlsx(bench.rt)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('people');
    const view = bench.sheet('people');
    expect(ws?.getRow(1).values).toEqual([undefined, ...(view.rows[0]?.map((c) => c.text) ?? [])]);
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(ws?.rowCount).toBe(view.rows.length);
    const id = view.rows[0]?.findIndex((c) => c.text === 'id') ?? -1;
    expect(ws?.getCell(2, id + 1).value).toBe(view.rows[1]?.[id]?.text);
    expect(ws?.getCell(1, 1).note).toBe(
      `Connected Sheets view of ${WORKBENCH_BIGQUERY_PROJECT}.wfm.people (BigQuery): the first ${view.rows.length - 1} rows as last previewed.`,
    );
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
