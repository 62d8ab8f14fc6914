// Excel files name the functions added since Excel 2007 with a prefix (`_xlfn.XLOOKUP`): a file
// with the bare name opens as #NAME? in Excel, so the download writes them as Sheets' export does.

import { excelRanges } from './excel-ranges';

/** Functions a KPI workbook is likely to use, each as Excel's file format spells it. */
const PREFIXED = new Map<string, string>([
  ...[
    'XLOOKUP',
    'XMATCH',
    'IFS',
    'IFNA',
    'MAXIFS',
    'MINIFS',
    'CONCAT',
    'TEXTJOIN',
    'SWITCH',
    'XOR',
    'DAYS',
    'ISOWEEKNUM',
    'UNIQUE',
    'SEQUENCE',
    'SORTBY',
    'LET',
    'LAMBDA',
    'STDEV.S',
    'STDEV.P',
    'VAR.S',
    'VAR.P',
    'PERCENTILE.INC',
    'PERCENTILE.EXC',
    'QUARTILE.INC',
    'QUARTILE.EXC',
    'RANK.EQ',
    'RANK.AVG',
    'MODE.SNGL',
    'CEILING.MATH',
    'FLOOR.MATH',
    'NETWORKDAYS.INTL',
    'WORKDAY.INTL',
    'AGGREGATE',
    'FORMULATEXT',
    'ISFORMULA',
    'NUMBERVALUE',
  ].map((name) => [name, `_xlfn.${name}`] as const),
  // The two dynamic-array functions Excel also files under its worksheet namespace.
  ['FILTER', '_xlfn._xlws.FILTER'],
  ['SORT', '_xlfn._xlws.SORT'],
]);

const CALL = /(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)(?=\s*\()/g;

/**
 * A formula (without its "=") as Excel files it: each such function prefixed and open-ended ranges
 * closed; strings and sheet names untouched.
 */
export function excelFormula(formula: string): string {
  // Quoted parts ("text", 'a sheet') alternate with the rest, where the calls are.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2
        ? part
        : excelRanges(part).replace(CALL, (all, lead: string, name: string) => {
            const prefixed = PREFIXED.get(name.toUpperCase());
            return prefixed ? `${lead}${prefixed}` : all;
          }),
    )
    .join('');
}
