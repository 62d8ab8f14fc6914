// Pushes driven through the built bundle in the local runtime, as the Push sidebar drives them.
import type { LocalRuntime } from '../../dev/gas';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';

/** Polls a push to its end, moving the clock on as the sidebar would wait. */
export async function follow(rt: LocalRuntime, view: PushView): Promise<PushView> {
  for (let i = 0; view.state === 'running' && i < 100; i++) {
    rt.clock.set(rt.clock.now() + view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

/** A template of `kind` with `rows` from row 2, in front; its sheet's name. */
export async function template(rt: LocalRuntime, kind: string, rows: unknown[][]): Promise<string> {
  const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', kind);
  rt.workbook.write(sheet, rows, { row: 2 });
  rt.workbook.select(`'${sheet}'!A1`);
  return sheet;
}

/** That template checked by Validate, as the sidebar does. */
export async function validateTemplate(rt: LocalRuntime, kind: string, rows: unknown[][]) {
  const sheet = await template(rt, kind, rows);
  return { sheet, check: await rt.callFromSidebar<ValidateSummary>('validatePush', kind) };
}

/**
 * The sheet's rows down to the last that holds something: a template's unticked boxes read FALSE
 * to its last row (insertCheckboxes), as in Sheets, so its used range runs past the rows typed.
 */
export function rowsInUse(rows: unknown[][]): unknown[][] {
  const filled = (r: unknown[]) => r.some((v) => v !== '' && v !== false && v !== null && v !== undefined);
  let end = rows.length;
  while (end > 0 && !filled(rows[end - 1] ?? [])) end--;
  return rows.slice(0, end);
}

/** The cells under a header, row by row, down to the last row in use. */
export function column(rt: LocalRuntime, sheet: string, header: string): unknown[] {
  const [head = [], ...rows] = rowsInUse(rt.workbook.values(sheet));
  const at = head.indexOf(header);
  return rows.map((r) => r[at]);
}
