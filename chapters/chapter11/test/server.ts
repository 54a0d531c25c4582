/** This chapter's servers, started as a reader does, for a test to talk to them with `connectTelnet`. */
import { packageDirOf, type RunningServer, startServerExample } from '@mc/testing';

export const packageDir = packageDirOf(import.meta.url);

/** Starts `node dist/<name>.js --port 0` and waits for `Serving on ('127.0.0.1', N)`. */
export function startServer(name: string): Promise<RunningServer> {
  return startServerExample(packageDir, name, {
    listening: /^Serving on \('127\.0\.0\.1', (\d+)\)$/m,
  });
}
