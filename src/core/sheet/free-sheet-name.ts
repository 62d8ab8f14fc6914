// A name for a new sheet that no sheet has yet, as Sheets numbers copies: "Teams", then "Teams 2".

/** `base`, or `base 2`, `base 3`, ...: the first that none of `taken` is (names match whatever their case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}
