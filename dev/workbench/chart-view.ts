// An embedded chart's data read out of its ranges, as Sheets reads them for a line or column chart:
// the ranges' columns side by side, the first column the domain (x axis), the others one series
// each, the first row their headers.
import type { LocalRuntime } from '../gas';
import type { ChartModel } from '../gas/services/spreadsheet/charts';
import type { ChartView } from './wire';

/** Sheets' size for a chart inserted without width and height options. */
const WIDTH = 600;
const HEIGHT = 371;

interface Column {
  header: string;
  display: string[];
  values: unknown[];
}

function columnsOf(rt: LocalRuntime, chart: ChartModel): Column[] {
  const columns: Column[] = [];
  const read = new Map<string, { values: unknown[][]; display: string[][] }>();
  for (const { sheet, grid } of chart.ranges) {
    let data = read.get(sheet.name);
    if (!data) {
      data = { values: rt.workbook.values(sheet.name), display: rt.workbook.displayValues(sheet.name) };
      read.set(sheet.name, data);
    }
    const { values, display } = data;
    for (let c = grid.col; c < grid.col + grid.numCols; c++) {
      const cells = Array.from({ length: grid.numRows }, (_, i) => grid.row - 1 + i);
      columns.push({
        header: display[grid.row - 1]?.[c - 1] ?? '',
        display: cells.slice(1).map((r) => display[r]?.[c - 1] ?? ''),
        values: cells.slice(1).map((r) => values[r]?.[c - 1]),
      });
    }
  }
  return columns;
}

const option = (chart: ChartModel, name: string): string => {
  const value = chart.options[name];
  return value === undefined || value === null ? '' : String(value);
};

const size = (chart: ChartModel, name: string, fallback: number): number => {
  const value = Number(chart.options[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export function chartView(rt: LocalRuntime, chart: ChartModel): ChartView {
  const [domain, ...series] = columnsOf(rt, chart);
  const position = chart.position ?? { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
  return {
    id: chart.chartId ?? 0,
    type: chart.type ?? 'LINE',
    title: option(chart, 'title'),
    xTitle: option(chart, 'hAxis.title'),
    yTitle: option(chart, 'vAxis.title'),
    ...position,
    width: size(chart, 'width', WIDTH),
    height: size(chart, 'height', HEIGHT),
    labels: domain?.display ?? [],
    series: series.map((s) => ({
      name: s.header,
      values: s.values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
    })),
  };
}
