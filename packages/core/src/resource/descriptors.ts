import { readdirSync } from 'node:fs';

/** How many descriptors this process holds now (Linux), less the one this count opens itself. */
export function openDescriptorCount(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length - 1;
  } catch {
    return undefined;
  }
}

/**
 * Watches how many descriptors this process holds above those it held when made: each `look()`
 * counts them, `most` is the most seen, undefined where they cannot be counted.
 */
export function descriptorWatch(): { look(): void; readonly most: number | undefined } {
  const before = openDescriptorCount();
  let most: number | undefined;
  return {
    look() {
      const now = openDescriptorCount();
      if (before !== undefined && now !== undefined) most = Math.max(most ?? 0, now - before);
    },
    get most() {
      return most;
    },
  };
}
