// The command line every bench script reads the same way: `--name value` pairs, with `--runs N`
// and `--max-others P` read and checked here once.

/**
 * Reads `--name value` pairs from the head of `argv`, removing them (with `all`, every argument
 * must be one), into `options`, which holds the defaults. `--runs` and `--max-others` are read and
 * checked here; `take(name, value)` reads a script's own option and returns false for a name it
 * does not know. A bad argument goes to `usage`, which prints one line and exits 2.
 */
export function readOptions(argv, options, usage, { take = () => false, all = false } = {}) {
  while (all ? argv.length > 0 : argv[0]?.startsWith('--')) {
    const [name, value] = [argv.shift(), argv.shift()];
    if (!name.startsWith('--')) usage(`unexpected argument ${name}`);
    if (value === undefined) usage(`${name} needs a value`);
    if (name === '--runs') options.runs = Number(value);
    else if (name === '--max-others') options.maxOthers = Number(value);
    else if (!take(name, value)) usage(`unknown option ${name}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs must be at least 1');
  if (!(options.maxOthers >= 0 && options.maxOthers <= 100)) usage('--max-others must be 0 to 100');
  return options;
}
