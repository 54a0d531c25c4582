export { EventLoopExecutor, type JobExecutor, ProcessPoolJobExecutor } from './executors.js';
export {
  BackgroundScheduler,
  BaseScheduler,
  BlockingScheduler,
  Job,
  type JobOptions,
} from './schedulers.js';
export {
  type CronFields,
  CronTrigger,
  type IntervalFields,
  IntervalTrigger,
  type Trigger,
} from './triggers.js';
