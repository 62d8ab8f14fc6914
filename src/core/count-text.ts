/** A count as the sidebars and messages write it: 20,999 (the same in every locale). */
export const countText = (n: number): string => n.toLocaleString('en-US');
