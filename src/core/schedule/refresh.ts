// A scheduled refresh: a saved pull bound to its target sheet, rerun on a frequency with its
// relative date range resolved afresh at each run. Owned by the user who saved it: it runs
// under their trigger and their API key.
import * as z from 'zod/mini';
import type { Store } from '../ports';
import { PullSpec } from '../pull/pull-spec';
import { Frequency } from './frequency';

export const RefreshInput = z.object({
  spec: PullSpec,
  frequency: Frequency,
  notifyByEmail: z.boolean(),
});
export type RefreshInput = z.infer<typeof RefreshInput>;

export type RunStatus = 'done' | 'failed' | 'stalled' | 'skipped';

export interface LastRun {
  at: number;
  status: RunStatus;
  rows: number;
  message: string;
}

export interface Refresh extends RefreshInput {
  id: string;
  owner: string;
  createdAt: number;
  paused: boolean;
  /** Why it was paused when the add-on paused it (a deleted sheet, a rejected key). */
  pausedReason?: string;
  nextRunAt: number;
  /** The pull job of the run under way. */
  jobId?: string;
  lastRun?: LastRun;
  /** append mode: the periods already appended ("from..to"), newest last. */
  appended?: string[];
}

const PREFIX = 'refresh.';

export class RefreshStore {
  constructor(private readonly store: Store) {}

  all(): Refresh[] {
    return this.store
      .entries<Refresh>(PREFIX)
      .map(([, r]) => r)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  get(id: string): Refresh | undefined {
    return this.store.get<Refresh>(PREFIX + id);
  }

  save(refresh: Refresh): Refresh {
    this.store.set(PREFIX + refresh.id, refresh);
    return refresh;
  }

  delete(id: string): void {
    this.store.delete(PREFIX + id);
  }
}
