// A day's schedule pulled into a new sheet "Schedule", in the live dialect: the pulled rows that
// schedule tests give an Action and push back.
import { expect } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from '../addon/pull-to-end';

export async function pulledSchedule(key: string) {
  const addon = await startLocalAddon({ dialect: 'live', now: '2026-05-25T12:00:00Z' });
  const spec = {
    source: { kind: 'resource', resource: 'activities' },
    range: { kind: 'absolute', from: '2026-05-26', to: '2026-05-26' },
    target: { kind: 'new_sheet', name: 'Schedule' },
    mode: 'replace',
  };
  expect(await pullToEnd(addon.rt, spec, key)).toMatchObject({ state: 'done' });
  return { ...addon, spec };
}
