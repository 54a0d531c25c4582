/** The countdown lines a thread prints, 5 to 1. */
export function countdown(name: string): string[] {
  return [5, 4, 3, 2, 1].map((n) => `Thread ${name} counting down: ${n}...`);
}
