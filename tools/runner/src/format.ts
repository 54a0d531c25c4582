/** Seconds with two decimals, or `-` when unknown. */
export function seconds(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(2);
}

/** A ratio with two decimals, or `-` when unknown. */
export function ratio(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(2);
}

/** Milliseconds with one decimal, from seconds. */
export function millis(value: number): string {
  return `${(value * 1000).toFixed(1)} ms`;
}
