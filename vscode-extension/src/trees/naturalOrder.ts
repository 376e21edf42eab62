/**
 * The explorers' order of names: case- and accent-blind, numbers by value (`orders_2` before
 * `orders_10`). One collator for every comparison: `localeCompare` with options makes a new one per
 * call, which was half of building the explorer's rows for 100,000 nodes.
 */
const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function naturalCompare(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
