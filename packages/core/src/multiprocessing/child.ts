// The entry of every child process `Process` and `Pool` fork. It stays small on purpose (Node's
// built-ins and this folder only): what a child imports is paid at every start. It receives what
// to run, imports the module that exports it, rebuilds the process object and runs it. It exits when its parent's IPC channel closes, so no child outlives its parent.
import { enableCompileCacheForChildren } from '../compile-cache.js';
import { systemErrorFields } from '../errors.js';
import { flush, settle, tellParent } from './client.js';
import { decode, encode, registerExports } from './codec.js';
import './lock.js';
import { isMessage, type ResultMessage, type StartMessage, type TaskMessage } from './messages.js';
import { adopt, Process, shutdownProcesses } from './process.js';
import './queue.js';

type Namespace = Record<string, unknown>;

// The target's module (imported below) and the children this child starts load compiled code
// from the cache: a parent outside runMain (a test, say) may not have turned it on.
enableCompileCacheForChildren();

const modules = new Map<string, Promise<Namespace>>();
let started = false;

// The parent is gone (or, for a pool worker, done with it): nothing may outlive it.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: unknown) => {
  if (settle(message) || !isMessage(message)) return;
  if (message.mc === 'start' && !started) {
    started = true;
    void runProcess(message);
  } else if (message.mc === 'preload') {
    load(message.module).catch(() => undefined);
  } else if (message.mc === 'task') {
    void runTask(message);
  }
});

function load(module: string): Promise<Namespace> {
  let namespace = modules.get(module);
  if (!namespace) {
    namespace = import(module).then((loaded: Namespace) => {
      registerExports(loaded);
      return loaded;
    });
    modules.set(module, namespace);
  }
  return namespace;
}

function exported<T>(namespace: Namespace, name: string, module: string, what: string): T {
  const value = namespace[name];
  if (typeof value !== 'function') {
    throw new TypeError(
      `${module} exports no ${what} named '${name}' (a process's ${what} travels by name: export it from that module)`,
    );
  }
  return value as T;
}

async function runProcess(start: StartMessage): Promise<void> {
  const name = (start.state as { name?: string }).name ?? 'Process';
  let code = 0;
  try {
    const namespace = start.module ? await load(start.module) : {};
    const module = start.module ?? '';
    const cls =
      start.className === null
        ? Process
        : exported<typeof Process>(namespace, start.className, module, 'class');
    const target =
      start.targetName === null
        ? undefined
        : exported<(...args: never[]) => unknown>(namespace, start.targetName, module, 'target');
    const self = Object.assign(Object.create(cls.prototype) as Process, decode(start.state));
    adopt(self, {
      target,
      args: decode(start.args) as unknown[],
      identity: start.identity,
      role: start.role,
    });
    // The parent's start() returns now, as Python's returns once the child exists and runs.
    tellParent({ mc: 'running' });
    if (start.role === 'pool-worker') return;
    await self.run();
  } catch (error) {
    process.stderr.write(`Process ${name}:\n${describe(error)}\n`);
    code = 1;
  }
  await shutdownProcesses();
  await flush();
  process.exit(code);
}

async function runTask(task: TaskMessage): Promise<void> {
  try {
    const namespace = await load(task.module);
    const work = exported<(...args: unknown[]) => unknown>(
      namespace,
      task.name,
      task.module,
      'target',
    );
    // As Python's worker runs a chunk: one call after another, stopping at the first error.
    const values: unknown[] = [];
    for (const args of task.chunk) {
      values.push(encode(await work(...(decode(args) as unknown[])), { allowShared: false }));
    }
    tellParent({ mc: 'result', id: task.id, value: values } satisfies ResultMessage);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    tellParent({
      mc: 'result',
      id: task.id,
      error: failure,
      errorName: failure.name,
      errorFields: systemErrorFields(failure),
    } satisfies ResultMessage);
  }
}

function describe(error: unknown): string {
  return error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : String(error);
}
