// What the workbench shows and downloads of a schedule grid and a coverage pull: cell colours,
// conditional formats evaluated as Sheets draws them, the chart's data read from its ranges, and
// the .xlsx keeping colours and rules.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { conditionalFormats } from '../../dev/workbench/conditional-format';
import { sheetView } from '../../dev/workbench/sheet-view';
import { workbookXlsx } from '../../dev/workbench/xlsx';
import { pullToEnd } from '../addon/pull-to-end';

const day = { kind: 'absolute', from: '2026-05-19', to: '2026-05-19' };

describe('the workbench shows and downloads colours, conditional formats and charts', () => {
  let rt: LocalRuntime;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ rt } = await startLocalAddon({ dialect: 'live' }));
    for (const [resource, name, key] of [
      ['schedule_grid', 'Grid', 'colours-key-000001'],
      ['coverage', 'Coverage', 'colours-key-000002'],
    ] as const) {
      const job = await pullToEnd(
        rt,
        {
          source: { kind: 'resource', resource },
          range: day,
          target: { kind: 'new_sheet', name },
          mode: 'replace',
        },
        key,
      );
      expect(job.state).toBe('done');
    }
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookXlsx(rt)) as unknown as ArrayBuffer);
  });

  it('a painted cell shows, and downloads, its background and font colour', () => {
    const backgrounds = rt.workbook.backgrounds('Grid');
    const fonts = rt.workbook.fontColors('Grid');
    const r = backgrounds.findIndex((line) => line.some((bg) => bg !== '#ffffff'));
    const c = backgrounds[r]?.findIndex((bg) => bg !== '#ffffff') ?? -1;
    const bg = backgrounds[r]?.[c] as string;
    const fg = fonts[r]?.[c] as string;
    expect(sheetView(rt, 'Grid').rows[r]?.[c]).toMatchObject({ background: bg, color: fg });
    expect(sheetView(rt, 'Grid').rows[r]?.[0]?.background).toBeUndefined();
    const cell = book.getWorksheet('Grid')?.getCell(r + 1, c + 1);
    expect(cell?.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${bg.slice(1).toUpperCase()}` },
    });
    expect(cell?.font?.color).toEqual({ argb: `FF${fg.slice(1).toUpperCase()}` });
  });

  it("the download keeps the grid's frozen team and agent columns, its header rows and its narrow columns", () => {
    const ws = book.getWorksheet('Grid');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    const widths = rt.workbook.columnWidths('Grid');
    expect(widths[3]).toBe(48);
    // Excel measures in characters of about 7 pixels.
    expect(ws?.getColumn(3).width).toBeCloseTo(48 / 7, 2);
  });

  it('gap cells take the colour of the first rule that holds; the download keeps the rules', () => {
    const values = rt.workbook.values('Coverage');
    const gap = (values[0] as string[]).indexOf('Gap (all types)');
    const view = sheetView(rt, 'Coverage');
    const shown = values.slice(1).map((line, i) => [line[gap], view.rows[i + 1]?.[gap]?.background]);
    expect(shown.some(([v]) => Number(v) < 0) && shown.some(([v]) => Number(v) > 0)).toBe(true);
    for (const [v, background] of shown)
      expect(background).toBe(Number(v) < 0 ? '#f4c7c3' : Number(v) > 0 ? '#c9daf8' : undefined);

    const ws = book.getWorksheet('Coverage') as ExcelJS.Worksheet & {
      conditionalFormattings: { ref: string; rules: ExcelJS.CellIsRuleType[] }[];
    };
    const rules = ws.conditionalFormattings.map((f) => ({
      first: f.ref.split(' ')[0],
      operator: f.rules[0]?.operator,
      formulae: f.rules[0]?.formulae,
      fill: (f.rules[0]?.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor,
    }));
    expect(rules).toEqual([
      { first: `E2:E${values.length}`, operator: 'lessThan', formulae: ['0'], fill: { argb: 'FFF4C7C3' } },
      { first: `E2:E${values.length}`, operator: 'greaterThan', formulae: ['0'], fill: { argb: 'FFC9DAF8' } },
    ]);
  });

  it('the chart is read out of its ranges: the times as the sheet shows them, one series a column', () => {
    const [chart, ...more] = sheetView(rt, 'Coverage').charts;
    expect(more).toEqual([]);
    const values = rt.workbook.values('Coverage');
    const shown = rt.workbook.displayValues('Coverage');
    expect(chart).toMatchObject({
      type: 'LINE',
      title: 'Coverage 2026-05-19: required vs scheduled (America/New_York)',
      xTitle: 'Interval start (America/New_York)',
      yTitle: 'Staff',
      anchorRow: 1,
      anchorColumn: (values[0] as string[]).length + 2,
      labels: shown.slice(1).map((line) => line[0]),
      series: [
        { name: 'Required (all types)', values: values.slice(1).map((line) => line[2]) },
        { name: 'Scheduled (all types)', values: values.slice(1).map((line) => line[3]) },
      ],
    });
    expect(chart?.labels[0]).toBe('2026-05-19 00:00:00');
  });

  it('number rules match numbers only, and an earlier rule wins', () => {
    const grid = { row: 1, col: 1, numRows: 1, numCols: 4 };
    const rule = (criteria: 'NUMBER_LESS_THAN' | 'NUMBER_BETWEEN', values: number[], background: string) => ({
      ranges: [{ sheet: undefined as never, grid }],
      criteria,
      values,
      background,
    });
    const out = conditionalFormats(
      [rule('NUMBER_LESS_THAN', [5], '#aaaaaa'), rule('NUMBER_BETWEEN', [0, 10], '#bbbbbb')],
      [[1, 7, 'x', '']],
    );
    expect([...out]).toEqual([
      ['1:1', { background: '#aaaaaa' }],
      ['1:2', { background: '#bbbbbb' }],
    ]);
  });

  it('"text is exactly" matches the whole text as written (the stricter reading), never a part of it', () => {
    const grid = { row: 1, col: 1, numRows: 1, numCols: 4 };
    const out = conditionalFormats(
      [
        {
          ranges: [{ sheet: undefined as never, grid }],
          criteria: 'TEXT_EQUAL_TO',
          values: ['error'],
          fontColor: '#cc0000',
        },
      ],
      [['error', 'Error', 'errors', 7]],
    );
    expect([...out.keys()]).toEqual(['1:1']);
  });
});
