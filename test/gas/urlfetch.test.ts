import { describe, expect, it } from 'vitest';
import { COSTS, type SimRequest, type SimResponse } from '../../dev/gas/index.js';
import { runtimeFor } from './fixture.js';

const CODE = `
function get(url, mute) {
  var r = UrlFetchApp.fetch(url, { muteHttpExceptions: !!mute, headers: { Authorization: 'Basic abc' } });
  return { code: r.getResponseCode(), text: r.getContentText(), type: r.getHeaders()['Content-Type'], blob: r.getBlob().getDataAsString() };
}
function post(url, body) {
  return UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify(body) }).getContentText();
}
function send(url, method, body) {
  var r = UrlFetchApp.fetch(url, { method: method, contentType: 'application/json', payload: JSON.stringify(body), muteHttpExceptions: true });
  return r.getContentText();
}
function postForm(url) { return UrlFetchApp.fetch(url, { method: 'post', payload: { a: 1, b: 'x y' } }).getContentText(); }
function all(urls) {
  return UrlFetchApp.fetchAll(urls.map(function (u) { return { url: u, muteHttpExceptions: true }; }))
    .map(function (r) { return r.getResponseCode(); });
}
function caught(url) { try { UrlFetchApp.fetch(url); } catch (e) { return [e.name, e.message, Date.now()]; } }
`;

const API = 'https://api.assembledhq.com';

/** A fake server: /slow/<ms> answers after ms, /status/<n> answers n, /lost never answers. */
function server(seen: SimRequest[] = []) {
  return (req: SimRequest): SimResponse => {
    seen.push(req);
    const path = new URL(req.url).pathname;
    const [, kind, arg] = path.split('/');
    if (kind === 'lost') return { status: 0, headers: {}, body: '', delayMs: 0, timeout: true };
    if (kind === 'status')
      return { status: Number(arg), headers: {}, body: `{"error":"code ${arg}"}`, delayMs: 10 };
    if (kind === 'echo')
      return { status: 200, headers: {}, body: `${req.headers['Content-Type']}|${req.body}`, delayMs: 5 };
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"ok":true}',
      delayMs: Number(arg ?? 0),
    };
  };
}

describe('UrlFetchApp.fetch', () => {
  it('returns the answer and advances the clock by its delay plus the base cost', () => {
    const seen: SimRequest[] = [];
    const rt = runtimeFor(CODE, { http: server(seen) });
    const r = rt.run('get', `${API}/slow/700`);
    expect(r.value).toEqual({
      code: 200,
      text: '{"ok":true}',
      type: 'application/json',
      blob: '{"ok":true}',
    });
    expect(r.durationMs).toBe(700 + COSTS.fetchBaseMs);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: `${API}/slow/700`,
      headers: { Authorization: 'Basic abc' },
    });
  });

  it('throws on status >= 400 unless muteHttpExceptions is set', () => {
    const rt = runtimeFor(CODE, { http: server() });
    expect(rt.run('get', `${API}/status/429`).error?.message).toBe(
      `Request failed for ${API} returned code 429. Truncated server response: {"error":"code 429"} (use muteHttpExceptions option to examine full response)`,
    );
    expect(rt.run('get', `${API}/status/429`, true).value).toMatchObject({
      code: 429,
      text: '{"error":"code 429"}',
    });
  });

  it('sends payloads with their content type, objects form-encoded', () => {
    const rt = runtimeFor(CODE, { http: server() });
    expect(rt.run('post', `${API}/echo`, { a: 1 }).value).toBe('application/json|{"a":1}');
    expect(rt.run('postForm', `${API}/echo`).value).toBe('application/x-www-form-urlencoded|a=1&b=x%20y');
  });

  it('takes the five methods Google names (DELETE with its body), and refuses any other', () => {
    const seen: SimRequest[] = [];
    const rt = runtimeFor(CODE, { http: server(seen) });
    expect(rt.run('send', `${API}/echo`, 'delete', { agent_ids: ['a'] }).value).toBe(
      'application/json|{"agent_ids":["a"]}',
    );
    expect(seen[0]?.method).toBe('DELETE');
    for (const m of ['put', 'PATCH']) expect(rt.run('send', `${API}/echo`, m, {}).error).toBeUndefined();
    expect(rt.run('send', `${API}/echo`, 'remove', {}).error?.message).toBe('Invalid argument: method');
    expect(seen).toHaveLength(3);
  });

  it('turns a lost answer into a Timeout exception after the fetch timeout', () => {
    const rt = runtimeFor(CODE, { http: server() });
    const start = rt.clock.now();
    const [name, message, at] = rt.run('caught', `${API}/lost`).value as [string, string, number];
    expect([name, message]).toEqual(['Exception', `Timeout: ${API}/lost`]);
    expect(at - start).toBe(COSTS.fetchBaseMs + COSTS.fetchTimeoutMs);
  });

  it('fails every fetch with Address unavailable when there is no http handler', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('get', `${API}/slow/1`).error?.message).toBe(`Address unavailable: ${API}/slow/1`);
  });

  it('enforces the 2 KB URL limit', () => {
    const rt = runtimeFor(CODE, { http: server() });
    expect(rt.run('get', `${API}/slow/1?q=${'x'.repeat(2100)}`).error?.message).toBe(
      'Limit Exceeded: URLFetch URL Length.',
    );
    expect(rt.counters.urlfetch.requests).toBe(0);
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('runs requests in parallel: the clock moves by the slowest, answers come in order', () => {
    const rt = runtimeFor(CODE, { http: server() });
    const r = rt.run('all', [`${API}/slow/300`, `${API}/status/503`, `${API}/slow/900`]);
    expect(r.value).toEqual([200, 503, 200]);
    expect(r.durationMs).toBe(900 + COSTS.fetchBaseMs);
    expect(rt.counters.urlfetch).toMatchObject({ fetchAllBatches: 1, fetchCalls: 0, requests: 3 });
  });

  it('fails the whole batch when one request gets no answer', () => {
    const rt = runtimeFor(CODE, { http: server() });
    const r = rt.run('all', [`${API}/slow/300`, `${API}/lost`]);
    expect(r.error?.message).toBe(`Timeout: ${API}/lost`);
    expect(r.durationMs).toBe(COSTS.fetchTimeoutMs + COSTS.fetchBaseMs);
  });
});
