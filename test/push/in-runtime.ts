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

/** The cells under a header, row by row. */
export function column(rt: LocalRuntime, sheet: string, header: string): unknown[] {
  const [head = [], ...rows] = rt.workbook.values(sheet);
  const at = head.indexOf(header);
  return rows.map((r) => r[at]);
}
