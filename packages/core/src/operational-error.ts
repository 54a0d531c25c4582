/**
 * Errors a user causes rather than a bug: a server that is not there, a host that does not exist,
 * a missing file, a port already taken. `runMain` prints them as one line (exit status 1) instead
 * of a stack, which would only point into Node's internals. The list is small and explicit: an
 * error it does not name is a bug, and keeps its stack.
 */
import { EOFError } from './errors.js';

/** What a Node system error carries (`connect ECONNREFUSED 127.0.0.1:1`), all optional. */
interface SystemErrorFields {
  readonly code?: unknown;
  readonly syscall?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
  readonly path?: unknown;
  readonly dest?: unknown;
  readonly errors?: unknown;
  readonly cause?: unknown;
}

/** Why, for each system error code a user can cause, in words. */
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused, nothing listens there',
  ECONNRESET: 'the connection was reset by the other side',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be resolved now',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available on this machine',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
};

/** Why, for each undici error code (undici's `request` and Node's `fetch`), in words. */
const UNDICI_REASONS: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'timed out while connecting',
  UND_ERR_HEADERS_TIMEOUT: 'the server took too long to answer',
  UND_ERR_BODY_TIMEOUT: 'the server took too long to send the body',
  UND_ERR_SOCKET: 'the connection closed before the answer was complete',
};

/** File syscalls in words; any other is named as it is. */
const FILE_VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  scandir: 'read the folder',
  opendir: 'read the folder',
  mkdir: 'create the folder',
  stat: 'find',
  lstat: 'find',
  access: 'find',
  unlink: 'delete',
  rmdir: 'delete the folder',
  rename: 'rename',
  copyfile: 'copy',
  write: 'write',
};

/** The syscalls that reach for a network address rather than a file. */
const NETWORK_SYSCALLS = new Set(['connect', 'getaddrinfo', 'listen', 'bind', 'read', 'write']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** `127.0.0.1:8080`, `example.com`, or undefined when the error names no address. */
function networkTarget(error: SystemErrorFields): string | undefined {
  const host = text(error.address) ?? text(error.hostname);
  if (host === undefined) return undefined;
  const port = text(error.port);
  return port === undefined ? host : `${host}:${port}`;
}

/** What was being done when the system error struck, as `cannot connect to 127.0.0.1:1`. */
function attempt(error: SystemErrorFields): string | undefined {
  const syscall = text(error.syscall);
  const target = networkTarget(error);
  if (syscall === 'getaddrinfo') {
    const host = text(error.hostname) ?? target;
    return host === undefined ? 'cannot look up the host' : `cannot look up ${host}`;
  }
  if (syscall === 'listen' || syscall === 'bind') {
    return target === undefined ? 'cannot listen' : `cannot listen on ${target}`;
  }
  const path = text(error.path);
  // A read or write on a socket names no path; on a file, it names the file.
  if (
    target !== undefined ||
    (syscall !== undefined && NETWORK_SYSCALLS.has(syscall) && path === undefined)
  ) {
    return target === undefined ? 'connection failed' : `cannot connect to ${target}`;
  }
  if (syscall === 'spawn' || syscall?.startsWith('spawn ')) {
    return `cannot run ${path ?? syscall.slice('spawn '.length)}`;
  }
  if (path === undefined) return syscall === undefined ? undefined : `${syscall} failed`;
  const dest = text(error.dest);
  return `cannot ${FILE_VERBS[syscall ?? 'open'] ?? syscall} ${path}${dest === undefined ? '' : ` -> ${dest}`}`;
}

/** The one-line description of one error object, without looking at its causes. */
function describeOne(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as SystemErrorFields;
  const name = (error as { name?: unknown }).name;
  // input() at the end of standard input: the last line of Python's traceback, as a user's end.
  if (error instanceof EOFError) return `EOFError: ${error.message}`;
  if (name === 'TimeoutError') {
    return 'timed out: the deadline given to the operation passed (TimeoutError)';
  }
  const code = text(fields.code);
  if (code === undefined) return undefined;
  const undiciReason = UNDICI_REASONS[code];
  if (undiciReason !== undefined) return `request failed: ${undiciReason} (${code})`;
  const reason = SYSTEM_REASONS[code];
  if (reason === undefined) return undefined;
  // Node reports a refused connection to a name with several addresses (localhost: ::1 and
  // 127.0.0.1) as an AggregateError whose parts carry the addresses.
  const parts = Array.isArray(fields.errors) ? (fields.errors as SystemErrorFields[]) : [];
  const where =
    attempt(fields) ??
    parts.map(attempt).find((found) => found !== undefined) ??
    'operation failed';
  return `${where}: ${reason} (${code})`;
}

/**
 * One line saying what failed and why, when `error` (or an error in its `cause` chain: Node's
 * `fetch` wraps the system error as `TypeError: fetch failed`) is an operational error a user can
 * cause: a refused, reset or timed-out connection, an unknown host, a missing or forbidden file, a
 * port in use, too many open files, an undici socket or timeout error, an `AbortSignal.timeout`
 * deadline. `undefined` for anything else, which is a bug and deserves its stack. Python has no
 * single twin; it maps the same errno values to `ConnectionRefusedError`, `FileNotFoundError`,
 * `PermissionError` and so on, and prints them with a traceback.
 *
 * @example describeOperationalError(refused) // 'cannot connect to 127.0.0.1:1: connection refused, nothing listens there (ECONNREFUSED)'
 */
export function describeOperationalError(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    const line = describeOne(current);
    if (line !== undefined) return line;
    current =
      typeof current === 'object' && current !== null
        ? (current as SystemErrorFields).cause
        : undefined;
  }
  return undefined;
}
