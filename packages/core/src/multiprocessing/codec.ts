// How values cross a process boundary: the twin of pickling. Node's IPC ('advanced' serialization,
// the structured clone) copies plain data but drops prototypes, so an instance of a user class is
// sent as its class name and its own fields, and rebuilt from the class the receiving process
// knows by that name, as unpickling finds a class by name in its module. Queues and locks are not
// copied: they travel as a reference to the one the parent holds.

/** A queue or lock sent to a child: which kind, and its number in the parent's broker. */
export interface SharedReference {
  readonly $shared: string;
  readonly id: number;
}

/** Implemented by the objects that are shared rather than copied (Queue, JoinableQueue, Lock). */
export const SHARE: unique symbol = Symbol('mc.multiprocessing.share');

interface Shareable {
  [SHARE](): SharedReference;
}

type Constructor = abstract new (...args: never[]) => unknown;

const classes = new Map<string, Constructor>();
const sharedKinds = new Map<string, (id: number) => unknown>();

/**
 * Makes classes known by name to this process, so that their instances arriving from another
 * process are rebuilt as instances of them. The classes a process's module exports are known
 * already (see `Process`), and so is every class this process has sent an instance of. Twin of
 * what pickling gets for free: finding a class by its module and name.
 *
 * @example registerClass(Task)
 */
export function registerClass(...constructors: Constructor[]): void {
  for (const cls of constructors) classes.set(cls.name, cls);
}

/** Registers every class a module exports (a module namespace from `import()`). */
export function registerExports(namespace: Record<string, unknown>): void {
  for (const value of Object.values(namespace)) {
    if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))) {
      registerClass(value as Constructor);
    }
  }
}

/** @internal How a child rebuilds a shared reference of this kind (a queue proxy, a lock proxy). */
export function registerSharedKind(kind: string, rebuild: (id: number) => unknown): void {
  sharedKinds.set(kind, rebuild);
}

/** Where a value is going: shared objects may only travel as a child's start-up arguments. */
export interface EncodeOptions {
  readonly allowShared: boolean;
}

/**
 * A value made fit for the IPC channel. Plain data is copied as it is; a class instance becomes
 * `{ $class, $state }`; a queue or lock becomes its reference.
 *
 * @throws TypeError for a function (a function travels by name, as a process target), and for a
 *   queue or lock put in a queue (Python: "Queue objects should only be shared between processes
 *   through inheritance").
 */
export function encode(value: unknown, options: EncodeOptions): unknown {
  if (typeof value === 'function') {
    throw new TypeError(
      `cannot send the function ${value.name || '<anonymous>'} to another process: pass it as a process target, by name`,
    );
  }
  if (value === null || typeof value !== 'object') return value;
  if (SHARE in value) {
    if (!options.allowShared) {
      throw new TypeError(
        'Queue and Lock objects should only be shared between processes through inheritance (as Process arguments)',
      );
    }
    return (value as Shareable)[SHARE]();
  }
  if (Array.isArray(value)) return value.map((item) => encode(item, options));
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return encodeFields(value, options);
  if (isCloneable(value)) return value;
  const cls = prototype.constructor as Constructor;
  classes.set(cls.name, cls);
  return { $class: cls.name, $state: encodeFields(value, options) };
}

function encodeFields(value: object, options: EncodeOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) fields[key] = encode(field, options);
  return fields;
}

/** What the structured clone copies faithfully by itself. */
function isCloneable(value: object): boolean {
  return (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Error ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  );
}

/**
 * The value an `encode` made, rebuilt in this process: class instances as instances of the class
 * known here by that name (fields assigned, constructor not run, as unpickling does).
 *
 * @throws TypeError naming the class when this process knows no class by that name.
 */
export function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$shared === 'string' && typeof record.id === 'number') {
    const rebuild = sharedKinds.get(record.$shared);
    if (!rebuild) throw new TypeError(`cannot rebuild a shared ${record.$shared} here`);
    return rebuild(record.id);
  }
  if (typeof record.$class === 'string') {
    const cls = classes.get(record.$class);
    if (!cls) {
      throw new TypeError(
        `an instance of class ${record.$class} arrived, but this process knows no class of that name: export it from the module of the process's target or call registerClass(${record.$class})`,
      );
    }
    return Object.assign(Object.create(cls.prototype), decode(record.$state));
  }
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) fields[key] = decode(field);
  return fields;
}
