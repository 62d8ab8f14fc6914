// The workbook as the page shows it: display values (number formats applied), formulas, notes,
// bold headers, frozen rows, drop-down choices; and the virtual time in the spreadsheet's zone.
import type { LocalRuntime } from '../gas';
import { parseA1, resolveA1 } from '../gas/services/spreadsheet/a1';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from '../gas/services/spreadsheet/colors';
import { zoneName } from '../gas/time/timezone';
import { chartView } from './chart-view';
import { conditionalFormats } from './conditional-format';
import { dataSourceView } from './data-source-view';
import { type CellView, GRID_MIN_ROWS, GRID_PAD_ROWS, MAX_COLUMNS, MAX_ROWS, type SheetView } from './wire';

export function sheetView(rt: LocalRuntime, name: string): SheetView {
  const source = dataSourceView(rt, name);
  if (source) return source;
  const wb = rt.workbook;
  const size = wb.size(name);
  // Only the rows sent are read: a pull of 20,000 rows would otherwise make every view read them all.
  const display = wb.displayValues(name, MAX_ROWS);
  const values = wb.values(name, MAX_ROWS);
  const formulas = wb.formulas(name, MAX_ROWS);
  const notes = wb.notes(name, MAX_ROWS);
  const weights = wb.fontWeights(name, MAX_ROWS);
  const validations = wb.dataValidations(name, MAX_ROWS);
  const backgrounds = wb.backgrounds(name, MAX_ROWS);
  const fontColors = wb.fontColors(name, MAX_ROWS);
  const formats = wb.numberFormats(name, MAX_ROWS);
  const conditional = conditionalFormats(wb.conditionalFormats(name), values);
  // Empty rows the page shows under the data still show their dropdowns (a template's rows).
  const shown = Math.max(display.length + GRID_PAD_ROWS, GRID_MIN_ROWS);
  const height = Math.min(MAX_ROWS, Math.max(display.length, Math.min(validations.length, shown)));
  const width = Math.max(size.lastColumn, validations[0]?.length ?? 0);
  const rows: CellView[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const text = display[r]?.[c] ?? '';
      const value = values[r]?.[c];
      const formula = formulas[r]?.[c] ?? '';
      const note = notes[r]?.[c] ?? '';
      const rule = validations[r]?.[c];
      const cell: CellView = { text, input: formula || text };
      // A number in a Plain text cell shows as text (at the left), as in Sheets.
      const plain = formats[r]?.[c] === '@';
      if ((typeof value === 'number' || value instanceof Date) && !plain) cell.numeric = true;
      // A conditional format is drawn over the cell's own format, as in Sheets.
      const cf = conditional.get(`${r + 1}:${c + 1}`);
      if (cf?.bold ?? weights[r]?.[c] === 'bold') cell.bold = true;
      if (note) cell.note = note;
      // Sheets' criteria values for a list: [the list, whether to show the dropdown].
      if (rule?.criteria === 'VALUE_IN_LIST') cell.choices = (rule.values[0] as unknown[]).map(String);
      // Anything else typed in a checkbox cell shows as its text (Sheets marks it invalid).
      if (rule?.criteria === 'CHECKBOX' && (typeof value === 'boolean' || text === ''))
        cell.checkbox = value === true ? 'checked' : 'unchecked';
      const background = cf?.background ?? backgrounds[r]?.[c];
      const color = cf?.fontColor ?? fontColors[r]?.[c];
      if (background && background !== DEFAULT_BACKGROUND) cell.background = background;
      // On a coloured cell the font colour is shown as given, even the default black.
      if (color && (color !== DEFAULT_FONT_COLOR || cell.background)) cell.color = color;
      return cell;
    }),
  );
  return {
    name,
    frozenRows: wb.frozenRows(name),
    frozenColumns: wb.frozenColumns(name),
    columnWidths: wb.columnWidths(name),
    lastRow: size.lastRow,
    lastColumn: size.lastColumn,
    maxRows: size.maxRows,
    maxColumns: size.maxColumns,
    rows,
    truncated: size.lastRow > MAX_ROWS,
    charts: wb.charts(name).map((chart) => chartView(rt, chart)),
    ...filterView(wb.filter(name)),
  };
}

/** Where the filter's buttons go: the first row of its range. */
function filterView(a1: string | null): Pick<SheetView, 'filter'> {
  const parts = a1 === null ? null : parseA1(a1);
  if (a1 === null || !parts) return {};
  const g = resolveA1(parts, MAX_ROWS, MAX_COLUMNS);
  return { filter: { a1, row: g.row, col: g.col, lastCol: g.col + g.numCols - 1 } };
}

/** A sheet's name as A1 notation needs it: 'It''s here'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * "Mon 2026-05-25 08:00:03 EDT" in the given zone, named as its people read it and as Apps Script
 * prints 'z' (London's summer is BST, not en-US's GMT+1).
 */
export function formatTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zoneName(ms, timeZone, 'short')}`;
}
