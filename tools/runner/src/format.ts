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

/**
 * The runner's measured overhead per example, in words: a difference of two noisy medians can come
 * out below 1 ms or even negative, which means the runner adds less than the noise can show.
 *
 * @example overheadText(0.0042) // '4.2 ms'; overheadText(-0.009) // 'under 1 ms (within measurement noise)'
 */
export function overheadText(value: number): string {
  return value < 0.001 ? 'under 1 ms (within measurement noise)' : millis(value);
}
