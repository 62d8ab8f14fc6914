// Sizes in UTF-8 bytes: Apps Script measures Properties and Cache values so, not in characters.

/** Bytes of one code point. */
export function utf8Width(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function utf8Length(text: string): number {
  let n = 0;
  for (const char of text) n += utf8Width(char.codePointAt(0) ?? 0);
  return n;
}
