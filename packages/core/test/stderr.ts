/**
 * Collects what this process writes to stderr, instead of printing it, until disposed:
 * `using stderr = captureStderr()`, then `stderr.written`.
 */
export function captureStderr(): { readonly written: string[] } & Disposable {
  const written: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((text: string | Uint8Array) =>
    written.push(String(text)) > 0) as typeof write;
  return {
    written,
    [Symbol.dispose]: () => {
      process.stderr.write = write;
    },
  };
}
