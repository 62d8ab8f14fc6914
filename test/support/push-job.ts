// A push job as saved, for tests of what the sidebar is told of it: a time-off push of `total`
// rows started at T0, none done, unless `extra` says otherwise.
import type { PushJob } from '../../src/core/push/push-job';

export const T0 = Date.parse('2026-05-25T12:00:00Z');

export function pushJob(extra: Partial<PushJob>): PushJob {
  return {
    id: 'k',
    owner: 'ops@example.com',
    kind: 'time_off',
    sheetId: 1,
    sheetName: 'Time off to create',
    state: 'running',
    createdAt: T0,
    updatedAt: T0,
    total: 40,
    done: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    invalid: 0,
    stalls: 0,
    prepared: true,
    ...extra,
  };
}
