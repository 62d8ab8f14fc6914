// The runtime as tests, benchmarks and scripts drive it; asUser() gives another user's view.

import type { Warehouse } from './bigquery/warehouse.js';
import { toEpochMs } from './clock.js';
import type { Counters, ServiceName } from './counters.js';
import { execute } from './execute.js';
import { advanceClock, advanceClockAsync, yieldToEventLoop } from './scheduler.js';
import { type LockScope, lockKey } from './services/lock.js';
import { User } from './services/session.js';
import { Spreadsheet } from './services/spreadsheet/spreadsheet.js';
import { describeSchedule } from './services/triggers.js';
import { sidebarArguments, sidebarResult } from './sidebar.js';
import type {
  AuthMode,
  FiredTrigger,
  HttpHandler,
  RunResult,
  RuntimeOptions,
  SentMail,
  TriggerInfo,
} from './types.js';
import { LogsView, StoreView, UiView } from './views.js';
import { WorkbookView } from './workbook-view.js';
import { World } from './world.js';

export interface TriggerRunOptions {
  /** Event type; inferred from onOpen / onInstall / onEdit when omitted. */
  type?: 'open' | 'install' | 'edit';
  /** Default: LIMITED for open and edit, FULL for install. */
  authMode?: AuthMode;
  /** Edit events: the edited range ('Sheet1!B2'); value is written there before the handler runs. */
  range?: string;
  value?: unknown;
  oldValue?: unknown;
}

export interface RuntimeClock {
  now(): number;
  /** Jumps the clock without firing triggers. */
  set(t: Date | number | string): void;
  /** Moves the clock forward, firing every due time-driven trigger in time order. */
  advance(ms: number): FiredTrigger[];
  /**
   * The same, giving the event loop a turn before each due time: use it for spans that fire many
   * triggers (more than MAX_BACK_TO_BACK_EXECUTIONS may not run without a turn).
   */
  advanceAsync(ms: number): Promise<FiredTrigger[]>;
}

const TRIGGER_TYPES: Record<string, TriggerRunOptions['type']> = {
  onOpen: 'open',
  onInstall: 'install',
  onEdit: 'edit',
};

export class LocalRuntime {
  readonly clock: RuntimeClock;
  readonly ui: UiView;
  readonly workbook: WorkbookView;
  readonly logs: LogsView;
  readonly properties: { user: StoreView; document: StoreView; script: StoreView };

  constructor(
    private readonly world: World,
    readonly user: string,
    /** The spreadsheet this view of the runtime works in (the user has it open). */
    readonly documentId: string = world.document().workbook.id,
  ) {
    this.clock = {
      now: () => world.clock.now(),
      set: (t) => world.clock.set(toEpochMs(t)),
      advance: (ms) => advanceClock(world, ms),
      advanceAsync: (ms) => advanceClockAsync(world, ms),
    };
    this.ui = new UiView(world, user, this.documentId);
    this.workbook = new WorkbookView(world, user, this.documentId);
    this.logs = new LogsView(world);
    this.properties = {
      user: new StoreView(() => world.userStore(user)),
      document: new StoreView(() => world.document(this.documentId).properties),
      script: new StoreView(() => world.scriptProperties),
    };
  }

  /** The fake BigQuery the advanced service reaches (addProject, rows, jobList, sql). */
  get bigquery(): Warehouse {
    return this.world.bigquery;
  }

  get counters(): Counters {
    return this.world.counters;
  }

  get mail(): SentMail[] {
    return this.world.mail;
  }

  /** Every execution so far, oldest first. */
  get executions(): RunResult[] {
    return this.world.executions;
  }

  get lastExecution(): RunResult | undefined {
    return this.world.executions[this.world.executions.length - 1];
  }

  /** Runs a top-level function as one execution (as from the script editor), in AuthMode FULL. */
  run<T = unknown>(fnName: string, ...args: unknown[]): RunResult<T> {
    return execute(this.world, {
      fnName,
      user: this.user,
      authMode: 'FULL',
      kind: 'run',
      documentId: this.documentId,
      args: ({ exec }) => args.map((a) => exec.realm.toRealm(a)),
    }) as RunResult<T>;
  }

  /** Runs a simple trigger with the event object Apps Script passes: runAsTrigger('onOpen', { authMode: 'NONE' }). */
  runAsTrigger(fnName: string, options: TriggerRunOptions = {}): RunResult {
    const type = options.type ?? TRIGGER_TYPES[fnName];
    if (!type) throw new Error(`Cannot tell the event type of ${fnName}; pass options.type`);
    const authMode = options.authMode ?? (type === 'install' ? 'FULL' : 'LIMITED');
    if (type === 'edit') {
      if (!options.range) throw new Error('Edit events need options.range');
      if ('value' in options) this.writeAt(options.range, options.value);
    }
    return execute(this.world, {
      fnName,
      user: this.user,
      authMode,
      kind: 'simple-trigger',
      documentId: this.documentId,
      args: (env) => {
        const event: Record<string, unknown> = { authMode, user: new User(this.user) };
        if (authMode !== 'NONE' && type !== 'install') event.source = new Spreadsheet(env);
        if (type === 'edit') {
          const spreadsheet = new Spreadsheet(env);
          event.range = spreadsheet.getRange(options.range as string);
          if ('value' in options) event.value = env.exec.realm.toRealm(options.value);
          if ('oldValue' in options) event.oldValue = env.exec.realm.toRealm(options.oldValue);
        }
        return [env.exec.realm.object(event)];
      },
    });
  }

  private writeAt(a1: string, value: unknown): void {
    const [sheet = '', cell = ''] = a1.includes('!')
      ? a1.split('!')
      : [this.world.document(this.documentId).workbook.sheets[0]?.name, a1];
    const match = /^([A-Z]+)(\d+)$/i.exec(cell);
    if (!match) throw new Error(`Edit range must be one cell: ${a1}`);
    const column = (match[1] as string)
      .toUpperCase()
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    this.workbook.write(sheet.replace(/^'|'$/g, ''), [[value]], { row: Number(match[2]), column });
  }

  /**
   * google.script.run from a sidebar: names ending in _ are private, arguments must be plain
   * data (no Date, function, ...), a result the client cannot receive arrives as null, and a
   * server error rejects with an Error carrying its message.
   */
  async callFromSidebar<T = unknown>(fnName: string, ...args: unknown[]): Promise<T> {
    if (fnName.endsWith('_')) throw new TypeError(`google.script.run.${fnName} is not a function`);
    const legal = sidebarArguments(args);
    const result = execute(this.world, {
      fnName,
      user: this.user,
      authMode: 'FULL',
      kind: 'sidebar',
      documentId: this.documentId,
      args: ({ exec }) => legal.map((a) => exec.realm.toRealm(a)),
      output: sidebarResult,
    });
    // google.script.run answers asynchronously: the caller's event loop gets a turn.
    await yieldToEventLoop();
    if (result.error) throw new Error(result.error.message);
    return result.value as T;
  }

  /**
   * The same runtime seen by another user: their own User properties, triggers, UI and locks.
   * `emailHidden`: Session gives this user's e-mail as '' (a domain policy that hides it).
   */
  asUser(email: string, options: { emailHidden?: boolean } = {}): LocalRuntime {
    if (options.emailHidden) this.world.hiddenEmails.add(email);
    return new LocalRuntime(this.world, email, this.documentId);
  }

  /**
   * Another spreadsheet where the same add-on runs, opened by this user: its own sheets,
   * Document properties, document lock and the users' triggers there.
   */
  newSpreadsheet(name = 'Untitled spreadsheet'): LocalRuntime {
    return new LocalRuntime(this.world, this.user, this.world.addDocument(name, this.user).workbook.id);
  }

  /**
   * Deletes this user's triggers in this spreadsheet, as they may in the Apps Script dashboard, and
   * as Google does when they revoke the add-on's access or their account goes.
   */
  removeTriggers(): void {
    this.world.triggers = this.world.triggers.filter(
      (t) => !(t.owner === this.user && t.documentId === this.documentId),
    );
  }

  /** Every trigger of every user, in every spreadsheet. */
  triggers(): TriggerInfo[] {
    return this.world.triggers.map((t) => ({
      uid: t.uid,
      handler: t.handler,
      owner: t.owner,
      documentId: t.documentId,
      eventType: 'CLOCK',
      nextRunAt: t.nextRunAt,
      description: describeSchedule(t.schedule),
    }));
  }

  /**
   * Simulates another execution holding a lock (for forMs of virtual time, or until the
   * returned function is called). User locks belong to this runtime's user.
   */
  holdLock(scope: LockScope, options: { forMs?: number } = {}): () => void {
    const key = lockKey(scope, this.user, this.documentId);
    const until = options.forMs === undefined ? null : this.world.clock.now() + options.forMs;
    this.world.locks.set(key, { executionId: null, until });
    return () => {
      if (this.world.locks.get(key)?.executionId === null) this.world.locks.delete(key);
    };
  }

  /**
   * Cuts an execution short at its `call`-th call of `service` from now (1-based), as the 6-minute
   * limit would: that call does not happen, and it and every later one throw `Exceeded maximum
   * execution time`. Called between executions it aims at the next one; called while one runs
   * (from the HTTP handler, say) at that one. The plan lapses when the execution ends.
   */
  killAfter(service: ServiceName, call: number): void {
    this.world.pendingKill = { service, call, seen: 0 };
  }

  /**
   * Runs `run` (another execution: `rt.run`, a sidebar's call, another user's) just before an
   * execution's `call`-th call of `service` from now (1-based), as Apps Script runs executions at
   * once: the one under way waits meanwhile, holding its locks. The plan waits for that call, in
   * whichever execution makes it.
   */
  meanwhile(service: ServiceName, call: number, run: () => void): void {
    this.world.meanwhile = { service, call, seen: 0, run };
  }

  /**
   * This user declines Google's prompt for these scopes (or unticks them) whenever it is shown:
   * `ScriptApp.requireScopes` for one not granted ends the execution, granting nothing.
   */
  declineScopes(...scopes: string[]): void {
    const declined = this.world.declinedScopes.get(this.user) ?? new Set<string>();
    for (const scope of scopes) declined.add(scope);
    this.world.declinedScopes.set(this.user, declined);
  }

  /** Replaces what UrlFetchApp reaches (undefined: no network). */
  setHttp(handler: HttpHandler | undefined): void {
    this.world.http = handler;
  }
}

export function createRuntime(options: RuntimeOptions = {}): LocalRuntime {
  const world = new World(options);
  return new LocalRuntime(world, options.user ?? 'analyst@example.com');
}
