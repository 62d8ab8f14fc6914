import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { buildTable } from '../../src/core/table/build-table';
import { toSheetValue } from '../../src/core/table/sheet-literal';

const zone = intlZone('America/New_York');
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : `not a date: ${String(v)}`);

describe('buildTable', () => {
  const people = [
    {
      email: 'ana@example.com',
      first_name: 'Ana',
      id: 'p1',
      agent_id: 'a1',
      site: { id: 's1', name: 'Lisbon' },
      teams: [
        { id: 't1', name: 'Tier 1' },
        { id: 't2', name: 'Tier 2' },
      ],
      platforms: { zendesk: '123', five9: '007' },
      staffable: true,
      created_at: '2026-03-01T15:00:00Z',
      start_date: '2025-01-06',
    },
    { id: 'p2', first_name: '=IMPORTXML("http://x","//a")', imported_id: '007', staffable: false },
  ];

  it('puts the id first, then other ids, then names, then the rest as first seen', () => {
    const { columns } = buildTable(people, zone);
    expect(columns.map((c) => c.key)).toEqual([
      'id',
      'agent_id',
      'site.id',
      'imported_id',
      'email',
      'first_name',
      'site.name',
      'teams',
      'platforms.five9',
      'platforms.zendesk',
      'staffable',
      'created_at',
      'start_date',
    ]);
  });

  it("keeps a nested object's fields together though a later record brings one first seen", () => {
    // As Assembled's people: everyone has a Zendesk id, only phone agents a Five9 one.
    const records = [
      { id: 'p1', platforms: { zendesk: '1' }, staffable: true, created_at: '2026-03-01T15:00:00Z' },
      { id: 'p2', platforms: { zendesk: '2', five9: 'agent1' }, staffable: true },
      { id: 'p3', platforms: { zendesk: '3', intercom: 'i3' }, staffable: false },
    ];
    // A person's platforms, keyed by name, not by field, go alphabetically, whoever is listed first.
    const order = [
      'id',
      'platforms.five9',
      'platforms.intercom',
      'platforms.zendesk',
      'staffable',
      'created_at',
    ];
    expect(buildTable(records, zone).columns.map((c) => c.key)).toEqual(order);
    expect(buildTable([...records].reverse(), zone).columns.map((c) => c.key)).toEqual(order);
  });

  it('heads a person\'s platform ids as the platform\'s ID, not "Platforms zendesk"', () => {
    const { columns } = buildTable(people, zone);
    const header = (key: string) => columns.find((c) => c.key === key)?.header;
    expect(header('platforms.zendesk')).toBe('Zendesk ID');
    expect(header('platforms.five9')).toBe('Five9 ID');
    // The API field stays beside it, for the note and for sheets headed by fields.
    expect(columns.find((c) => c.key === 'platforms.zendesk')?.field).toBe('platforms.zendesk');
  });

  it('flattens nested objects and joins lists by name', () => {
    const { columns, rows } = buildTable(people, zone);
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    expect(rows[0]?.[at('teams')]).toBe('Tier 1, Tier 2');
    expect(rows[0]?.[at('site.name')]).toBe('Lisbon');
    expect(rows[1]?.[at('site.name')]).toBe('');
  });

  it('types times as dates with a format, keeps ids and awkward text as text', () => {
    const { columns, rows } = buildTable(people, zone);
    const col = (key: string) => columns.find((c) => c.key === key);
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    expect(col('created_at')).toMatchObject({ kind: 'datetime', numberFormat: 'yyyy-mm-dd hh:mm:ss' });
    expect(iso(rows[0]?.[at('created_at')])).toBe('2026-03-01T15:00:00.000Z');
    // A date-only value is that day's midnight in the sheet's timezone.
    expect(iso(rows[0]?.[at('start_date')])).toBe('2025-01-06T05:00:00.000Z');
    expect(col('staffable')?.kind).toBe('boolean');
    expect(col('platforms.five9')?.kind).toBe('text');
    expect(rows[0]?.[at('platforms.five9')]).toBe('007');
    expect(rows[1]?.[at('first_name')]).toBe('=IMPORTXML("http://x","//a")');
  });

  it('keeps numbers as the API gives them, with headers in words and the format each unit calls for', () => {
    const { columns, rows } = buildTable(
      [
        { agent_id: 'a1', handle_time: 312.5, handled: 4, adherence_percent: 97.1 },
        { agent_id: 'a2', handle_time: 200, handled: 2, adherence_percent: 88 },
      ],
      zone,
    );
    expect(columns.map((c) => c.header)).toEqual(['Agent ID', 'Handle time', 'Handled', 'Adherence']);
    expect(columns.map((c) => c.field)).toEqual(['agent_id', 'handle_time', 'handled', 'adherence_percent']);
    expect(columns.map((c) => [c.numberFormat, c.divisor])).toEqual([
      [undefined, undefined],
      ['[h]:mm:ss', 86_400],
      [undefined, undefined],
      ['0.00%', 100],
    ]);
    expect(rows[1]).toEqual(['a2', 200, 2, 88]);
  });

  it('reads epoch-ms numbers under time and date names as times and days', () => {
    const { columns, rows } = buildTable(
      [
        {
          id: 's1',
          start_time: Date.parse('2026-03-08T12:00:00Z'),
          end_date: Date.parse('2026-03-09T00:00:00Z'),
          count: 3,
        },
      ],
      zone,
    );
    expect(columns.map((c) => c.kind)).toEqual(['text', 'datetime', 'date', 'number']);
    expect(iso(rows[0]?.[1])).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(rows[0]?.[2])).toBe('2026-03-09T04:00:00.000Z');
  });

  it('makes a column of mixed kinds text', () => {
    const { columns, rows } = buildTable([{ code: 12 }, { code: 'A7' }], zone);
    expect(columns[0]?.kind).toBe('text');
    expect(rows.map((r) => r[0])).toEqual(['12', 'A7']);
  });

  it('gives an empty table for no records', () => {
    expect(buildTable([], zone)).toEqual({ columns: [], rows: [] });
  });
});

describe('buildTable, records of different shapes', () => {
  it('puts every value under its own column whatever the key order, and leaves missing keys empty', () => {
    const { columns, rows } = buildTable(
      [
        { id: 'a', n: 1, note: 'x' },
        { note: 'y', id: 'b' },
        { id: 'c', extra: true, n: 3, site: { name: 'Lisbon' } },
        { id: 'd', site: 'Porto' },
      ],
      zone,
    );
    expect(columns.map((c) => c.key)).toEqual(['id', 'site.name', 'n', 'note', 'extra', 'site']);
    expect(rows).toEqual([
      ['a', '', 1, 'x', '', ''],
      ['b', '', '', 'y', '', ''],
      ['c', 'Lisbon', 3, '', true, ''],
      ['d', '', '', '', '', 'Porto'],
    ]);
  });

  it('leaves a key missing from a later record empty when no column moves', () => {
    const { rows } = buildTable([{ n: 1, note: 'x', ok: true }, { n: 2 }, { note: 'z' }], zone);
    expect(rows).toEqual([
      [1, 'x', true],
      [2, '', ''],
      ['', 'z', ''],
    ]);
  });

  it('gives each day in a date column its own value, even when days repeat', () => {
    const { rows } = buildTable(
      [{ start_date: '2026-03-08' }, { start_date: '2026-03-09' }, { start_date: '2026-03-08' }],
      zone,
    );
    expect(rows.map((r) => iso(r[0]))).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
    ]);
    expect(rows[0]?.[0]).not.toBe(rows[2]?.[0]);
  });
});

describe('toSheetValue', () => {
  it.each(['=1+1', '+1 555 0100', '@support', '007', '2024-03-01', "'quoted"])('protects %s', (s) => {
    expect(toSheetValue(s)).toBe(`'${s}`);
  });
  it('cuts text longer than a cell holds, saying so, and leaves text that fits whole', () => {
    const fits = 'x'.repeat(49_999);
    expect(toSheetValue(fits)).toBe(`'${fits}`);
    const cut = String(toSheetValue('y'.repeat(60_000)));
    expect(cut.length).toBeLessThanOrEqual(50_000);
    expect(cut).toMatch(/^'y+ … \[cut by the add-on: the full text has 60000 characters\]$/);
    // An emoji (two UTF-16 units) at the cut is dropped whole, never split in half.
    const emoji = String(toSheetValue(`${'z'.repeat(49_934)}${'😀'.repeat(100)}`));
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('leaves typed values and empty cells alone', () => {
    const d = new Date(0);
    expect([toSheetValue(3), toSheetValue(true), toSheetValue(d), toSheetValue('')]).toEqual([
      3,
      true,
      d,
      '',
    ]);
  });
});
