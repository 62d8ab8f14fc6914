import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function setUser(key, size) { PropertiesService.getUserProperties().setProperty(key, new Array(size + 1).join('x')); }
function getUser(key) { return PropertiesService.getUserProperties().getProperty(key); }
function setDoc(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); }
function getDoc(key) { return PropertiesService.getDocumentProperties().getProperty(key); }
function fillDocument(count, size) {
  var props = PropertiesService.getDocumentProperties();
  for (var i = 0; i < count; i++) props.setProperty('k' + i, new Array(size + 1).join('y'));
  return props.getKeys().length;
}
function stringsOnly() {
  var p = PropertiesService.getScriptProperties();
  p.setProperties({ n: 42, b: true, o: { a: 1 } });
  var all = p.getProperties();
  return [typeof all.n, all.n, all.b, all.o, all instanceof Object];
}
`;

describe('PropertiesService', () => {
  it('refuses a value over 9 KB (9,000 bytes, the stricter reading) and keeps the store unchanged', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('setUser', 'ok', 9_000).error).toBeUndefined();
    const tooBig = rt.run('setUser', 'big', 9_001);
    expect(tooBig.error?.name).toBe('Exception');
    expect(tooBig.error?.message).toBe('Argument too large: value');
    expect(rt.run('getUser', 'big').value).toBeNull();
    expect(rt.run('getUser', 'ok').value).toHaveLength(9_000);
  });

  it('refuses to grow a store past 500 KB, with the quota message', () => {
    const rt = runtimeFor(CODE);
    // 60 values of 8 KB (+ keys) fit under 500 KB; 64 do not.
    expect(rt.run('fillDocument', 60, 8 * 1024).value).toBe(60);
    const over = rt.run('fillDocument', 64, 8 * 1024);
    expect(over.error?.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(rt.properties.document.keys()).toHaveLength(62);
  });

  it('stores strings only and hands back plain objects of the script realm', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('stringsOnly').value).toEqual(['string', '42', 'true', '[object Object]', true]);
  });

  it('keeps User properties per user and shares Document properties', () => {
    const rt = runtimeFor(CODE);
    const other = rt.asUser('lead@example.com');
    rt.run('setUser', 'token', 3);
    rt.run('setDoc', 'job', 'pending');
    expect(other.run('getUser', 'token').value).toBeNull();
    expect(other.run('getDoc', 'job').value).toBe('pending');
    expect(rt.properties.user.get('token')).toBe('xxx');
    expect(other.properties.user.get('token')).toBeNull();
  });
});
