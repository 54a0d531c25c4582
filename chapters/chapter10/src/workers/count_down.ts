// Worker module of example5: example1's blocking countdown, run on a worker thread.
export { countDown } from '../example1.js';
