/**
 * Waits for every awaitable and resolves to their results in the order given; twin of
 * `asyncio.gather(*aws)`. The error rule: the first one to fail rejects the gather with its error
 * at once, while the others keep running (neither Python nor Node cancels them). For "wait for all,
 * never throw", use `wait`.
 *
 * @example const [a, b] = await gather(factorial('A', 3), factorial('B', 4))
 */
export function gather<T extends readonly unknown[]>(
  ...awaitables: { readonly [K in keyof T]: PromiseLike<T[K]> | T[K] }
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return Promise.all(awaitables) as Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
}
