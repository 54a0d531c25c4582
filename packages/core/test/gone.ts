import { processExists } from '@mc/testing';

/** Polls (at most 5 s) until the process is gone: a killed child is reaped a moment later. */
export async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 200 && processExists(pid); tries++) {
    await new Promise((resume) => setTimeout(resume, 25));
  }
  return !processExists(pid);
}
