export { type BadArguments, testBadArguments } from './bad-arguments.js';
export {
  buildOrder,
  buildPackageSetup,
  buildWithImports,
  compilePackage,
  isBuildCurrent,
} from './build-package.js';
export { type CapturedLines, type CaptureOptions, captureLines } from './capture-lines.js';
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
export { processExists } from './process-exists.js';
export { type RequestsInFlight, watchRequestsInFlight } from './requests-in-flight.js';
export { type ExampleRun, type RunExampleOptions, runExample } from './run-example.js';
export {
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
