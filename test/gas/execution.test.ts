import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../dev/gas/index.js';
import { fixture, runtimeFor } from './fixture.js';

const CODE = `
var seen = typeof seen === 'undefined' ? 0 : seen;
var cache = {};
function remember(v) { cache.v = v; seen++; return { cache: cache.v, seen: seen }; }
function recall() { return { cache: cache.v === undefined ? 'gone' : cache.v, seen: seen }; }
function clock() { return { now: Date.now(), date: new Date().getTime(), hour: new Date().getHours(), isDate: new Date() instanceof Date }; }
function sleepy(ms) { Utilities.sleep(ms); return Date.now(); }
function longJob() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1').setValue('started');
  for (var i = 0; i < 10; i++) {
    Utilities.sleep(60 * 1000);
    sheet.getRange(i + 2, 1).setValue('minute ' + (i + 1));
  }
  return 'done';
}
function stubborn() {
  var sheet = SpreadsheetApp.getActiveSheet();
  try { Utilities.sleep(5 * 60 * 1000); Utilities.sleep(2 * 60 * 1000); } catch (e) {
    try { sheet.getRange('B1').setValue('after kill'); } catch (again) { return 'second: ' + again.message; }
  }
  return 'survived';
}
function logs() { Logger.log('rows: %s of %s', 3, 10); console.log('obj', { a: 1 }); console.error(new Error('bad')); }
function throwsPlain() { throw 'just a string'; }
`;

describe('executions', () => {
  it('evaluates the bundle afresh each execution: top-level state does not survive', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('remember', 'x').value).toEqual({ cache: 'x', seen: 1 });
    expect(rt.run('recall').value).toEqual({ cache: 'gone', seen: 0 });
  });

  it('loads the bundle as it is on disk now: a rebuilt Code.js is run by the next execution', () => {
    const dir = fixture('function version() { return 1; }');
    const rt = createRuntime({ buildDir: dir });
    expect(rt.run('version').value).toBe(1);
    expect(rt.run('version').value).toBe(1);
    writeFileSync(join(dir, 'Code.js'), 'function version() { return "two"; }');
    expect(rt.run('version').value).toBe('two');
  });

  it('runs Date on the virtual clock in the script time zone', () => {
    const rt = runtimeFor(CODE, { now: '2024-01-15T17:30:00Z', timezone: 'America/Los_Angeles' });
    const v = rt.run<{ now: number; date: number; hour: number; isDate: boolean }>('clock').value;
    expect(v?.now).toBe(Date.parse('2024-01-15T17:30:00Z'));
    expect(v?.date).toBe(v?.now);
    expect(v?.hour).toBe(9);
    expect(v?.isDate).toBe(true);
    expect(rt.run('sleepy', 5000).value).toBe(Date.parse('2024-01-15T17:30:05Z'));
  });

  it('kills an execution past 6 virtual minutes; its later writes do not land', () => {
    const rt = runtimeFor(CODE);
    const r = rt.run('longJob');
    expect(r.killed).toBe(true);
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.value).toBeUndefined();
    expect(r.durationMs).toBeGreaterThan(6 * 60_000);
    expect(r.durationMs).toBeLessThan(7 * 60_000 + 1000);
    const column = rt.workbook.values('Sheet1').map((row) => row[0]);
    expect(column).toEqual(['started', 'minute 1', 'minute 2', 'minute 3', 'minute 4', 'minute 5']);
    expect(rt.counters.executions.killed).toBe(1);
  });

  it('keeps a killed execution dead even when it catches the exception', () => {
    const rt = runtimeFor(CODE);
    const r = rt.run('stubborn');
    expect(r.killed).toBe(true);
    expect(rt.workbook.values('Sheet1')).toEqual([]);
  });

  it('honours a custom execution limit', () => {
    const rt = runtimeFor(CODE, { executionLimitMs: 30_000 });
    expect(rt.run('sleepy', 29_000).killed).toBe(false);
    expect(rt.run('sleepy', 31_000).killed).toBe(true);
  });

  it('reports script errors instead of throwing, including unknown functions', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('throwsPlain').error).toEqual({ name: 'Error', message: 'just a string' });
    expect(rt.run('nope').error?.message).toBe('Script function not found: nope');
    expect(rt.counters.executions).toEqual({ runs: 2, errors: 2, killed: 0 });
  });

  it('captures Logger and console output', () => {
    const rt = runtimeFor(CODE);
    rt.run('logs');
    expect(rt.logs.messages().slice(0, 2)).toEqual(['rows: 3 of 10', 'obj {"a":1}']);
    expect(rt.logs.entries[2]).toMatchObject({ source: 'console', level: 'error', fnName: 'logs' });
    expect(rt.logs.entries[2]?.message).toMatch(/^Error: bad/);
  });
});
