export { type BadArguments, testBadArguments } from './bad-arguments.js';
export {
  benchmarkProblems,
  type DeclaredBenchmark,
  type DeclaredMeasure,
} from './benchmark-problems.js';
export {
  buildOrder,
  buildPackageSetup,
  buildWithImports,
  compilePackage,
  isBuildCurrent,
} from './build-package.js';
export {
  type CapturedLines,
  type CaptureOptions,
  captureLines,
  interceptPrinted,
} from './capture-lines.js';
export {
  type ChildrenWatch,
  childrenOf,
  runUntil,
  type StoppedRun,
  watchChildren,
} from './child-processes.js';
export { type DeclaredChapter, declarationProblems } from './declaration-problems.js';
export {
  OVERLAP_PROBE_MODULE,
  oneCpuReason,
  type ProbeOptions,
  type ProbeReport,
  type ProbeResult,
  type ProbeTask,
  probeOverlap,
} from './overlap-probe.js';
export { packageDirOf } from './package-dir.js';
export { numberAfter, tookSeconds } from './printed-lines.js';
export { processExists } from './process-exists.js';
export { type RequestsInFlight, watchRequestsInFlight } from './requests-in-flight.js';
export {
  type ExampleRun,
  exampleRunner,
  type RunExampleOptions,
  runExample,
} from './run-example.js';
export {
  BLOCKED_SECONDS,
  DEFAULT_LIMIT_SECONDS,
  type ExampleExit,
  RunningExample,
  type RunningServer,
  type StartExampleOptions,
  type StartServerOptions,
  startExample,
  startProgram,
  startServerExample,
} from './running-example.js';
export { connectionRefused, connectTelnet, TelnetClient } from './telnet-client.js';
export { chapterTestConfig } from './vitest-config.js';
export { PATIENCE_SECONDS } from './wait-until.js';
export { type TimersWatch, watchTimers } from './watch-timers.js';
