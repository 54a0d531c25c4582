// What `pnpm bench chapter02` measures: the speedup at 2 workers (the 1-worker `Sub took` over the
// 2-worker one, run by run), the twin's beside the original's in the same rounds.
import { defineBenchmarks } from '@mc/runner';

export default defineBenchmarks([
  {
    name: 'speedup',
    kind: 'twin',
    example: 'example1',
    measures: [
      {
        label: 'speedup at 2 workers',
        of: 'Sub took#1/Sub took#2',
        compare: 'twin/original',
        atLeast: 1,
      },
      { label: 'whole run', of: 'wall', compare: 'twin/original' },
    ],
  },
]);
