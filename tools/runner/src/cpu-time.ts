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
 *
 * The guard: fd 5 is a pipe whose other end only the runner holds. A background subshell of the
 * wrapper blocks reading it; the read returns (end of file) only when the runner's end closes,
 * which the kernel does however the runner dies (`kill -9`, OOM, a CI timeout). The guard then
 * kills the wrapper's whole process group (the example and everything it started that stayed in
 * the group). It ignores SIGINT and SIGTERM, which the runner sends the example's tree on a stop.
 * Once the command has returned, the wrapper kills its guard and waits for it (so the pipe closes,
 * the run can end, and no guard outlives the run, not even as a zombie) and the runner kills what
 * is left in the group. The command gets neither fd 4 nor fd 5. Invoke as `bash -c CPU_SCRIPT runner <command> [args...]`.
 */
export const CPU_SCRIPT =
  "exec 4>&2 2>/dev/null; (trap '' INT TERM; read -r -u 5 _; kill -KILL 0) </dev/null >/dev/null 3>&- 4>&- & " +
  'g=$!; "$@" 2>&4 3>&- 4>&- 5<&-; s=$?; kill -KILL $g; wait $g; times >&3; exit $s';

/** The wrapper's file descriptor of the guard pipe (see `CPU_SCRIPT`). */
export const GUARD_FD = 5;

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
