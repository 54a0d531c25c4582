/**
 * Runs the program's main coroutine to its end and returns its result: twin of
 * `asyncio.run(main())` (and of `loop.run_until_complete(main())`). Node's event loop is implicit
 * and always running, so there is no loop to create, get or close; a JavaScript async function has
 * already started when called, where Python's coroutine waits for the loop. Unlike `asyncio.run`,
 * tasks still pending when `main` returns are not cancelled (a promise cannot be): `runMain` ends
 * the program without them, as Python's exit would.
 *
 * @example const result = await run(main())
 */
export async function run<T>(main: PromiseLike<T>): Promise<T> {
  return await main;
}
