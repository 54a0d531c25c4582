// Records what core's primitives do into a file, one per process and worker thread, when the
// environment names a folder (BOOK_TRACE_DIR: the runner's `--trace` sets it). Each isolate
// subscribes to its own diagnostics channels (and to Node's and undici's HTTP and socket ones), and
// appends Trace Event Format records, a JSON object a line: `B` when a span begins, `E` when it ends
// (paired by `id`), `i` for an instant, `M` naming a lane. The runner merges the files; a span still
// open when the program was stopped has no `E`, and ends where the trace ends.
//
// Lanes: a `Thread` is a lane named as the program names it, an asyncio task too; the rest of an
// isolate's code is its own lane (`MainThread`, or `PoolWorker-N` in a pool's worker). Timestamps
// are microseconds on `performance.timeOrigin + performance.now()`, comparable across processes.
import { subscribe } from 'node:diagnostics_channel';
import { join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import {
  ASYNCIO_TASK_CHANNEL,
  type AsyncioTaskEvent,
  LOCK_CHANNEL,
  type LockEvent,
  lanes,
  PROCESS_CHANNEL,
  type ProcessEvent,
  QUEUE_CHANNEL,
  type QueueEvent,
  SLEEP_CHANNEL,
  type SleepEvent,
  type SpanKind,
  SUBMIT_CHANNEL,
  type SubmitEvent,
  TASK_CHANNEL,
  type TaskEvent,
  THREAD_CHANNEL,
  type ThreadEvent,
} from './diagnostics-events.js';

// From the loaded modules, not imported: see the note in file.ts.
const { closeSync, mkdirSync, openSync, writeSync } = process.getBuiltinModule('node:fs');

/** The environment variable naming the folder where every isolate writes its trace records. */
export const TRACE_DIRECTORY_VARIABLE = 'BOOK_TRACE_DIR';

/**
 * The environment variable that limits a recording to some kinds of span, comma-separated
 * (`task`, `lock-wait,lock-hold`): the runner's checks on every run record only what they judge.
 * Unset or empty: every kind.
 */
export const TRACE_KINDS_VARIABLE = 'BOOK_TRACE_KINDS';

/** The longest text of arguments kept in a span's name. */
const MAX_ARGUMENTS_CHARS = 60;

/** Starts recording into `directory` (once per isolate), only spans of `kinds` if given. */
export function startRecording(directory: string, kinds?: readonly SpanKind[]): void {
  mkdirSync(directory, { recursive: true });
  const recorder = new Recorder(join(directory, `${process.pid}-${threadId}.jsonl`));
  recorder.subscribeAll(kinds === undefined || kinds.length === 0 ? undefined : new Set(kinds));
}

/** The kinds a `BOOK_TRACE_KINDS` value names (none: every kind). */
export function traceKinds(value: string | undefined): SpanKind[] {
  return (value ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '') as SpanKind[];
}

class Recorder {
  readonly #fd: number;
  #buffer = '';
  readonly #laneTids = new Map<string, number>();
  #nextLane = 1;
  #nextId = 0;
  /** Open spans keyed by what ends them. */
  readonly #open = new Map<unknown, number>();
  readonly #holds = new WeakMap<object, number>();
  readonly #waits = new WeakMap<object, Map<number, number>>();

  constructor(file: string) {
    this.#fd = openSync(file, 'a');
    // A worker's event loop may sit in Atomics.wait between tasks: it writes each record at once.
    // The main thread gathers them and flushes every 50 ms (and at exit, and past 64 KB).
    if (isMainThread) setInterval(() => this.flush(), 50).unref();
    process.on('exit', () => {
      this.flush();
      closeSync(this.#fd);
    });
  }

  flush(): void {
    if (this.#buffer === '') return;
    writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  #write(record: object): void {
    this.#line(JSON.stringify(record));
  }

  /** Appends one record, already JSON (the hot path builds its lines by hand: no object, no spread). */
  #line(json: string): void {
    this.#buffer += `${json}\n`;
    if (!isMainThread || this.#buffer.length > 65536) this.flush();
  }

  #ownLane(): string {
    return lanes.own ?? (isMainThread ? 'MainThread' : `Worker-${threadId}`);
  }

  /** The tid of a lane, named in a metadata record when first seen. */
  #tid(lane: string = lanes.current() ?? this.#ownLane()): number {
    let tid = this.#laneTids.get(lane);
    if (tid === undefined) {
      const own = lane === this.#ownLane();
      tid = threadId * 1000 + (own ? 0 : this.#nextLane++);
      this.#laneTids.set(lane, tid);
      this.#write({ ph: 'M', name: 'thread_name', pid: process.pid, tid, args: { name: lane } });
    }
    return tid;
  }

  #begin(
    key: unknown,
    cat: SpanKind,
    name: string,
    tid = this.#tid(),
    pid = process.pid,
    args = '',
  ): number {
    const id = ++this.#nextId;
    if (key !== undefined) this.#open.set(key, id);
    this.#line(
      `{"ph":"B","id":${id},"cat":"${cat}","name":${quote(name)},"ts":${now()},"pid":${pid},"tid":${tid}${args}}`,
    );
    return id;
  }

  #end(key: unknown): void {
    const id = this.#open.get(key);
    if (id === undefined) return;
    this.#open.delete(key);
    this.#line(`{"ph":"E","id":${id},"ts":${now()}}`);
  }

  subscribeAll(kinds?: ReadonlySet<SpanKind>): void {
    const wanted = (...of: SpanKind[]) => kinds === undefined || of.some((kind) => kinds.has(kind));
    if (wanted('task')) this.#subscribeTasks();
    if (wanted('sleep')) {
      subscribe(SLEEP_CHANNEL, (message) => {
        const { phase, id, seconds, blocking } = message as SleepEvent;
        if (phase === 'start')
          this.#begin(id, 'sleep', `${blocking ? 'blocking sleep' : 'sleep'} ${seconds} s`);
        else this.#end(id);
      });
    }
    if (wanted('queue-wait')) {
      subscribe(QUEUE_CHANNEL, (message) => {
        const { phase, id, op } = message as QueueEvent;
        if (phase === 'start') this.#begin(id, 'queue-wait', `queue ${op}`);
        else this.#end(id);
      });
    }
    if (wanted('lock-wait', 'lock-hold')) {
      subscribe(LOCK_CHANNEL, (message) => this.#lock(message as LockEvent));
    }
    if (wanted('process')) this.#subscribeProcesses();
    if (wanted('io')) this.#subscribeIo();
  }

  /** Threads, asyncio tasks and executors' tasks: spans of kind `task`. */
  #subscribeTasks(): void {
    subscribe(THREAD_CHANNEL, (message) => {
      const { phase, name } = message as ThreadEvent;
      const key = `thread:${name}`;
      const span = name === 'MainThread' ? 'main()' : name; // runMain's main function
      if (phase === 'start') this.#begin(key, 'task', span, this.#tid(name));
      else this.#end(key);
    });
    subscribe(TASK_CHANNEL, (message) => {
      const event = message as TaskEvent & { id: number };
      if (event.threadId !== threadId) return; // forwarded from a worker, which records it itself
      const key = event.id; // core's span ids are unique across kinds in a thread
      const lane = event.lane === undefined ? undefined : this.#tid(event.lane);
      if (event.phase === 'start') this.#begin(key, 'task', call(event.name, event.args), lane);
      else this.#end(key);
    });
    subscribe(SUBMIT_CHANNEL, (message) => {
      const { name, args } = message as SubmitEvent;
      const record = { ph: 'i', s: 't', cat: 'task', name: `submit ${call(name, args)}` };
      this.#write({ ...record, ts: now(), pid: process.pid, tid: this.#tid() });
    });
    subscribe(ASYNCIO_TASK_CHANNEL, (message) => {
      const { phase, name } = message as AsyncioTaskEvent;
      const key = `asyncio:${name}`;
      if (phase === 'created') this.#begin(key, 'task', name, this.#tid(name));
      else this.#end(key);
    });
  }

  /** A child process alive, from its start to its exit, on the child's own lane. */
  #subscribeProcesses(): void {
    subscribe(PROCESS_CHANNEL, (message) => {
      const { phase, pid, name, exitcode } = message as ProcessEvent;
      const key = `process:${pid}`;
      if (phase === 'start') {
        // On the child's own lane (its pid, tid 0), named by its parent as Python names it.
        const meta = { ph: 'M', pid, tid: 0 };
        this.#write({ ...meta, name: 'process_name', args: { name } });
        this.#write({ ...meta, name: 'thread_name', args: { name } });
        this.#begin(key, 'process', `${name} (pid ${pid})`, 0, pid);
      } else {
        const id = this.#open.get(key);
        this.#open.delete(key);
        if (id !== undefined) this.#write({ ph: 'E', id, ts: now(), args: { exitcode } });
      }
    });
  }

  #lock({ phase, lock }: LockEvent): void {
    const tid = this.#tid();
    const name = lock.name ?? 'Lock';
    const args = `,"args":{"lock":${quote(name)}}`;
    if (phase === 'wait') {
      let waits = this.#waits.get(lock);
      if (waits === undefined) {
        waits = new Map();
        this.#waits.set(lock, waits);
      }
      waits.set(tid, this.#begin(undefined, 'lock-wait', `wait ${name}`, tid, process.pid, args));
      return;
    }
    const waits = this.#waits.get(lock);
    const waited = waits?.get(tid);
    if (waited !== undefined) {
      waits?.delete(tid);
      this.#line(`{"ph":"E","id":${waited},"ts":${now()}}`);
    }
    if (phase === 'acquired') {
      this.#holds.set(
        lock,
        this.#begin(undefined, 'lock-hold', `hold ${name}`, tid, process.pid, args),
      );
    } else if (phase === 'released') {
      const hold = this.#holds.get(lock);
      this.#holds.delete(lock);
      if (hold !== undefined) this.#line(`{"ph":"E","id":${hold},"ts":${now()}}`);
    }
  }

  /** HTTP requests in flight (undici's and Node's channels) and server connections (Node's). */
  #subscribeIo(): void {
    const request = (key: object, name: string) => this.#begin(key, 'io', name);
    subscribe('undici:request:create', (message) => {
      const { request: r } = message as {
        request: { method: string; origin: string; path: string };
      };
      request(r, `${r.method} ${r.origin}${r.path}`);
    });
    for (const done of ['undici:request:trailers', 'undici:request:error']) {
      subscribe(done, (message) => this.#end((message as { request: object }).request));
    }
    subscribe('http.client.request.start', (message) => {
      const { request: r } = message as { request: { method: string; host: string; path: string } };
      request(r, `${r.method} http://${r.host}${r.path}`);
    });
    for (const done of ['http.client.response.finish', 'http.client.request.error']) {
      subscribe(done, (message) => this.#end((message as { request: object }).request));
    }
    subscribe('net.server.socket', (message) => {
      const { socket } = message as {
        socket: {
          remoteAddress?: string;
          remotePort?: number;
          once(e: string, f: () => void): void;
        };
      };
      // A server's connections get a lane of their own: they belong to no thread of the program.
      const name = `connection from ${socket.remoteAddress}:${socket.remotePort}`;
      this.#begin(socket, 'io', name, this.#tid('server connections'));
      socket.once('close', () => this.#end(socket));
    });
  }
}

const quoted = new Map<string, string>();

/** A name as a JSON string, remembered: the same few names come back thousands of times. */
function quote(name: string): string {
  let json = quoted.get(name);
  if (json === undefined) {
    json = JSON.stringify(name);
    if (quoted.size < 10_000) quoted.set(name, json);
  }
  return json;
}

/** `performance.timeOrigin + performance.now()` in microseconds, read through the cheaper hrtime (one clock). */
const hrtimeMicroseconds = () => Number(process.hrtime.bigint() / 1000n);
// Taken on the first event, not when this module loads: reading `performance` loads perf_hooks,
// which every program imports core would pay for at its start.
let epochOffset: number | undefined;

function now(): number {
  epochOffset ??=
    Math.round((performance.timeOrigin + performance.now()) * 1000) - hrtimeMicroseconds();
  return epochOffset + hrtimeMicroseconds();
}

/** `isPrime(10000000000037)`, shortened when long. */
function call(name: string | undefined, args: readonly unknown[]): string {
  let text = args
    .map((arg) => (typeof arg === 'string' ? JSON.stringify(arg) : String(arg)))
    .join(', ');
  if (text.length > MAX_ARGUMENTS_CHARS) text = `${text.slice(0, MAX_ARGUMENTS_CHARS)}…`;
  return `${name || 'task'}(${text})`;
}
