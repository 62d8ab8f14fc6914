// Utilities: date formatting in any zone, base64, digests, blobs, a deterministic getUuid, sleep.

import crypto from 'node:crypto';
import { LIMITS } from '../costs.js';
import { isDate } from '../realm.js';
import { formatJavaDate } from '../time/java-date-format.js';
import { isValidTimeZone } from '../time/timezone.js';
import { BlobFake, toBuffer, toSignedBytes } from './blob.js';
import type { Env } from './env.js';

const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/** Java accepts 'GMT+2' style ids and falls back to GMT for unknown ones. */
function javaZone(timeZone: string): string {
  if (isValidTimeZone(timeZone)) return timeZone;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?00)?$/.exec(timeZone);
  if (m) return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
  return 'UTC';
}

const webSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');
const fromWebSafe = (b64: string) => b64.replace(/-/g, '+').replace(/_/g, '/');

export class UtilitiesFake {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(private readonly env: Env) {}

  private op<T>(body: () => T, costMs = 0): T {
    return this.env.exec.call('utilities', costMs, body);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    return this.op(() => {
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
      }
      return formatJavaDate(date.getTime(), javaZone(timeZone), format);
    });
  }

  /** Blocks on the virtual clock; Apps Script refuses more than 5 minutes. */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    this.op(() => {
      if (!(ms <= LIMITS.sleepMaxMs)) throw new Error('Invalid argument: milliseconds');
    });
    this.op(() => undefined, Math.max(0, ms));
  }

  getUuid(): string {
    return this.op(() => {
      const n = this.env.world.nextUuidSeq();
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    });
  }

  base64Encode(data: string | number[], _charset?: string): string {
    return this.op(() => toBuffer(data).toString('base64'));
  }

  base64EncodeWebSafe(data: string | number[], _charset?: string): string {
    return this.op(() => webSafe(toBuffer(data).toString('base64')));
  }

  base64Decode(encoded: string, _charset?: string): number[] {
    return this.op(() => toSignedBytes(this.env.exec.realm, Buffer.from(String(encoded), 'base64')));
  }

  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    return this.op(() =>
      toSignedBytes(this.env.exec.realm, Buffer.from(fromWebSafe(String(encoded)), 'base64')),
    );
  }

  computeDigest(algorithm: string, value: string | number[], _charset?: string): number[] {
    return this.op(() => {
      const name = NODE_DIGEST[algorithm];
      if (!name) throw new Error(`Invalid argument: algorithm ${algorithm}`);
      return toSignedBytes(this.env.exec.realm, crypto.createHash(name).update(toBuffer(value)).digest());
    });
  }

  newBlob(data: string | number[], contentType?: string, name?: string): BlobFake {
    return this.op(
      () => new BlobFake(this.env.exec.realm, toBuffer(data), contentType ?? null, name ?? null),
    );
  }
}
