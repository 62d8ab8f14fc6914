// One execution: its user, auth mode, virtual time budget, and the guard every service call passes.

import type { ServiceName } from './counters.js';
import { Realm } from './realm.js';
import type { AuthMode, ExecutionKind } from './types.js';
import type { World } from './world.js';

export const KILL_MESSAGE = 'Exceeded maximum execution time';
export const DAILY_TRIGGER_MESSAGE = 'Service using too much computer time for one day';

export class Execution {
  readonly realm: Realm;
  readonly startedAt: number;
  killed = false;
  /** What a kill says: the time limit, or the day's trigger runtime running out. */
  killMessage = KILL_MESSAGE;
  /** Virtual ms this execution may use (less than the limit when the day's trigger quota is short). */
  limitMs: number;
  /** Spreadsheet writes not yet flushed: another execution may not see them yet. */
  pendingWrites = false;
  /** Keys of the locks this execution holds; released when it ends. */
  readonly heldLocks = new Set<string>();

  constructor(
    readonly world: World,
    readonly id: number,
    readonly user: string,
    readonly authMode: AuthMode,
    readonly kind: ExecutionKind,
    readonly fnName: string,
    /** The spreadsheet it runs in (for a time-driven trigger: the one that installed it). */
    readonly documentId: string,
    /** False when SpreadsheetApp.getActive() is null: an add-on's time-driven run. */
    readonly hasActiveDocument: boolean,
  ) {
    this.limitMs = world.executionLimitMs;
    this.startedAt = world.clock.now();
    this.realm = new Realm(() => world.clock.now());
  }

  /**
   * Entry of every service method: refuses work after a kill, charges the call's virtual cost
   * (a call that crosses the time limit does not happen), and turns Node errors from the fakes
   * into the script realm's 'Exception' errors.
   */
  call<T>(service: ServiceName, costMs: number, body: () => T): T {
    const { counters } = this.world;
    counters[service].calls++;
    // Another execution a test runs meanwhile (rt.meanwhile), as Apps Script runs others at once.
    const other = this.world.meanwhile;
    if (other?.service === service && ++other.seen >= other.call) {
      this.world.meanwhile = undefined;
      other.run();
    }
    // A test's planned kill (rt.killAfter) lands before the call: it does not happen, as when time runs out.
    const plan = this.world.pendingKill;
    if (plan?.service === service && ++plan.seen >= plan.call) {
      this.world.pendingKill = undefined;
      this.killed = true;
    }
    this.spend(costMs);
    const writes = counters.spreadsheet.writes;
    try {
      return body();
    } catch (e) {
      throw e instanceof Error ? this.realm.exception(e.message) : e;
    } finally {
      if (counters.spreadsheet.writes !== writes) this.pendingWrites = true;
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
    if (!this.killed && this.world.clock.now() - this.startedAt > this.limitMs) this.killed = true;
    if (this.killed) throw this.realm.exception(this.killMessage);
  }

  /** Services that need authorization fail in AuthMode.NONE (and some in LIMITED). */
  requireAuth(service: ServiceName, method: string, minimum: 'LIMITED' | 'FULL' = 'LIMITED'): void {
    const ok = minimum === 'FULL' ? this.authMode === 'FULL' : this.authMode !== 'NONE';
    if (ok) return;
    this.world.counters[service].denied++;
    throw this.realm.exception(`You do not have permission to call ${method}.`);
  }

  /**
   * The manifest's oauthScopes are the whole truth: a method whose scope (any of `anyOf`) is not
   * listed fails with Apps Script's message.
   */
  requireScope(service: ServiceName, method: string, anyOf: readonly string[]): void {
    const { scopes } = this.world;
    if (!scopes || anyOf.some((s) => scopes.has(s))) return;
    this.world.counters[service].denied++;
    const required = anyOf.length === 1 ? anyOf[0] : `(${anyOf.join(' || ')})`;
    throw this.realm.exception(
      `You do not have permission to call ${method}. Required permissions: ${required}`,
    );
  }
}
