/** This chapter's servers, started as a reader does, for a test to talk to them with `connectTelnet`. */
import { packageDirOf, type RunningServer, startServerExample } from '@mc/testing';

export const packageDir = packageDirOf(import.meta.url);

/** Starts `node dist/<name>.js --port 0` and waits for its start-up line. */
export function startServer(name: string): Promise<RunningServer> {
  return startServerExample(packageDir, name, {
    listening: /^Server up, running, and waiting for call on localhost (\d+)$/m,
  });
}
