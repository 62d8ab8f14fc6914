// ScriptApp: time-driven triggers with Apps Script's limits, enums, ids and the OAuth token.

import crypto from 'node:crypto';
import { COSTS, LIMITS } from '../costs.js';
import { isDate } from '../realm.js';
import { SCOPES } from '../scopes.js';
import { fromLocalMs, toLocalMs } from '../time/timezone.js';
import type { Env } from './env.js';
import { Spreadsheet } from './spreadsheet/spreadsheet.js';
import { firstRun, intervalMs, type Schedule, type TriggerRecord } from './triggers.js';

export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;
const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  DOCUMENTS: 'DOCUMENTS',
  FORMS: 'FORMS',
} as const;
const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const WeekDay = Object.fromEntries(WEEK_DAYS.map((d) => [d, d]));

const TOO_MANY =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const ADDON_TOO_MANY =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
const ADDON_TOO_OFTEN = 'Add-ons may not create time-based triggers that run more often than once per hour.';
/** Paraphrase: test deployments of an Editor add-on do not support installable triggers. */
export const TEST_DEPLOYMENT_TRIGGERS =
  'Installable triggers are not supported in a test deployment of an Editor add-on.';

export class Trigger {
  constructor(
    private readonly env: Env,
    readonly record: TriggerRecord,
  ) {}

  private info<T>(body: () => T): T {
    return this.env.exec.call('triggers', 0, body);
  }

  getHandlerFunction(): string {
    return this.info(() => this.record.handler);
  }

  getUniqueId(): string {
    return this.info(() => this.record.uid);
  }

  getEventType(): string {
    return this.info(() => EventType.CLOCK);
  }

  getTriggerSource(): string {
    return this.info(() => TriggerSource.CLOCK);
  }

  getTriggerSourceId(): string | null {
    return this.info(() => null);
  }
}

interface ClockSpec {
  after?: number;
  at?: number;
  atDate?: [number, number, number];
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: number;
  onMonthDay?: number;
  timeZone?: string;
}

function oneOf(value: unknown, allowed: readonly number[], what: string): number {
  const n = Number(value);
  if (!allowed.includes(n)) throw new Error(`Invalid argument: ${what}`);
  return n;
}

function between(value: unknown, min: number, max: number, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${what}`);
  return n;
}

export class ClockTriggerBuilder {
  private readonly spec: ClockSpec = {};

  constructor(
    private readonly env: Env,
    private readonly handler: string,
  ) {}

  private set(change: (spec: ClockSpec) => void): ClockTriggerBuilder {
    return this.env.exec.call('triggers', 0, () => {
      change(this.spec);
      return this;
    });
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.after = Math.max(0, Number(durationMilliseconds));
    });
  }

  at(date: Date): ClockTriggerBuilder {
    return this.set((s) => {
      if (!isDate(date)) throw new Error('Invalid argument: date');
      s.at = date.getTime();
    });
  }

  atDate(year: number, month: number, day: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.atDate = [year, month, day];
    });
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.everyMinutes = oneOf(n, [1, 5, 10, 15, 30], 'minutes');
    });
  }

  everyHours(n: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.everyHours = oneOf(n, [1, 2, 4, 6, 8, 12], 'hours');
    });
  }

  everyDays(n: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.everyDays = between(n, 1, 365, 'days');
    });
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.everyWeeks = between(n, 1, 52, 'weeks');
    });
  }

  atHour(hour: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.atHour = between(hour, 0, 23, 'hour');
    });
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.nearMinute = between(minute, 0, 59, 'minute');
    });
  }

  onWeekDay(day: string): ClockTriggerBuilder {
    return this.set((s) => {
      const index = WEEK_DAYS.indexOf(String(day) as (typeof WEEK_DAYS)[number]);
      if (index === -1) throw new Error('Invalid argument: day');
      s.onWeekDay = index;
    });
  }

  onMonthDay(day: number): ClockTriggerBuilder {
    return this.set((s) => {
      s.onMonthDay = between(day, 1, 31, 'day');
    });
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    return this.set((s) => {
      s.timeZone = String(timezone);
    });
  }

  /** Turns the builder's calls into one schedule; atHour/nearMinute default to the creation time. */
  private schedule(now: number): Schedule {
    const s = this.spec;
    const timeZone = s.timeZone ?? this.env.world.scriptTimeZone;
    const local = new Date(toLocalMs(now, timeZone));
    const hour = s.atHour ?? local.getUTCHours();
    const minute = s.nearMinute ?? (s.atHour !== undefined ? 0 : local.getUTCMinutes());
    if (s.after !== undefined) return { kind: 'once', at: now + s.after };
    if (s.at !== undefined) return { kind: 'once', at: s.at };
    if (s.atDate) {
      const [y, m, d] = s.atDate;
      const wallClock = Date.UTC(y, m - 1, d, s.atHour ?? 0, s.nearMinute ?? 0);
      return { kind: 'once', at: fromLocalMs(wallClock, timeZone) };
    }
    if (s.everyMinutes !== undefined) return { kind: 'interval', unit: 'minutes', n: s.everyMinutes };
    if (s.everyHours !== undefined) return { kind: 'interval', unit: 'hours', n: s.everyHours };
    if (s.onWeekDay !== undefined) {
      return { kind: 'weekly', everyWeeks: s.everyWeeks ?? 1, weekDay: s.onWeekDay, hour, minute, timeZone };
    }
    if (s.onMonthDay !== undefined)
      return { kind: 'monthly', monthDay: s.onMonthDay, hour, minute, timeZone };
    if (s.everyDays !== undefined) return { kind: 'daily', everyDays: s.everyDays, hour, minute, timeZone };
    if (s.everyWeeks !== undefined) {
      return { kind: 'weekly', everyWeeks: s.everyWeeks, weekDay: local.getUTCDay(), hour, minute, timeZone };
    }
    throw new Error(
      'Invalid argument: the trigger has no schedule (after, at, everyMinutes, everyHours, ...).',
    );
  }

  create(): Trigger {
    const { world, exec } = this.env;
    return exec.call('triggers', COSTS.triggerMs, () => {
      exec.requireAuth('triggers', 'ScriptApp.newTrigger', 'FULL');
      exec.requireScope('triggers', 'ClockTriggerBuilder.create', SCOPES.triggers);
      if (world.testDeployment && world.mode === 'addon') throw new Error(TEST_DEPLOYMENT_TRIGGERS);
      const now = world.clock.now();
      const schedule = this.schedule(now);
      const mine = world.triggers.filter((t) => t.owner === exec.user);
      if (world.mode === 'addon') {
        const period = intervalMs(schedule);
        if (period !== null && period < 3_600_000) throw new Error(ADDON_TOO_OFTEN);
        if (mine.some((t) => t.documentId === exec.documentId)) throw new Error(ADDON_TOO_MANY);
      }
      if (mine.length >= LIMITS.triggersPerUser) throw new Error(TOO_MANY);
      const seq = world.nextTriggerSeq();
      const record: TriggerRecord = {
        uid: String(8_000_000_000 + seq * 7_919),
        owner: exec.user,
        handler: this.handler,
        documentId: exec.documentId,
        schedule,
        createdAt: now,
        nextRunAt: firstRun(schedule, now),
      };
      world.triggers.push(record);
      world.counters.triggers.created++;
      return new Trigger(this.env, record);
    });
  }
}

class TriggerBuilder {
  constructor(
    private readonly env: Env,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return this.env.exec.call('triggers', 0, () => new ClockTriggerBuilder(this.env, this.handler));
  }

  forSpreadsheet(_sheet: Spreadsheet | string): never {
    return this.env.exec.call('triggers', 0, () => {
      throw new Error('Installable spreadsheet triggers are not simulated by the local runtime.');
    });
  }
}

export class ScriptAppFake {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly env: Env) {}

  newTrigger(functionName: string): TriggerBuilder {
    return this.env.exec.call('triggers', 0, () => {
      this.env.exec.requireAuth('triggers', 'ScriptApp.newTrigger', 'FULL');
      this.env.exec.requireScope('triggers', 'ScriptApp.newTrigger', SCOPES.triggers);
      return new TriggerBuilder(this.env, String(functionName));
    });
  }

  private list(method: string, filter: (t: TriggerRecord) => boolean): Trigger[] {
    const { world, exec } = this.env;
    return exec.call('triggers', COSTS.triggerMs, () => {
      exec.requireAuth('triggers', `ScriptApp.${method}`, 'FULL');
      exec.requireScope('triggers', `ScriptApp.${method}`, SCOPES.triggers);
      world.counters.triggers.reads++;
      const mine = world.triggers.filter((t) => t.owner === exec.user && filter(t));
      return exec.realm.array(mine.map((t) => new Trigger(this.env, t)));
    });
  }

  /** The user's triggers of this project in every spreadsheet where the add-on runs. */
  getProjectTriggers(): Trigger[] {
    return this.list('getProjectTriggers', () => true);
  }

  /** The user's triggers in one spreadsheet. */
  getUserTriggers(document: Spreadsheet): Trigger[] {
    if (!(document instanceof Spreadsheet))
      throw this.env.exec.realm.exception(
        "The parameters (null) don't match the method signature for ScriptApp.getUserTriggers.",
      );
    const id = document.getId();
    return this.list('getUserTriggers', (t) => t.documentId === id);
  }

  deleteTrigger(trigger: Trigger): void {
    const { world, exec } = this.env;
    exec.call('triggers', COSTS.triggerMs, () => {
      exec.requireAuth('triggers', 'ScriptApp.deleteTrigger', 'FULL');
      exec.requireScope('triggers', 'ScriptApp.deleteTrigger', SCOPES.triggers);
      if (!(trigger instanceof Trigger)) throw new Error('Invalid argument: trigger');
      // A trigger is its creator's alone: another user is never given it (the lists are each
      // user's own), and one handed over anyway is refused, not skipped as if it were deleted.
      if (trigger.record.owner !== exec.user)
        throw new Error('This trigger belongs to another user, who alone can delete it.');
      const before = world.triggers.length;
      world.triggers = world.triggers.filter((t) => t.uid !== trigger.record.uid);
      if (world.triggers.length < before) world.counters.triggers.deleted++;
    });
  }

  /**
   * Granular consent: the user is asked for these scopes; here they always agree, and it is
   * recorded. A scope the manifest does not list cannot be granted.
   */
  requireScopes(_authMode: unknown, scopes: string[]): void {
    this.env.exec.call('triggers', 0, () => {
      const { exec, world } = this.env;
      exec.requireAuth('triggers', 'ScriptApp.requireScopes', 'FULL');
      for (const scope of scopes) exec.requireScope('triggers', 'ScriptApp.requireScopes', [String(scope)]);
      const granted = world.scopesGranted(exec.user);
      // Consent is asked in a prompt over the document: a time-driven run has none to show, so
      // it ends there (the stricter reading), and the user must consent from the add-on first.
      if (exec.kind === 'time-trigger' && scopes.some((scope) => !granted.has(String(scope))))
        throw new Error('Authorization is required to perform that action.');
      // Asked, the user declined (or unticked it): the execution ends there, nothing granted.
      const declined = world.declinedScopes.get(exec.user);
      if (scopes.some((scope) => !granted.has(String(scope)) && declined?.has(String(scope))))
        throw new Error('Authorization is required to perform that action.');
      for (const scope of scopes) granted.add(String(scope));
    });
  }

  getScriptId(): string {
    return this.env.exec.call('triggers', 0, () => this.env.world.scriptId);
  }

  getOAuthToken(): string {
    return this.env.exec.call('triggers', 0, () => {
      this.env.exec.requireAuth('triggers', 'ScriptApp.getOAuthToken', 'FULL');
      const digest = crypto.createHash('sha256').update(this.env.exec.user).digest('base64url');
      return `ya29.local-${digest.slice(0, 32)}`;
    });
  }
}
