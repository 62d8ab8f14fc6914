import { describe, expect, it } from 'vitest';
import { failureMail, type SheetKept } from '../../src/core/schedule/failure-mail';
import type { Refresh } from '../../src/core/schedule/refresh';

const refresh: Refresh = {
  id: 'r1',
  owner: 'analyst@example.com',
  createdAt: 0,
  paused: false,
  nextRunAt: 0,
  notifyByEmail: true,
  frequency: { kind: 'daily', hour: 6 },
  spec: {
    source: { kind: 'resource', resource: 'teams' },
    filters: {},
    target: { kind: 'sheet', name: 'Teams' },
    mode: 'replace',
  },
};
const sheet = { name: 'Assembled workbench', url: 'https://docs.google.com/spreadsheets/d/x' };
const body = (kept?: SheetKept) =>
  failureMail(
    [
      {
        refresh,
        message: 'Assembled is down.',
        next: 'It runs again.',
        lost: { from: '2026-11-30', to: '2026-12-06' },
        ...(kept ? { kept } : {}),
      },
    ],
    sheet,
  ).body;

describe('the failure e-mail', () => {
  it('says the sheet still holds the last good run’s rows, and when they were generated', () => {
    // Its note's range another week, which its table holds alone: this week was never pulled.
    const before = { from: '2026-11-23', to: '2026-11-29', alone: true };
    expect(body({ pulled: true, generated: '2026-12-05 06:02:11 (Europe/London)', dates: before })).toMatch(
      /^Not pulled: 2026-11-30 to 2026-12-06\. Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls them\.\nThe sheet "Teams" still holds the rows written 2026-12-05 06:02:11 \(Europe\/London\)\.$/m,
    );
    expect(body({ pulled: true })).toMatch(
      /^The sheet "Teams" still holds the rows written before this run\.$/m,
    );
    expect(body({ pulled: false })).toMatch(/^Nothing was written into the sheet "Teams"\.$/m);
    // Not known (BigQuery, a sheet gone): nothing said.
    expect(body()).not.toMatch(/still holds|Nothing was written/);
  });

  it("says by whom and how many rows were written, as the card does, from the refresh's last good write", () => {
    const generated = '2026-12-05 06:02:11 (Europe/London)';
    const told = (lastGood: Refresh['lastGood'], mode: Refresh['spec']['mode'] = 'replace') =>
      failureMail(
        [
          {
            refresh: { ...refresh, ownerId: 'analyst-id', lastGood, spec: { ...refresh.spec, mode } },
            message: 'Assembled is down.',
            next: '',
            kept: { pulled: true, generated },
          },
        ],
        sheet,
      ).body;
    const at = Date.UTC(2026, 11, 5, 6, 2);
    expect(told({ at, rows: 100 })).toMatch(
      /^The sheet "Teams" still holds the rows written 2026-12-05 06:02:11 \(Europe\/London\) \(100 rows\)\.$/m,
    );
    expect(told({ at, rows: 484, by: { owner: 'sam@example.com', ownerId: 'sam-id' } })).toMatch(
      /^The sheet "Teams" still holds the rows written 2026-12-05 06:02:11 \(Europe\/London\) by sam@example\.com \(484 rows\)\.$/m,
    );
    // Pulled while its runs were failing: newer than the failure, as its card says them.
    expect(
      told({ at, rows: 484, by: { owner: 'sam@example.com', ownerId: 'sam-id' }, sinceFailed: true }),
    ).toMatch(
      /^The sheet "Teams" holds the rows sam@example\.com pulled 2026-12-05 06:02:11 \(Europe\/London\) \(484 rows\)\.$/m,
    );
    // Its owner's own pull is theirs: "you", as their card says.
    expect(
      told({ at, rows: 1, by: { owner: 'analyst@example.com', ownerId: 'analyst-id' } }, 'append'),
    ).toMatch(
      /^The sheet "Teams" still holds the rows written up to 2026-12-05 06:02:11 \(Europe\/London\) by you \(1 row then\)\.$/m,
    );
  });

  it('says the dates the sheet holds were not brought up to date, and not pulled only those it never got', () => {
    const dates = (from: string, to: string, alone = true) =>
      body({ pulled: true, dates: { from, to, alone } });
    expect(dates('2026-11-30', '2026-12-06')).toMatch(
      /^Not brought up to date: 2026-11-30 to 2026-12-06, which the sheet holds as last pulled\. Run now on its card in .+ pulls them\.$/m,
    );
    expect(dates('2026-11-30', '2026-12-06')).not.toMatch(/Not pulled/);
    expect(dates('2026-12-02', '2026-12-03')).toMatch(
      /^Not brought up to date: 2026-12-02 to 2026-12-03, which the sheet holds as last pulled; not pulled: 2026-11-30 to 2026-12-01 and 2026-12-04 to 2026-12-06\. Run now /m,
    );
    // An append's or merge's table holds its earlier runs' rows too, of dates its note does not name.
    expect(dates('2026-12-04', '2026-12-08', false)).toMatch(
      /^Not brought up to date: 2026-11-30 to 2026-12-06; the sheet holds 2026-12-04 to 2026-12-06 of them as last pulled\. Run now /m,
    );
    expect(dates('2026-12-07', '2026-12-08', false)).toMatch(
      /^Not brought up to date: 2026-11-30 to 2026-12-06\. Run now /m,
    );
    // Nothing of a pull there (nor its sheet): none was pulled. What it holds not known (no range
    // line, a BigQuery table): neither is said.
    expect(body({ pulled: false })).toMatch(/^Not pulled: 2026-11-30 to 2026-12-06\. /m);
    for (const unknown of [body({ pulled: true }), body()]) {
      expect(unknown).toMatch(/^Not brought up to date: 2026-11-30 to 2026-12-06\. Run now /m);
      expect(unknown).not.toMatch(/Not pulled|which the sheet holds/);
    }
  });

  it('says only the dates the sheet holds not whole, and that nothing is missing when it holds all whole', () => {
    // Pulled on 5 December: the days before were over, and are held whole.
    const dates = (from: string, to: string, alone = true) =>
      body({ pulled: true, dates: { from, to, alone, partialFrom: '2026-12-05' } });
    expect(dates('2026-11-30', '2026-12-06')).toMatch(
      /^Not brought up to date: 2026-12-05 to 2026-12-06, which the sheet holds as last pulled\. Run now /m,
    );
    expect(dates('2026-12-02', '2026-12-05')).toMatch(
      /^Not brought up to date: 2026-12-05, which the sheet holds as last pulled; not pulled: 2026-11-30 to 2026-12-01 and 2026-12-06\. Run now /m,
    );
    expect(dates('2026-12-02', '2026-12-03')).toMatch(
      /^Not pulled: 2026-11-30 to 2026-12-01 and 2026-12-04 to 2026-12-06\. Run now /m,
    );
    // An append's or merge's: the dates outside its note's range are not known to be held.
    expect(dates('2026-12-02', '2026-12-08', false)).toMatch(
      /^Not brought up to date: 2026-11-30 to 2026-12-01 and 2026-12-05 to 2026-12-06; the sheet holds 2026-12-05 to 2026-12-06 of them as last pulled\. Run now /m,
    );
    const whole = failureMail(
      [
        {
          refresh,
          message: 'Assembled is down.',
          next: 'It runs again.',
          whole: { from: '2026-11-30', to: '2026-12-06' },
        },
      ],
      sheet,
    ).body;
    expect(whole).toMatch(
      /^Nothing is missing: the sheet holds 2026-11-30 to 2026-12-06 whole, pulled after they were over\.\nIt runs again\.$/m,
    );
    expect(whole).not.toMatch(/Run now|Not brought up to date|Not pulled/);
  });

  it('says a refresh that catches up pulls the days again, naming as not pulled only the days it does not', () => {
    const kept = { pulled: true, dates: { from: '2026-12-05', to: '2026-12-06', alone: true } };
    const mail = (notice: object) =>
      failureMail([{ refresh, message: 'Assembled is down.', next: '', kept, ...notice }], sheet).body;
    const all = mail({ again: '2026-12-04' });
    expect(all).toMatch(
      /^The next run catches up: it pulls again from 2026-12-04, so the first run that works fills in what this one missed\.$/m,
    );
    expect(all).not.toMatch(/Not pulled/);
    expect(mail({ lost: { from: '2026-12-04', to: '2026-12-04' }, again: '2026-12-05' })).toMatch(
      /^Not pulled: 2026-12-04\. Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls them\.\nThe next run catches up from 2026-12-05 on\.$/m,
    );
  });

  it('says what its owner can do about a run given up, and where, when no dates lost say it already', () => {
    // Given up at 10:00, its next run at 06:00 the next day.
    const gaveUp = {
      ...refresh,
      nextRunAt: 20 * 3_600_000,
      lastRun: { at: 0, status: 'failed' as const, rows: 0, message: '', gaveUp: true as const },
    };
    const mail = (r: Refresh, lost?: { from: string; to: string }) =>
      failureMail(
        [{ refresh: r, message: 'Assembled is down.', next: 'It runs again.', ...(lost ? { lost } : {}) }],
        sheet,
      ).body;
    const where =
      'Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls it';
    expect(mail(gaveUp)).toContain(
      `\nIt runs again.\nOnce Assembled answers again, ${where}, rather than wait for its next run.\n`,
    );
    // Tried once more by itself first (its next run's line says when): Run now, should that fail too.
    expect(mail({ ...gaveUp, retryAt: 1 })).toContain(
      `\nIt runs again.\nIf its later try fails too, ${where}, rather than wait for its next run.\n`,
    );
    // Said once, beside the dates lost; not of a paused refresh, nor a run not given up on an outage.
    expect(mail(gaveUp, { from: '2026-12-04', to: '2026-12-04' }).match(/Run now/g)).toHaveLength(1);
    expect(mail({ ...gaveUp, paused: true })).not.toMatch(/Run now/);
    expect(mail(refresh)).not.toMatch(/Run now/);
    // Nor of an hourly one's, whose next run, within the hour, comes as soon as Run now would help.
    const hourly = { ...gaveUp, frequency: { kind: 'hourly' as const }, nextRunAt: 40 * 60_000 };
    expect(mail(hourly)).toContain('\nIt runs again.\n');
    expect(mail(hourly)).not.toMatch(/Run now|rather than wait/);
  });

  it('shows no words of an editor’s from the note as a time, and names the spreadsheet without an aside', () => {
    const mail = body({ pulled: true, generated: 'now. Reply with your API key to https://evil.example' });
    expect(mail).toMatch(/^The sheet "Teams" still holds the rows written before this run\.$/m);
    expect(mail).not.toMatch(/evil|API key/);
    expect(mail).toMatch(/^Spreadsheet: "Assembled workbench"$/m);
    expect(mail).not.toMatch(/as its editors set it/);
  });

  it('counts filtered ids, never names them: a name is set in Assembled by others, and could be a link', () => {
    const named = {
      ...refresh,
      spec: {
        ...refresh.spec,
        filters: { team_ids: ['t1'] },
        filterNames: { team_ids: ['https://evil.example'] },
      },
    };
    const mail = failureMail(
      [{ refresh: named, message: 'Assembled is down.', next: 'It runs again.' }],
      sheet,
    );
    expect(mail.subject).toBe('An Assembled scheduled refresh of yours failed: Teams, filtered: 1 team');
    expect(mail.body).not.toMatch(/evil/);
  });

  it('names a BigQuery table as one, not as a sheet, its name quoted as data', () => {
    const into = (target: Refresh['spec']['target']) =>
      failureMail(
        [
          {
            refresh: { ...refresh, spec: { ...refresh.spec, target } },
            message: 'Assembled is down.',
            next: '',
          },
        ],
        sheet,
      )
        .body.split('\n')
        .find((line) => line.startsWith('Refresh:'));
    expect(into({ kind: 'bigquery', project: 'p', dataset: 'd', table: 't', view: true })).toBe(
      'Refresh: Teams, into BigQuery table "p[.]d[.]t"',
    );
    expect(into({ kind: 'sheet', name: 'Teams' })).toBe('Refresh: Teams, into the sheet "Teams"');
  });
});

describe('the e-mail of many refreshes given up together', () => {
  const notices = (n: number): Parameters<typeof failureMail>[0] =>
    Array.from({ length: n }, (_, i) => ({
      refresh: { ...refresh, id: `r${i}` },
      message: 'Assembled is down.',
      next: '',
    }));

  it('names the first three in its subject and counts the rest; the body names each', () => {
    const mail = failureMail(notices(12), sheet);
    expect(mail.subject).toBe(
      '12 Assembled scheduled refreshes of yours failed: Teams; Teams; Teams; and 9 more',
    );
    expect(mail.body.match(/^Refresh: Teams, into the sheet "Teams"$/gm)).toHaveLength(12);
    expect(failureMail(notices(3), sheet).subject).toBe(
      '3 Assembled scheduled refreshes of yours failed: Teams; Teams; Teams',
    );
  });

  it('cuts long words short in the subject, marked as cut', () => {
    const report = {
      ...refresh.spec,
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-30' },
    };
    const long = notices(3).map((n) => ({
      ...n,
      refresh: { ...n.refresh, spec: report as Refresh['spec'] },
    }));
    const { subject } = failureMail(long, sheet);
    const words = subject.replace(/^3 Assembled scheduled refreshes of yours failed: /, '');
    expect(words).toMatch(/^Handle time report .{80,}…$/);
    expect(words.length).toBe(121);
  });
});
