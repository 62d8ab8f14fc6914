// Writing script values into cells and reading them back, with Sheets' typing rules.

import { instantToSerial, serialToInstant, serialToLocalMs, toLocalMs } from '../../time/timezone.js';
import { type CellValue, interpretString } from './interpret.js';
import type { Cell, SheetModel } from './model.js';
import { DEFAULT_DATE_FORMAT, formatNumber, isDateFormat } from './number-format.js';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * The number format a value brings with it (a date's, typed or pasted as a value), set where the
 * cell has none, or has no date format for a date: a format the cell has otherwise stays.
 */
export function applyImpliedFormat(cell: Cell, implied: string | undefined): void {
  if (!implied) return;
  if (cell.format === undefined || (isDateFormat(implied) && !isDateFormat(cell.format)))
    cell.format = implied;
}

/** Stores what a script (or a user typing) puts in a cell. */
export function writeCell(
  sheet: SheetModel,
  row: number,
  col: number,
  input: unknown,
  timeZone: string,
): void {
  const existing = sheet.get(row, col);
  if ((input === null || input === undefined || input === '') && !existing) return;
  const cell = existing ?? sheet.ensure(row, col);
  cell.formula = undefined;
  if (input === null || input === undefined) {
    cell.value = '';
  } else if (typeof input === 'number') {
    cell.value = Number.isFinite(input) ? input : '#NUM!';
  } else if (typeof input === 'boolean') {
    cell.value = input;
  } else if (isDate(input)) {
    cell.value = instantToSerial(input.getTime(), timeZone);
    applyImpliedFormat(cell, DEFAULT_DATE_FORMAT);
  } else {
    const { workbook } = sheet;
    const year = () => new Date(toLocalMs(workbook.now(), workbook.timeZone)).getUTCFullYear();
    const typed = interpretString(String(input), cell.format, workbook.locale, year);
    cell.value = typed.value;
    cell.formula = typed.formula;
    applyImpliedFormat(cell, typed.format);
  }
}

/** The furthest a script's Date reaches from 1970, either way (ECMAScript's time value range). */
const DATE_RANGE_MS = 8.64e15;

/**
 * getValues(): a date-formatted number comes back as a Date in the spreadsheet's zone; one no
 * Date can hold (unix seconds typed into a date column) comes back as the number.
 */
export function readValue(
  cell: Cell | undefined,
  timeZone: string,
  makeDate: (ms: number) => Date,
): CellValue | Date {
  if (!cell) return '';
  if (typeof cell.value === 'number' && isDateFormat(cell.format) && inDateRange(cell.value)) {
    return makeDate(serialToInstant(cell.value, timeZone));
  }
  return cell.value;
}

/** A day's margin either side for the zone's offset. */
const inDateRange = (serial: number) => Math.abs(serialToLocalMs(serial)) < DATE_RANGE_MS - 86_400_000;

export function displayValue(cell: Cell | undefined): string {
  if (!cell) return '';
  if (typeof cell.value === 'number') return formatNumber(cell.value, cell.format);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}
