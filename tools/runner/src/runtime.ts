import { availableParallelism } from 'node:os';

/** What the examples of a run ran on: the runner's own Node (every example is spawned with it). */
export interface Runtime {
  /** `process.version` of the runner, hence of every example and its children: `v24.21.0`. */
  readonly node: string;
  /** `process.platform` and `process.arch`: `linux-x64`. */
  readonly platform: string;
  /** `os.availableParallelism()`: the cores the examples could use. */
  readonly cpus: number;
}

/** The runtime this process runs on; the report records it (rows and the Markdown's first line). */
export function currentRuntime(): Runtime {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
  };
}

/** `Node v24.21.0 (linux-x64, 2 CPUs)`. */
export function runtimeText(runtime: Runtime): string {
  return `Node ${runtime.node} (${runtime.platform}, ${runtime.cpus} CPU${runtime.cpus === 1 ? '' : 's'})`;
}
