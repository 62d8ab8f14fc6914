// What the workbench does on every tab switch and refresh: the view of a 20,000 x 12 sheet (a big
// pull). It sends the first MAX_ROWS rows, so its cost should not grow with the sheet.
import { startLocalAddon } from '../dev/local-addon';
import { sheetView } from '../dev/workbench/sheet-view';
import { MAX_ROWS } from '../dev/workbench/wire';

const ROWS = 20_000;
const COLS = 12;

export async function run(): Promise<Record<string, number | string>> {
  const { rt } = await startLocalAddon();
  const header = Array.from({ length: COLS }, (_, c) => `Column ${c + 1}`);
  const body = Array.from({ length: ROWS }, (_, r) =>
    Array.from({ length: COLS }, (_, c) => (c % 3 === 0 ? r * c : `text ${r}-${c}`)),
  );
  rt.workbook.write('Big', [header, ...body]);
  sheetView(rt, 'Big'); // warm up
  const runs = 10;
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) bytes = JSON.stringify(sheetView(rt, 'Big')).length;
  const ms = (performance.now() - started) / runs;
  return {
    'sheet (rows x columns)': `${ROWS + 1} x ${COLS}`,
    'rows sent': MAX_ROWS,
    'view, ms (mean of 10)': ms.toFixed(1),
    'view, KiB sent': (bytes / 1024).toFixed(0),
  };
}
