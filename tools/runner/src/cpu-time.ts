/**
 * Exact CPU time of a whole process tree without native code: the example runs under bash, and
 * bash's builtin `times` prints (second line) the user and system CPU of every child it waited for,
 * which the kernel accumulates down the tree (threads, and every descendant that its parent reaped).
 */

/**
 * The bash script that wraps every command: run it with fd 3 closed (so descendants cannot hold the
 * report pipe open), keep its status, print `times` on fd 3, exit with the command's status. Bash's
 * own stderr goes to /dev/null (the command keeps the real one, through fd 4) so that its job
 * report (`Terminated`) for a command stopped at its limit never mixes with the example's output.
 * Invoke as `bash -c CPU_SCRIPT runner <command> [args...]`.
 */
export const CPU_SCRIPT = 'exec 4>&2 2>/dev/null; "$@" 2>&4 3>&- 4>&-; s=$?; times >&3; exit $s';

const clock = /(\d+)m(\d+(?:\.\d+)?)s/g;

/** Seconds in one `times` line (`0m1.250s 0m0.031s`): user plus system. */
function lineSeconds(line: string): number | null {
  const parts = [...line.matchAll(clock)];
  if (parts.length !== 2) return null;
  return parts.reduce(
    (sum, [, minutes, seconds]) => sum + Number(minutes) * 60 + Number(seconds),
    0,
  );
}

/**
 * Parses bash's `times` output and returns the children's user + system CPU seconds, or null when
 * the output is missing or malformed (bash itself was killed before it could print).
 */
export function parseTimes(output: string): number | null {
  const lines = output.trim().split('\n');
  if (lines.length < 2) return null;
  const seconds = lineSeconds(lines[1] ?? '');
  return seconds === null ? null : Math.round(seconds * 1000) / 1000;
}
