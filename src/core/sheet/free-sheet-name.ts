// A name for a new sheet that no sheet has yet, as Sheets numbers copies: "Teams", then "Teams 2".

/** `base`, or `base 2`, `base 3`, ...: the first that none of `taken` is (names match whatever their case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** Whether `name` is `base` or a copy's name freeSheetName gives for it ("Teams 2"), whatever its case. */
export function isDataName(name: string, base: string): boolean {
  const n = name.trim().toLowerCase();
  const b = base.toLowerCase();
  return b !== '' && (n === b || (n.startsWith(`${b} `) && /^[2-9]\d*$/.test(n.slice(b.length + 1))));
}
