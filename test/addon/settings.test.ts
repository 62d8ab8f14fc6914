import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';

describe('Settings', () => {
  it('keeps the API key in the user properties only, and shows it masked', async () => {
    const { rt, key } = await startLocalAddon();
    const view = await rt.callFromSidebar<{ hasKey: boolean; keyHint: string }>('getSettings');
    expect(view.hasKey).toBe(true);
    expect(view.keyHint).not.toContain(key);
    expect(view.keyHint).toMatch(/^sk_live_•+/);
    expect(JSON.stringify(rt.properties.user.all())).toContain(key);
    expect(JSON.stringify(rt.properties.document.all())).not.toContain(key);
  });

  it('another editor of the spreadsheet cannot read the key', async () => {
    const { rt } = await startLocalAddon();
    const other = rt.asUser('editor@example.com');
    const view = await other.callFromSidebar<{ hasKey: boolean }>('getSettings');
    expect(view.hasKey).toBe(false);
    await expect(other.callFromSidebar('testConnection')).rejects.toThrow(
      /No Assembled API key is set for you/,
    );
  });

  it('refuses a malformed key with words that say what to fix, never echoing it', async () => {
    const { rt } = await startLocalAddon({ connect: false });
    const bad = 'sk_test_SECRET-looking value';
    const error = await rt
      .callFromSidebar('saveSettings', { apiKey: bad, timeFormat: 'iso', apiVersion: '' })
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/apiKey: The API key should start with sk_live_/);
    expect(String(error)).not.toContain('SECRET');
    await expect(
      rt.callFromSidebar('saveSettings', { timeFormat: 'xml', apiVersion: 'yesterday' }),
    ).rejects.toThrow(
      /timeFormat: must be one of "unix", "iso"; apiVersion: API-Version must be empty or a date/,
    );
  });

  it('tests the connection against the service, one line per operation', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const report = await rt.callFromSidebar<{
      ok: boolean;
      lines: { operation: string; ok: boolean; records: number }[];
    }>('testConnection');
    expect(report.ok).toBe(true);
    expect(report.lines.find((l) => l.operation === 'GET /v0/people')).toMatchObject({
      ok: true,
      records: 100,
    });
    expect(report.lines.length).toBeGreaterThan(8);
  });

  it('Test connection says which way of sending times the server takes, and fails when Settings sends the other', async () => {
    type Report = { ok: boolean; lines: { operation: string; ok: boolean; message: string }[] };
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const report = await rt.callFromSidebar<Report>('testConnection');
    expect(report.ok).toBe(true);
    expect(report.lines[0]).toMatchObject({
      operation: 'Time format (GET /v0/agents/state)',
      ok: true,
      message: 'the server accepts unix seconds',
    });
    await rt.callFromSidebar('saveSettings', { timeFormat: 'iso', apiVersion: '' });
    const iso = await rt.callFromSidebar<Report>('testConnection');
    expect(iso.ok).toBe(false);
    expect(iso.lines[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /refuses ISO 8601 dates and accepts unix seconds: choose "unix seconds"/,
      ),
    });
  });

  it('a new user sends unix seconds: the default settings suit the live service', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', connect: false });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'unix' });
  });

  it('a revoked key is reported in words, and the key appears in no log or message', async () => {
    const { rt, sim, key } = await startLocalAddon();
    sim.revokeKey(key);
    const report = await rt.callFromSidebar<{ ok: boolean; lines: { message: string }[] }>('testConnection');
    expect(report.ok).toBe(false);
    expect(report.lines[0]?.message).toMatch(/API key/);
    expect(JSON.stringify(report)).not.toContain(key);
    expect(JSON.stringify(rt.logs.entries)).not.toContain(key);
  });
});
