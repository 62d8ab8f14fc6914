// Blob and Apps Script's byte arrays (Java's signed bytes, -128..127).

import type { Realm } from '../realm.js';

export function toSignedBytes(realm: Realm, buf: Buffer): number[] {
  return realm.array(Array.from(buf, (b) => (b > 127 ? b - 256 : b)));
}

/** A string (UTF-8), a byte array or a Blob, as Apps Script methods accept them. */
export function toBuffer(data: unknown): Buffer {
  if (data instanceof BlobFake) return data.bytes;
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  return Buffer.from(String(data ?? ''), 'utf8');
}

export class BlobFake {
  constructor(
    private readonly realm: Realm,
    public bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getDataAsString(_charset?: string): string {
    return this.bytes.toString('utf8');
  }

  setDataFromString(data: string): BlobFake {
    this.bytes = Buffer.from(String(data), 'utf8');
    return this;
  }

  getBytes(): number[] {
    return toSignedBytes(this.realm, this.bytes);
  }

  setBytes(data: number[]): BlobFake {
    this.bytes = toBuffer(data);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): BlobFake {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): BlobFake {
    this.name = name;
    return this;
  }

  copyBlob(): BlobFake {
    return new BlobFake(this.realm, Buffer.from(this.bytes), this.contentType, this.name);
  }

  isGoogleType(): boolean {
    return false;
  }
}
