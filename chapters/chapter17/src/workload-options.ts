import { numberOption, parseOptions, UsageError, wholeNumber } from '@mc/core';

/** The book's thread count: 1000 threads, one operation each. */
export const BOOK_THREADS = 1000;

/** The operations run by default: enough that the workers' loops overlap on every run. */
export const DEFAULT_OPERATIONS = 1_000_000;

/**
 * The most operations a run may ask for: 10 times the default, a few seconds of work and 40 MB of
 * shared list for example2. More would run for minutes (10^12 for hours) or fail to allocate.
 */
export const MAX_OPERATIONS = 10_000_000;

/** Worker threads by default, as a first prototype measured (one worker per book thread took 41 to 64 s to start). */
export const DEFAULT_WORKERS = 4;

/** What an example of this chapter was asked to run. */
export interface Workload<Form extends string> {
  /** Operations in all (the book's threads, each doing one). */
  readonly operations: number;
  /** Worker threads sharing them. */
  readonly workers: number;
  readonly form: Form;
}

/**
 * Reads `--operations N` (in all, at most `MAX_OPERATIONS`; the book's 1000 threads did one each), `--workers W` and `--<formOption> F`
 * (one of `forms`, the first by default) from the command line.
 *
 * @throws UsageError, one line naming the valid options.
 */
export function parseWorkload<Form extends string>(
  argv: readonly string[],
  formOption: string,
  forms: readonly [Form, ...Form[]],
): Workload<Form> {
  const usage = `valid options: --operations N (the book's: ${BOOK_THREADS}, at most ${MAX_OPERATIONS}), --workers W, --${formOption} ${forms.join('|')}`;
  const { values } = parseOptions(
    {
      args: [...argv],
      options: {
        operations: { type: 'string' },
        workers: { type: 'string' },
        [formOption]: { type: 'string' },
      },
    },
    usage,
  );
  const operations = numberOption(
    'operations',
    values.operations as string | undefined,
    wholeNumber(1, MAX_OPERATIONS),
    usage,
  );
  const workers = numberOption(
    'workers',
    values.workers as string | undefined,
    wholeNumber(1, 64),
    usage,
  );
  const form = (values[formOption] as string | undefined) ?? forms[0];
  if (!(forms as readonly string[]).includes(form)) {
    throw new UsageError(
      `--${formOption} must be one of ${forms.join(', ')}, got '${form}'; ${usage}`,
    );
  }
  return {
    operations: operations ?? DEFAULT_OPERATIONS,
    workers: workers ?? DEFAULT_WORKERS,
    form: form as Form,
  };
}
