// Embedded charts: sheet.newChart() builds one, insertChart/updateChart/removeChart keep the sheet's
// list. A chart is a type, source ranges, options and an anchor cell; nothing is drawn here.

import type { Env } from '../env.js';
import type { GridRange } from './a1.js';
import type { SheetModel } from './model.js';
import { Range } from './range.js';

export const ChartType = {
  LINE: 'LINE',
  COLUMN: 'COLUMN',
  BAR: 'BAR',
  AREA: 'AREA',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  COMBO: 'COMBO',
} as const;
export type ChartKind = keyof typeof ChartType;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartModel {
  /** Given by insertChart; null until then. */
  chartId: number | null;
  sheet: SheetModel;
  type?: ChartKind;
  ranges: Array<{ sheet: SheetModel; grid: GridRange }>;
  options: Record<string, unknown>;
  position?: ChartPosition;
}

let nextChartId = 1_000_001;

const copyOf = (m: ChartModel): ChartModel => ({
  ...m,
  ranges: [...m.ranges],
  options: { ...m.options },
  position: m.position && { ...m.position },
});

export class EmbeddedChartBuilder {
  constructor(
    private readonly env: Env,
    private readonly draft: ChartModel,
  ) {}

  private typed(type: ChartKind): EmbeddedChartBuilder {
    this.draft.type = type;
    return this;
  }
  asLineChart() {
    return this.typed('LINE');
  }
  asColumnChart() {
    return this.typed('COLUMN');
  }
  asBarChart() {
    return this.typed('BAR');
  }
  asAreaChart() {
    return this.typed('AREA');
  }
  setChartType(type: string) {
    if (!(type in ChartType)) throw new Error('Invalid argument: type');
    return this.typed(type as ChartKind);
  }

  addRange(range: Range) {
    if (!(range instanceof Range)) throw new Error('Invalid argument: range');
    this.draft.ranges.push({ sheet: range.model, grid: { ...range.grid } });
    return this;
  }
  removeRange(range: Range) {
    this.draft.ranges = this.draft.ranges.filter(
      (r) => !(r.sheet === range.model && JSON.stringify(r.grid) === JSON.stringify(range.grid)),
    );
    return this;
  }
  clearRanges() {
    this.draft.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return rangesOf(this.env, this.draft.ranges);
  }

  setOption(option: string, value: unknown) {
    if (typeof option !== 'string' || option === '') throw new Error('Invalid argument: option');
    this.draft.options[option] = value;
    return this;
  }

  /** setTitle and the axis titles belong to the typed builders (asLineChart() and so on). */
  private typedOption(method: string, option: string, value: unknown) {
    if (!this.draft.type)
      throw new TypeError(`${method} is not a function: call asLineChart() (or another type) first`);
    return this.setOption(option, value);
  }
  setTitle(title: string) {
    return this.typedOption('setTitle', 'title', String(title));
  }
  setXAxisTitle(title: string) {
    return this.typedOption('setXAxisTitle', 'hAxis.title', String(title));
  }
  setYAxisTitle(title: string) {
    return this.typedOption('setYAxisTitle', 'vAxis.title', String(title));
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    for (const v of [anchorRowPos, anchorColPos, offsetX, offsetY])
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        throw new Error('Invalid argument: position');
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error('Invalid argument: position');
    this.draft.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): EmbeddedChart {
    return new EmbeddedChart(this.env, copyOf(this.draft));
  }
}

export class EmbeddedChart {
  constructor(
    private readonly env: Env,
    readonly chart: ChartModel,
  ) {}

  getChartId(): number | null {
    return this.chart.chartId;
  }
  getId(): string | null {
    return this.chart.chartId === null ? null : `u${this.chart.chartId}`;
  }
  getRanges(): Range[] {
    return rangesOf(this.env, this.chart.ranges);
  }
  getOptions(): { get(option: string): unknown } {
    const options = { ...this.chart.options };
    const realm = this.env.exec.realm;
    return { get: (option: string) => realm.toRealm(options[option] ?? null) };
  }
  getContainerInfo() {
    const p = this.chart.position ?? { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.env, copyOf(this.chart));
  }
}

function rangesOf(env: Env, ranges: ChartModel['ranges']): Range[] {
  return env.exec.realm.array(ranges.map((r) => new Range(env, r.sheet, { ...r.grid })));
}

export function newChartModel(sheet: SheetModel): ChartModel {
  return { chartId: null, sheet, ranges: [], options: {} };
}

/** Sheets' checks before a chart lands: built for this sheet, with a type, data and a position. */
export function checkNewChart(sheet: SheetModel, chart: unknown): ChartModel {
  const model = chartOf(chart, 'insertChart');
  if (model.sheet !== sheet) throw new Error('The chart was built for a different sheet.');
  if (model.chartId !== null) throw new Error('This chart is already in the sheet: use updateChart.');
  if (!model.type) throw new Error('The chart has no type: call asLineChart() or setChartType().');
  if (model.ranges.length === 0) throw new Error('The chart has no data: call addRange().');
  if (!model.position) throw new Error('The chart has no position: call setPosition().');
  return { ...copyOf(model), chartId: nextChartId++ };
}

/** The index of an inserted chart in the sheet's list; a chart removed since, or never inserted, fails. */
export function indexOfChart(sheet: SheetModel, chart: unknown, method: string): number {
  const model = chartOf(chart, method);
  const at = sheet.charts.findIndex((c) => model.chartId !== null && c.chartId === model.chartId);
  if (at < 0) throw new Error('The chart does not exist in this sheet.');
  return at;
}

function chartOf(chart: unknown, method: string): ChartModel {
  if (!(chart instanceof EmbeddedChart))
    throw new Error(
      `The parameters (${typeof chart}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
    );
  return chart.chart;
}

export { copyOf as copyChart };
