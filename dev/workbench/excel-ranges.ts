// Sheets lets a range run to the end of its columns or rows (`F2:F`, `B2:H`, `A2:2`); Excel files
// have no such form and will not open a formula holding one, so the download writes the end out.

/** Excel's last row and column. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 'XFD';

// A cell, ':', then a column alone or a row alone, standing as a whole reference (not part of a
// name, a call or a longer reference).
const OPEN_RANGE =
  /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?)(?:([A-Za-z]{1,3})|(\d+))(?![A-Za-z0-9_.$(!])/g;

/** Text outside quotes with each open-ended range closed at Excel's last row or column. */
export function excelRanges(unquoted: string): string {
  return unquoted.replace(
    OPEN_RANGE,
    (
      _all,
      colAbs: string,
      col: string,
      rowAbs: string,
      row: string,
      endAbs: string,
      endCol?: string,
      endRow?: string,
    ) =>
      endCol
        ? `${colAbs}${col}${rowAbs}${row}:${endAbs}${endCol}${rowAbs}${LAST_ROW}`
        : `${colAbs}${col}${rowAbs}${row}:${colAbs}${LAST_COLUMN}${endAbs}${endRow}`,
  );
}
