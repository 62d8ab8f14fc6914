import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function fmt(iso, tz, pattern) { return Utilities.formatDate(new Date(iso), tz, pattern); }
function uuids() { return [Utilities.getUuid(), Utilities.getUuid()]; }
function b64(s) {
  var enc = Utilities.base64Encode(s);
  return [enc, Utilities.newBlob(Utilities.base64Decode(enc)).getDataAsString(), Utilities.base64EncodeWebSafe('??>')];
}
function digest(s) {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s).map(function (b) {
    return ('0' + (b & 0xff).toString(16)).slice(-2);
  }).join('');
}
function tz() { return [Session.getScriptTimeZone(), SpreadsheetApp.getActive().getSpreadsheetTimeZone()]; }
`;

describe('Utilities.formatDate', () => {
  const pattern = "yyyy-MM-dd'T'HH:mm:ss z (XXX) EEE";

  it('formats one instant in two zones on both sides of the US DST switch', () => {
    const rt = runtimeFor(CODE);
    // 2024-03-10 06:30 UTC is before the New York switch (07:00 UTC), 08:30 UTC after it.
    expect(rt.run('fmt', '2024-03-10T06:30:00Z', 'America/New_York', pattern).value).toBe(
      '2024-03-10T01:30:00 EST (-05:00) Sun',
    );
    expect(rt.run('fmt', '2024-03-10T08:30:00Z', 'America/New_York', pattern).value).toBe(
      '2024-03-10T04:30:00 EDT (-04:00) Sun',
    );
    expect(rt.run('fmt', '2024-03-10T06:30:00Z', 'Europe/London', pattern).value).toBe(
      '2024-03-10T06:30:00 GMT (Z) Sun',
    );
    // London switches on March 31: same UTC instant, one hour later on the wall clock.
    expect(rt.run('fmt', '2024-03-31T01:30:00Z', 'Europe/London', 'HH:mm z Z').value).toBe('02:30 BST +0100');
    expect(rt.run('fmt', '2024-03-31T01:30:00Z', 'America/New_York', 'HH:mm z Z').value).toBe(
      '21:30 EDT -0400',
    );
  });

  it('names a zone as Java does where en-US has no abbreviation: IST in Kolkata, GMT+hh:mm in Tokyo', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('fmt', '2024-07-01T12:00:00Z', 'Asia/Kolkata', 'HH:mm z').value).toBe('17:30 IST');
    expect(rt.run('fmt', '2024-07-01T12:00:00Z', 'Europe/Dublin', 'HH:mm z').value).toBe('13:00 IST');
    expect(rt.run('fmt', '2024-07-01T12:00:00Z', 'Europe/Paris', 'HH:mm z').value).toBe('14:00 CEST');
    expect(rt.run('fmt', '2024-07-01T12:00:00Z', 'Asia/Tokyo', 'HH:mm z').value).toBe('21:00 GMT+09:00');
  });

  it('supports 12-hour clocks, month names, quotes and GMT offsets', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('fmt', '2024-11-03T17:05:09Z', 'GMT+2', "MMMM d, yyyy h:mm a 'o''clock'").value).toBe(
      "November 3, 2024 7:05 PM o'clock",
    );
  });
});

describe('other utilities', () => {
  it('makes deterministic UUIDs from a counter that spans executions', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('uuids').value).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect((rt.run('uuids').value as string[])[0]).toBe('00000000-0000-4000-8000-000000000003');
  });

  it('encodes base64, decodes to bytes, and digests', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('b64', 'héllo').value).toEqual(['aMOpbGxv', 'héllo', 'Pz8-']);
    expect(rt.run('digest', 'abc').value).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('reports the configured script and spreadsheet time zone', () => {
    const rt = runtimeFor(CODE, { timezone: 'Europe/Berlin' });
    expect(rt.run('tz').value).toEqual(['Europe/Berlin', 'Europe/Berlin']);
  });
});
