// The spreadsheet's locale and time zone in the workbench: File ▸ Settings saved through the
// workbench (a change to the spreadsheet, not an execution), and WORKBENCH_TIMEZONE /
// WORKBENCH_LOCALE given to `npm start`, refused with what to use instead when the workbench
// cannot honour them.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localeProblem, timeZoneProblem } from '../../dev/workbench/spreadsheet-settings';
import { Workbench } from '../../dev/workbench/workbench';

const ROOT = join(import.meta.dirname, '../..');

/** `npm start`'s command (the build is already there) with these variables; its output and exit. */
function start(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'dev/workbench/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', ASSEMBLED_API_KEY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    out.stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    out.stderr += String(chunk);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, out, exited };
}

describe('the spreadsheet settings of the workbench', () => {
  let bench: Workbench | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    bench?.close();
    if (child && child.exitCode === null) {
      const gone = new Promise((done) => child?.once('exit', done));
      child.kill();
      await gone;
    }
  });

  it('refuses a time zone or locale it cannot honour at start, saying what to use, and does not start', async () => {
    const started = start({ WORKBENCH_TIMEZONE: 'Mars/Olympus', WORKBENCH_LOCALE: 'ja_JP' });
    child = started.child;
    const { out, exited } = started;
    // Started after all, it would print its banner and run on (afterEach stops it).
    const banner = expect
      .poll(() => out.stdout, { timeout: 60_000, interval: 100 })
      .toMatch(/Ctrl-C stops/)
      .then(() => 'started');
    expect(await Promise.race([exited, banner])).toBe(2);
    expect(out.stderr).toBe(
      [
        'WORKBENCH_TIMEZONE=Mars/Olympus is not a time zone: give an IANA name such as Europe/Berlin, Asia/Kolkata, America/Los_Angeles or UTC.',
        'WORKBENCH_LOCALE=ja_JP is not a locale the workbench reads typing by: use one of en_US, en_GB, en_AU, en_IE, en_IN, en_NZ, de_DE, fr_FR, pt_BR, es_ES, it_IT.',
        'The workbench did not start.',
        '',
      ].join('\n'),
    );
    expect(out.stdout).toBe('');
  });

  it('starts in the time zone and locale given', async () => {
    const started = start({ WORKBENCH_TIMEZONE: 'Asia/Kolkata', WORKBENCH_LOCALE: 'en_GB' });
    child = started.child;
    const { out } = started;
    await expect
      .poll(() => out.stdout + out.stderr, { timeout: 60_000, interval: 100 })
      .toMatch(/Ctrl-C stops/);
    expect(out.stdout).toMatch(
      /local Apps Script runtime \(Asia\/Kolkata, en_GB, user analyst@example\.com\)/,
    );
  });

  it('takes names Sheets takes: IANA zones as spelt, and the locales the runtime types by', () => {
    for (const zone of [
      'Europe/Berlin',
      'UTC',
      'Asia/Kolkata',
      'America/Argentina/Buenos_Aires',
      'Etc/GMT+2',
    ])
      expect(timeZoneProblem(zone)).toBeNull();
    for (const zone of ['europe/berlin', 'EST', 'Mars/Olympus', 'Berlin', ''])
      expect(timeZoneProblem(zone)).toMatch(/is not a time zone: give an IANA name such as Europe\/Berlin/);
    for (const locale of ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'pt_BR'])
      expect(localeProblem(locale)).toBeNull();
    for (const locale of ['ja_JP', 'de-DE', 'de', ''])
      expect(localeProblem(locale)).toMatch(
        /is not a locale the workbench reads typing by: use one of en_US/,
      );
  });

  it('saves File ▸ Settings as a change to the spreadsheet; a value it cannot honour changes nothing', async () => {
    bench = await Workbench.create({ followRealClock: false, now: '2026-01-15T12:00:00Z' }, '');
    const wb = bench.rt.workbook;
    const runs = bench.rt.executions.length;
    expect(bench.settings()).toMatchObject({ locale: 'en_US', timeZone: 'America/New_York' });
    expect(bench.settings().locales.map((l) => l.label)).toEqual([
      'Australia (en_AU)',
      'Brazil (pt_BR)',
      'France (fr_FR)',
      'Germany (de_DE)',
      'India (en_IN)',
      'Ireland (en_IE)',
      'Italy (it_IT)',
      'New Zealand (en_NZ)',
      'Spain (es_ES)',
      'United Kingdom (en_GB)',
      'United States (en_US)',
    ]);
    // Offsets as they are now: Berlin in winter, Auckland in summer.
    expect(bench.settings().timeZones).toContainEqual({
      value: 'Europe/Berlin',
      label: 'Europe/Berlin (GMT+01:00)',
    });
    expect(bench.settings().timeZones.at(-1)).toEqual({
      value: 'Pacific/Auckland',
      label: 'Pacific/Auckland (GMT+13:00)',
    });

    expect(bench.saveSettings('ja_JP', 'Asia/Tokyo')).toEqual({
      ok: false,
      message:
        'ja_JP is not a locale the workbench reads typing by: use one of en_US, en_GB, en_AU, en_IE, en_IN, en_NZ, de_DE, fr_FR, pt_BR, es_ES, it_IT.',
    });
    expect(bench.saveSettings('de_DE', 'Europe/Nowhere')).toMatchObject({ ok: false });
    expect([wb.locale, wb.timeZone]).toEqual(['en_US', 'America/New_York']);

    const version = bench.state().version;
    expect(bench.saveSettings('fr_FR', 'Asia/Kolkata')).toEqual({ ok: true });
    expect([wb.locale, wb.timeZone]).toEqual(['fr_FR', 'Asia/Kolkata']);
    expect(bench.state()).toMatchObject({
      timeZone: 'Asia/Kolkata',
      time: 'Thu 2026-01-15 17:30:00 IST',
    });
    // The page redraws; no script ran.
    expect(bench.state().version).not.toBe(version);
    expect(bench.rt.executions.length).toBe(runs);
    // A zone given at start and not in the list is offered too.
    bench.close();
    bench = await Workbench.create(
      { followRealClock: false, timezone: 'Africa/Nairobi', locale: 'en_GB' },
      '',
    );
    expect(bench.settings()).toMatchObject({ locale: 'en_GB', timeZone: 'Africa/Nairobi' });
    expect(bench.settings().timeZones.map((z) => z.value)).toContain('Africa/Nairobi');
    // Reset starts again with the settings the workbench started with.
    bench.saveSettings('de_DE', 'UTC');
    await bench.reset();
    expect([bench.rt.workbook.locale, bench.rt.workbook.timeZone]).toEqual(['en_GB', 'Africa/Nairobi']);
  });
});
