/** Minor units (pence, cents) as the API writes an amount: always two decimals, "10.95", "-0.50". */
export function formatMinor(minor: bigint | number): string {
  const units = BigInt(minor);
  const sign = units < 0n ? '-' : '';
  const absolute = units < 0n ? -units : units;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}
