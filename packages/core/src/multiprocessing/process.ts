import { type ChildProcess, fork } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publishProcess } from '../diagnostics.js';
import { RuntimeError } from '../errors.js';
import { atMainEnd } from '../main-end.js';
import { sleep } from '../time/sleep.js';
import { serve } from './broker.js';
import { encode, registerExports } from './codec.js';
import { isMessage, type StartMessage } from './messages.js';

// From the loaded modules, not imported: see the note in ../file.ts.
const { existsSync, realpathSync } = process.getBuiltinModule('node:fs');

/** Options of a `Process`, as the keyword arguments of Python's `multiprocessing.Process`. */
export interface ProcessOptions<A extends unknown[] = unknown[]> {
  /** Defaults to `<ClassName>-N`, N counting every process object this program created. */
  name?: string;
  /**
   * The function `run` calls in the child. It travels by name, as Python pickles a function by
   * reference: it must be exported, under its own name, from `module`.
   */
  target?: (...args: A) => unknown;
  /** Copied to the child (see `Queue` for what travels how); queues and locks are shared. */
  args?: A;
  /** Terminated when the main program ends instead of waited for. */
  daemon?: boolean;
  /**
   * The module that exports `target` and, for a subclass, the subclass: the child imports it, so
   * it must run its program only under a main guard. Default: the program's main script, as
   * Python's spawn re-imports `__main__`. Under a test runner, pass `import.meta.url`.
   */
  module?: string | URL;
}

type Role = StartMessage['role'];

interface Internals {
  readonly target: ((...args: never[]) => unknown) | undefined;
  readonly args: readonly unknown[];
  readonly module: string | undefined;
  readonly identity: readonly number[];
  role: Role;
  /** True for the object that stands for the process running this code. */
  readonly self: boolean;
  child?: ChildProcess;
  /** The child forked when the object was made, booting while the program goes on (see `start`). */
  spare?: ChildProcess;
  exitcode: number | null;
  exited?: Promise<void>;
}

const internals = new WeakMap<Process, Internals>();
/** Python's `_identity` of the process running this code: [] in the main process. */
let ownIdentity: readonly number[] = [];
let created = 0;
const live = new Set<Process>();
let current: Process | undefined;

/**
 * A process: an OS process running `run`, twin of Python's `multiprocessing.Process`. Pass a
 * `target` (and `args`), or subclass it and override `run`; then `start()`, `join(timeout)`,
 * `isAlive()`, `terminate()`, `pid`, `exitcode`, `name`, `daemon`.
 *
 * `start()` forks Node on core's child entry, which imports `module` and finds the target (or the
 * subclass) there by its exported name, rebuilds the process object from a copy of its fields, and
 * calls `run`. Its output goes straight to the parent's stdout and stderr. An error thrown by
 * `run` prints `Process NAME:` and the stack to stderr and ends the child with exitcode 1; the
 * parent goes on. A child ends when its parent does (it exits when the IPC channel closes).
 * `runMain` applies Python's exit rule: live daemons are terminated, the others waited for.
 *
 * @example new Process({ target: countDown, args: ['A', 0.5] }).start()
 */
export class Process<A extends unknown[] = unknown[]> {
  name: string;
  daemon: boolean;

  constructor(options: ProcessOptions<A> = {}) {
    created += 1;
    const identity = [...ownIdentity, created];
    this.name = options.name ?? `${new.target.name}-${identity.join(':')}`;
    this.daemon = options.daemon ?? false;
    internals.set(this, {
      target: options.target as Internals['target'],
      args: options.args ?? [],
      module: options.module === undefined ? undefined : String(options.module),
      identity,
      role: 'process',
      self: false,
      exitcode: null,
      spare: spareChild(options.target !== undefined || new.target !== Process, options.module),
    });
  }

  /** The process's work, run in the child. Calls `target(...args)` unless a subclass overrides it. */
  run(): unknown {
    const { target, args } = own(this);
    return target?.(...(args as never[]));
  }

  /**
   * Starts the child process, with `pid` set at once, and resolves once the child runs: it has
   * loaded Node and its module and is calling `run` (or once it has exited, if it never got that
   * far). Python's fork makes a child that runs at once; Node's child must first boot, which
   * takes tens to hundreds of milliseconds. So the child is forked when the object is made (it
   * boots and imports the module while the program goes on, and exits with the program if never
   * started), `start()` hands it its work, and `await p.start()` keeps what is left of the boot out
   * of the time the program sleeps or measures next (`p1.start(); sleep(1); p2.start()` keeps its
   * order and its timing at any time scale). Not awaited, it returns at once. It never rejects. Its arguments and fields
   * are copied now, so an error about what cannot travel (a function, a queue inside an item) is
   * thrown here, synchronously, as Python's pickling errors are.
   *
   * @example await p.start()
   * @throws RuntimeError when started twice; TypeError for a target without a name.
   */
  start(): Promise<void> {
    const internal = own(this);
    if (internal.self) throw new RuntimeError('a process cannot start itself');
    if (internal.child) throw new RuntimeError('cannot start a process twice');
    const start = startMessage(this, internal);
    const spare = internal.spare;
    internal.spare = undefined;
    const child =
      spare && spare.exitCode === null && spare.signalCode === null && spare.connected
        ? spare
        : forkChild();
    child.ref();
    child.channel?.ref();
    internal.child = child;
    live.add(this);
    publishProcess({ phase: 'start', pid: child.pid ?? 0, name: this.name });
    internal.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        internal.exitcode = code ?? -(signal ? constants.signals[signal] : 0);
        publishProcess({
          phase: 'exit',
          pid: child.pid ?? 0,
          name: this.name,
          exitcode: internal.exitcode,
        });
        live.delete(this);
        resolve();
      });
    });
    child.once('error', (error) =>
      process.stderr.write(`Process ${this.name}: ${error.message}\n`),
    );
    serve(child);
    const running = new Promise<void>((resolve) => {
      const onMessage = (message: unknown) => {
        if (!isMessage(message) || message.mc !== 'running') return;
        child.off('message', onMessage);
        resolve();
      };
      child.on('message', onMessage);
      void internal.exited?.then(() => {
        child.off('message', onMessage);
        resolve();
      });
    });
    // Sent at once: a child keeps the messages that arrive before it listens. A child this object
    // terminated or killed meanwhile may be gone before it arrives: a stop asked for, not an error
    // (`killed`: the signal was sent). A child that died by itself is reported as an error.
    runnableModule(start.module).then(
      (module) =>
        child.connected &&
        child.send({ ...start, module }, (error) => {
          if (error && !child.killed) child.emit('error', error);
        }),
      (error: Error) => {
        process.stderr.write(`Process ${this.name}:\n${error.stack ?? error.message}\n`);
        child.kill('SIGKILL');
      },
    );
    return running;
  }

  /**
   * Waits until the child has exited, or until `timeout` seconds (scaled) have passed; it never
   * stops the child. Like Python's, it returns nothing either way: check `isAlive()` or `exitcode`.
   *
   * @throws RuntimeError when the process was never started.
   */
  async join(timeout?: number): Promise<void> {
    const { exited } = own(this);
    if (!exited) throw new RuntimeError('can only join a started process');
    if (timeout === undefined) return exited;
    const stopWaiting = new AbortController();
    const expired = sleep(timeout, { signal: stopWaiting.signal }).catch(() => undefined);
    await Promise.race([exited, expired]);
    stopWaiting.abort();
  }

  /** True from `start()` until the child has exited. Twin of `is_alive()`. */
  isAlive(): boolean {
    const internal = own(this);
    return internal.self || (internal.child !== undefined && internal.exitcode === null);
  }

  /** Sends the child SIGTERM; its `exitcode` becomes -15. Twin of `terminate()`. */
  terminate(): void {
    own(this).child?.kill('SIGTERM');
  }

  /** Sends the child SIGKILL; its `exitcode` becomes -9. Twin of `kill()`. */
  kill(): void {
    own(this).child?.kill('SIGKILL');
  }

  /** The OS process id: undefined before `start()`. Twin of `pid`. */
  get pid(): number | undefined {
    const internal = own(this);
    return internal.self ? process.pid : internal.child?.pid;
  }

  /**
   * How the child ended: null while it runs, 0 when `run` returned, 1 when it threw, minus the
   * signal number when a signal killed it (-15 after `terminate()`). Twin of `exitcode`.
   */
  get exitcode(): number | null {
    return own(this).exitcode;
  }
}

function own(process: Process): Internals {
  const internal = internals.get(process);
  if (!internal) throw new RuntimeError('Process.__init__ was not called (call super() first)');
  return internal;
}

function startMessage(process: Process, internal: Internals): StartMessage {
  const { target } = internal;
  if (target && !target.name) {
    throw new TypeError(
      'a process target travels by name: give a named function exported from its module',
    );
  }
  const cls = process.constructor as typeof Process;
  const className = cls === Process ? null : cls.name;
  const needsModule = target !== undefined || className !== null;
  return {
    mc: 'start',
    module: needsModule ? (internal.module ?? mainModule()) : null,
    className,
    targetName: target?.name ?? null,
    state: encode({ ...process }, { allowShared: true }),
    args: encode(internal.args, { allowShared: true }),
    identity: internal.identity,
    role: internal.role,
  };
}

/** @internal The program's main script, which a child re-imports to find targets and classes by name. */
export function mainModule(): string {
  const script = globalThis.process.argv[1];
  if (!script) throw new TypeError('no main script to find the target in: pass `module`');
  return pathToFileURL(realpathSync(script)).href;
}

function forkChild(): ChildProcess {
  // The parent's own binary (fork's default, said once here): the Node 24 the project brings.
  return fork(childEntry(), [], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
}

/**
 * A child forked ahead of `start()`, unreferenced (it keeps nothing alive, and exits when this
 * process does), told to import the module its target or class will come from.
 */
function spareChild(needsModule: boolean, given: string | URL | undefined): ChildProcess {
  const child = forkChild();
  child.unref();
  child.channel?.unref();
  child.on('error', () => {});
  let module: string | undefined;
  try {
    if (needsModule) module = given === undefined ? mainModule() : String(given);
  } catch {
    // No main script to preload: start() reports it.
  }
  if (module !== undefined) {
    runnableModule(module).then(
      // A child stopped meanwhile misses it: the start message's send reports what is an error.
      (runnable) =>
        runnable &&
        child.connected &&
        child.send({ mc: 'preload', module: runnable }, () => undefined),
      () => undefined,
    );
  }
  return child;
}

/** Core's child entry, always compiled JavaScript (from source, the one in dist/). */
function childEntry(): string {
  const here = import.meta.url;
  const entry = here.endsWith('.ts')
    ? new URL('../../dist/multiprocessing/child.js', here)
    : new URL('./child.js', here);
  return fileURLToPath(entry);
}

/**
 * @internal A module URL a plain `node` child can import: the module itself when it is
 * JavaScript, else (under a test runner, from TypeScript source) its compiled copy. esbuild is
 * loaded only then.
 */
export async function runnableModule(module: string | null): Promise<string | null> {
  if (module === null) return null;
  const javascript = module.replace(/\.(m?)ts$/, '.$1js');
  if (existsSync(fileURLToPath(javascript))) {
    // Its classes, known here too, rebuild what the children send back. The module is loaded
    // already (it is the main script, or it exported the target), so this costs nothing; but it
    // is not awaited: a main script still in its top-level await is not evaluated yet, and its
    // import settles only when it is, so a program awaiting `start()` there would wait forever.
    void import(javascript).then(registerExports, () => undefined);
    return javascript;
  }
  const { resolveWorkerModule } = await import('../worker-module.js');
  return resolveWorkerModule(javascript);
}

/**
 * The process running this code: `MainProcess` in the main program, the child's own process
 * object (its name, its pid) in a child. Twin of `multiprocessing.current_process()`.
 *
 * @example print(currentProcess().name)
 */
export function currentProcess(): Process {
  if (!current) {
    current = Object.assign(Object.create(Process.prototype) as Process, {
      name: 'MainProcess',
      daemon: false,
    });
    internals.set(current, {
      target: undefined,
      args: [],
      module: undefined,
      identity: [],
      role: 'process',
      self: true,
      exitcode: null,
    });
  }
  return current;
}

/**
 * The children started by this process that have not exited yet. Twin of
 * `multiprocessing.active_children()`.
 */
export function activeChildren(): Process[] {
  return [...live];
}

/**
 * @internal Python's exit rule for child processes, which `runMain` applies when the main program
 * ends (and a child when its `run` ends): terminate every live daemon child, then wait for every
 * child.
 */
export async function shutdownProcesses(): Promise<void> {
  for (const child of live) if (child.daemon) child.terminate();
  while (live.size > 0) await Promise.all([...live].map((child) => child.join()));
}
atMainEnd.push(shutdownProcesses);

/** @internal For the child entry: `process` is the one running here. */
export function adopt(
  process: Process,
  details: Pick<Internals, 'target' | 'args' | 'identity' | 'role'>,
): void {
  internals.set(process, { ...details, module: undefined, self: true, exitcode: null });
  ownIdentity = details.identity;
  current = process;
}

/** @internal For `Pool`: makes a process a pool worker, and gives its IPC channel. */
export function poolWorker(process: Process): () => ChildProcess | undefined {
  const internal = own(process);
  internal.role = 'pool-worker';
  return () => internal.child;
}
