// What `pnpm bench chapter07` measures: example1's whole run (start to exit), the twin's wall time
// over the original's in the same rounds.
import { defineBenchmarks } from '@mc/runner';

export default defineBenchmarks([
  {
    name: 'reduction',
    kind: 'twin',
    example: 'example1',
    measures: [{ label: 'whole run', of: 'wall', compare: 'twin/original', atMost: 2 }],
  },
]);
