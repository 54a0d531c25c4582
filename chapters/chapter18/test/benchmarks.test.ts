import { describeBenchmarks } from '@mc/testing/declaration-test';
import benchmarks from '../src/benchmarks.js';

describeBenchmarks(benchmarks, import.meta.url);
