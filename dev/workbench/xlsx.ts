// The in-memory workbook as an .xlsx file (exceljs): values with their number formats, dates as
// dates in the spreadsheet's zone, formulas (newer functions named as Excel files them), notes, bold, cell and font colours, conditional
// formats, frozen rows and columns, column widths, tab colours, hidden sheets kept hidden (a pull's staging
// sheets, as Sheets' own export keeps them), and a Connected Sheets tab's preview rows.
// Embedded charts are not written: exceljs cannot write charts.
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../gas';
import { a1Notation } from '../gas/services/spreadsheet/a1';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from '../gas/services/spreadsheet/colors';
import type { ConditionalFormatModel } from '../gas/services/spreadsheet/conditional-format';
import type { DataSourceModel } from '../gas/services/spreadsheet/data-source';
import { referenceRenamer } from '../gas/services/spreadsheet/references';
import { instantToSerial } from '../gas/time/timezone';
import { dataSourceInfo } from './data-source-view';
import { excelFormula } from './excel-functions';

const DEFAULT_FORMAT = '0.###############';

export async function workbookXlsx(rt: LocalRuntime): Promise<Buffer> {
  const wb = rt.workbook;
  const book = new ExcelJS.Workbook();
  book.creator = 'Assembled for Google Sheets workbench';
  // Formulas go without a cached result where the workbench has none (it does not calculate):
  // a viewer that only shows cached results would show such cells blank, so it is told to
  // calculate them when the file is opened.
  book.calcProperties.fullCalcOnLoad = true;
  const names = excelNames(wb.sheetNames());
  // A formula pointing at a sheet whose name Excel could not take points at the name it got.
  const renames = [...names]
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => referenceRenamer(from, to));
  for (const name of wb.sheetNames()) {
    const excelName = names.get(name) ?? name;
    const state = wb.isHidden(name) ? ('hidden' as const) : ('visible' as const);
    const source = wb.dataSource(name);
    if (source) {
      addPreview(
        book.addWorksheet(excelName, { state, views: [{ state: 'frozen', ySplit: 1 }] }),
        source,
        wb.timeZone,
      );
      continue;
    }
    const rows = wb.frozenRows(name);
    const columns = wb.frozenColumns(name);
    const tab = wb.tabColor(name);
    const ws = book.addWorksheet(excelName, {
      state,
      // A failed refresh's red tab, as Sheets' export keeps it.
      ...(tab ? { properties: { tabColor: argb(tab) } } : {}),
      ...(rows > 0 || columns > 0
        ? { views: [{ state: 'frozen' as const, ySplit: rows, xSplit: columns }] }
        : {}),
    });
    for (const [column, pixels] of Object.entries(wb.columnWidths(name)))
      ws.getColumn(Number(column)).width = excelWidth(pixels);
    const values = wb.values(name);
    const formulas = wb.formulas(name);
    const formats = wb.numberFormats(name);
    const notes = wb.notes(name);
    const weights = wb.fontWeights(name);
    const backgrounds = wb.backgrounds(name);
    const fontColors = wb.fontColors(name);
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        const cell = () => ws.getCell(r + 1, c + 1);
        const formula = formulas[r]?.[c] ?? '';
        const format = formats[r]?.[c] ?? DEFAULT_FORMAT;
        const note = notes[r]?.[c] ?? '';
        const background = backgrounds[r]?.[c] ?? DEFAULT_BACKGROUND;
        const color = fontColors[r]?.[c] ?? DEFAULT_FONT_COLOR;
        const bold = weights[r]?.[c] === 'bold';
        // On a coloured cell even black is written: Excel's default font colour is its theme's.
        if (color !== DEFAULT_FONT_COLOR || bold || background !== DEFAULT_BACKGROUND)
          cell().font = { bold, color: argb(color) };
        if (background !== DEFAULT_BACKGROUND)
          cell().fill = { type: 'pattern', pattern: 'solid', fgColor: argb(background) };
        if (value === '' && !formula && !note) return;
        // A date is the same serial number Sheets stores (wall time in the spreadsheet's zone).
        const plain = value instanceof Date ? instantToSerial(value.getTime(), wb.timeZone) : value;
        if (formula) {
          const result = typeof plain === 'number' || typeof plain === 'boolean' ? plain : undefined;
          const text = excelFormula(renames.reduce((f, renamed) => renamed(f), formula).replace(/^=/, ''));
          cell().value = result === undefined ? { formula: text } : { formula: text, result };
        } else {
          cell().value = plain as string | number | boolean;
        }
        if (format !== DEFAULT_FORMAT && typeof plain === 'number') cell().numFmt = format;
        if (note) cell().note = note;
      });
    });
    wb.conditionalFormats(name).forEach((rule, i) => {
      const written = excelRule(rule, i + 1);
      if (written)
        ws.addConditionalFormatting({
          ref: rule.ranges.map((g) => a1Notation(g.grid)).join(' '),
          rules: [written],
        });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const argb = (hex: string) => ({ argb: `FF${hex.slice(1).toUpperCase()}` });

/** The longest sheet name Excel takes. */
const EXCEL_NAME_MAX = 31;

/** The first `n` UTF-16 units of `text` (what Excel counts), an emoji's half left out rather than cut. */
const cut = (text: string, n: number) => text.slice(0, /[\uD800-\uDBFF]/.test(text[n - 1] ?? '') ? n - 1 : n);

/**
 * Each sheet's name as Excel takes it: at most 31 characters, none of * ? : / \ [ ], no quote at
 * either end, not "History", and unique whatever the case. A name Excel takes as it is stays; a
 * name cut or changed that would meet another ends " (2)", " (3)"... within the 31.
 */
export function excelNames(names: readonly string[]): Map<string, string> {
  const taken = new Set(['history']);
  const fits = (name: string) =>
    name.length <= EXCEL_NAME_MAX && !/[*?:/\\[\]]|^'|'$/.test(name) && !taken.has(name.toLowerCase());
  const out = new Map<string, string>();
  for (const name of names)
    if (fits(name)) {
      out.set(name, name);
      taken.add(name.toLowerCase());
    }
  for (const name of names) {
    if (out.has(name)) continue;
    const plain = name.replace(/[*?:/\\[\]]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet';
    let excel = cut(plain, EXCEL_NAME_MAX);
    for (let n = 2; !fits(excel); n++) excel = `${cut(plain, EXCEL_NAME_MAX - ` (${n})`.length)} (${n})`;
    out.set(name, excel);
    taken.add(excel.toLowerCase());
  }
  return out;
}

/** Excel's column width is in characters of its default font, about 7 pixels each. */
const excelWidth = (pixels: number) => Math.round((pixels / 7) * 100) / 100;

/**
 * A Connected Sheets tab has no cells of its own: its rows are in BigQuery. The file gets the
 * preview the tab shows, under its column names, with a note on A1 naming the table.
 */
function addPreview(ws: ExcelJS.Worksheet, source: DataSourceModel, timeZone: string): void {
  const info = dataSourceInfo(source, timeZone);
  ws.addRow(source.columns.map((c) => c.name)).font = { bold: true };
  for (const row of source.rows)
    ws.addRow(
      row.map((v, i) =>
        source.columns[i]?.type === 'TIMESTAMP' && typeof v === 'number'
          ? instantToSerial(v, timeZone)
          : Array.isArray(v)
            ? v.join(', ')
            : v,
      ),
    );
  source.columns.forEach((c, i) => {
    if (c.type === 'TIMESTAMP') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  });
  ws.getCell(1, 1).note =
    `Connected Sheets view of ${info.table} (BigQuery): the first ${info.rows} rows as last previewed${info.truncated ? '; the table has more' : ''}.`;
}

/** A Sheets rule as Excel's; Sheets' first rule wins, Excel's lowest priority number does. */
function excelRule(rule: ConditionalFormatModel, priority: number): ExcelJS.ConditionalFormattingRule | null {
  const style: Partial<ExcelJS.Style> = {};
  if (rule.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: argb(rule.background) };
  if (rule.fontColor || rule.bold !== undefined)
    style.font = {
      ...(rule.fontColor ? { color: argb(rule.fontColor) } : {}),
      ...(rule.bold !== undefined ? { bold: rule.bold } : {}),
    };
  const [a, b] = rule.values;
  const first = rule.ranges[0]?.grid;
  // Excel reads a rule's formula relative to the top-left cell of its first range.
  const corner = first ? a1Notation({ ...first, numRows: 1, numCols: 1 }) : 'A1';
  const cellIs = (operator: 'lessThan' | 'greaterThan' | 'equal' | 'between', formulae: unknown[]) => ({
    type: 'cellIs' as const,
    operator,
    formulae,
    style,
    priority,
  });
  const expression = (formula: string) => ({
    type: 'expression' as const,
    formulae: [formula],
    style,
    priority,
  });
  switch (rule.criteria) {
    case 'NUMBER_LESS_THAN':
      return cellIs('lessThan', [a]);
    case 'NUMBER_GREATER_THAN':
      return cellIs('greaterThan', [a]);
    case 'NUMBER_EQUAL_TO':
      return cellIs('equal', [a]);
    case 'NUMBER_BETWEEN':
      return cellIs('between', [a, b]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return expression(`AND(ISNUMBER(${corner}),${corner}<=${a})`);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return expression(`AND(ISNUMBER(${corner}),${corner}>=${a})`);
    case 'CUSTOM_FORMULA':
      return expression(excelFormula(String(a).replace(/^=/, '')));
    case 'TEXT_CONTAINS':
      return { type: 'containsText', operator: 'containsText', text: String(a), style, priority };
    case 'TEXT_EQUAL_TO':
      return expression(`EXACT(${corner},"${String(a).replace(/"/g, '""')}")`);
    case 'CELL_EMPTY':
      return { type: 'containsText', operator: 'containsBlanks', style, priority };
    case 'CELL_NOT_EMPTY':
      return { type: 'containsText', operator: 'notContainsBlanks', style, priority };
    default:
      return null;
  }
}
