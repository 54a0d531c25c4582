// From the loaded modules, not imported: see the note in file.ts.
const nodeModule = process.getBuiltinModule('node:module');

/**
 * Turns on Node's module compile cache (Node 22.1+, `module.enableCompileCache`) for the modules
 * this process loads from now on, and, through `NODE_COMPILE_CACHE`, for every child process and
 * worker thread it starts: they find the code V8 compiled for the same files on an earlier run
 * on disk instead of compiling it again. A process started with `NODE_COMPILE_CACHE` set caches
 * its own modules from the first one; `runMain` and the child entry call this, so a program's
 * children and workers always do. Never throws; `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 * Returns the cache's folder, or undefined when it is off (or on a Node without it: a reader who
 * runs a compiled example with a Node 20 of their own gets the example, uncached).
 *
 * @example enableCompileCacheForChildren() // before forking
 */
export function enableCompileCacheForChildren(): string | undefined {
  // Looked up, not imported by name: Node 20 has neither, and a named import would not link there.
  const { enableCompileCache, constants } = nodeModule as Partial<typeof nodeModule>;
  if (enableCompileCache === undefined || constants?.compileCacheStatus === undefined)
    return undefined;
  const { status, directory } = enableCompileCache();
  const on =
    status === constants.compileCacheStatus.ENABLED ||
    status === constants.compileCacheStatus.ALREADY_ENABLED;
  if (!on || directory === undefined) return undefined;
  process.env.NODE_COMPILE_CACHE ??= directory;
  return directory;
}
