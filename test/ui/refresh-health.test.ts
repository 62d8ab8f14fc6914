import { describe, expect, it } from 'vitest';
import { byUrgency, health, summaryParts } from '../../src/ui/pages/refreshes/health';

type Seen = Parameters<typeof summaryParts>[0][number];

const at = '2026-06-01 07:00';
const ok: Seen = {
  targetGone: '',
  retry: null,
  overdue: '',
  lastRun: null,
  paused: false,
};
const failed: Seen = { ...ok, lastRun: { at, status: 'failed', rows: 0, message: 'HTTP 503' } };
const summary = (rs: Seen[]) => summaryParts(rs).map((p) => (p.alarm ? `[${p.text}]` : p.text));
const retrying: Seen = { ...ok, retry: { attempts: 1, reason: 'HTTP 503.', nextTry: at } };

describe('the Scheduled refreshes list at a glance', () => {
  it('puts failing refreshes first, then the rest, each as listed', () => {
    const list = [
      { ...ok, id: 'a' },
      { ...failed, id: 'c' },
      { ...ok, id: 'd', paused: true },
      { ...ok, id: 'f', targetGone: 'It cannot run: its sheet "F" was deleted.' },
      { ...ok, id: 'g', overdue: 'Overdue: due 2026-06-01 07:00 and not run yet.' },
      { ...ok, id: 'h', retry: { attempts: 1, reason: 'HTTP 503.', nextTry: at } },
      { ...ok, id: 'i' },
    ];
    expect(byUrgency(list).map((r) => r.id)).toEqual(['c', 'f', 'g', 'h', 'a', 'd', 'i']);
    // The list as read is left as it was.
    expect(list.map((r) => r.id).join('')).toBe('acdfghi');
  });

  it('keeps a card in its place while its run is under way, or due: the pointer may be on its buttons', () => {
    // People listed first, Adherence below: Run now on Adherence, then its run's end.
    const people = { ...ok, id: 'people', running: false, due: false };
    const adherence = { ...ok, id: 'adherence', running: false, due: false };
    for (const under of [
      { ...adherence, running: true },
      { ...adherence, due: true },
      { ...adherence, lastRun: { at, status: 'done' as const, rows: 8, message: '' } },
    ])
      expect(byUrgency([people, under]).map((r) => r.id)).toEqual(['people', 'adherence']);
  });

  it('counts them, and those failing and paused', () => {
    const sixteen = Array.from({ length: 16 }, () => ok);
    expect(summary(sixteen)).toEqual(['16 refreshes', 'none failing']);
    expect(summary([failed, ...sixteen.slice(3), failed, { ...ok, paused: true }])).toEqual([
      '16 refreshes',
      '[2 failing]',
      '1 paused',
    ]);
    // A paused refresh whose last run failed is in both: its card is red and its Next run "Paused".
    expect(
      summary([
        { ...failed, paused: true },
        { ...ok, paused: true },
      ]),
    ).toEqual(['2 refreshes', '[1 failing]', '2 paused']);
  });

  it('counts those whose sheet is gone apart from those failing, whatever their last run came to', () => {
    const done: Seen = { ...ok, lastRun: { at, status: 'done', rows: 8, message: '' } };
    const gone = (r: Seen): Seen => ({ ...r, targetGone: 'It cannot run: its sheet "F" was deleted.' });
    // Both last runs worked; only their sheets were deleted. The one paused says so as its Next run.
    expect(summary([gone(done), gone({ ...done, paused: true })])).toEqual([
      '2 refreshes',
      '[2 cannot run]',
      '1 paused',
    ]);
    // One failed before its sheet went: its card leads with the sheet, and so does the count.
    expect(summary([gone(failed), failed, ok])).toEqual(['3 refreshes', '[1 failing]', '[1 cannot run]']);
  });

  it('counts a refresh whose run is being tried again as retrying, not failing, until it is given up', () => {
    expect(summary([retrying, ok])).toEqual(['2 refreshes', '[1 retrying]']);
    // Its last run given up before: still retrying, its run under way may work yet.
    expect(summary([{ ...retrying, lastRun: failed.lastRun }, failed])).toEqual([
      '2 refreshes',
      '[1 failing]',
      '[1 retrying]',
    ]);
    expect(health(retrying)).toBe('retrying');
    expect(health({ ...retrying, retry: null, lastRun: failed.lastRun })).toBe('failed');
  });
});
