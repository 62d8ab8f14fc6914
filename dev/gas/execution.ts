// One execution: its user, auth mode, virtual time budget, and the guard every service call passes.

import type { ServiceName } from './counters.js';
import { Realm } from './realm.js';
import type { AuthMode, ExecutionKind } from './types.js';
import type { World } from './world.js';

export const KILL_MESSAGE = 'Exceeded maximum execution time';

export class Execution {
  readonly realm: Realm;
  readonly startedAt: number;
  killed = false;
  /** Keys of the locks this execution holds; released when it ends. */
  readonly heldLocks = new Set<string>();

  constructor(
    readonly world: World,
    readonly id: number,
    readonly user: string,
    readonly authMode: AuthMode,
    readonly kind: ExecutionKind,
    readonly fnName: string,
  ) {
    this.startedAt = world.clock.now();
    this.realm = new Realm(() => world.clock.now());
  }

  /**
   * Entry of every service method: refuses work after a kill, charges the call's virtual cost
   * (a call that crosses the time limit does not happen), and turns Node errors from the fakes
   * into the script realm's 'Exception' errors.
   */
  call<T>(service: ServiceName, costMs: number, body: () => T): T {
    this.world.counters[service].calls++;
    this.spend(costMs);
    try {
      return body();
    } catch (e) {
      throw e instanceof Error ? this.realm.exception(e.message) : e;
    }
  }

  /** Advances the virtual clock inside this execution; throws once the time limit is passed. */
  spend(ms: number): void {
    this.checkAlive();
    if (ms > 0) {
      this.world.clock.advanceBy(ms);
      this.checkAlive();
    }
  }

  private checkAlive(): void {
    if (!this.killed && this.world.clock.now() - this.startedAt > this.world.executionLimitMs)
      this.killed = true;
    if (this.killed) throw this.realm.exception(KILL_MESSAGE);
  }

  /** Services that need authorization fail in AuthMode.NONE (and some in LIMITED). */
  requireAuth(service: ServiceName, method: string, minimum: 'LIMITED' | 'FULL' = 'LIMITED'): void {
    const ok = minimum === 'FULL' ? this.authMode === 'FULL' : this.authMode !== 'NONE';
    if (ok) return;
    this.world.counters[service].denied++;
    throw this.realm.exception(`You do not have permission to call ${method}.`);
  }
}
