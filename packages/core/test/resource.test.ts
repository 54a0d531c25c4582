import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLimits } from '../src/resource/getrlimit.js';
import {
  descriptorWatch,
  getrlimit,
  openDescriptorCount,
  RLIM_INFINITY,
  RLIMIT_NOFILE,
} from '../src/resource/index.js';

/** What the shell says of this process's limit: a child's limits are its parent's. */
const ulimit = (flag: string) =>
  Number(spawnSync('bash', ['-c', `ulimit ${flag}`]).stdout.toString());

const limits = `Limit                     Soft Limit           Hard Limit           Units
Max stack size            8388608              unlimited            bytes
Max open files            256                  4096                 files
`;

describe('resource.getrlimit', () => {
  it("answers this process's [soft, hard] descriptor limits, as `ulimit -Sn` and `ulimit -Hn`", () => {
    expect(getrlimit(RLIMIT_NOFILE)).toEqual([ulimit('-Sn'), ulimit('-Hn')]);
  });

  it('reads the soft limit first and the hard one second, and unlimited as RLIM_INFINITY', () => {
    expect(parseLimits(limits, RLIMIT_NOFILE)).toEqual([256, 4096]);
    expect(
      parseLimits(
        limits.replace('256                  4096', 'unlimited            unlimited'),
        RLIMIT_NOFILE,
      ),
    ).toEqual([RLIM_INFINITY, RLIM_INFINITY]);
  });

  it('refuses a resource it does not know, as Python does', () => {
    expect(() => getrlimit(99)).toThrow('invalid resource specified: 99');
  });
});

describe('open descriptors', () => {
  it('counts each descriptor this process opens, and no more once it is closed', () => {
    const before = openDescriptorCount() as number;
    const fd = openSync('/dev/null', 'r');
    expect(openDescriptorCount()).toBe(before + 1);
    closeSync(fd);
    expect(openDescriptorCount()).toBe(before);
  });

  it('keeps the most held at once above those held when the watch began', () => {
    const watch = descriptorWatch();
    watch.look();
    expect(watch.most).toBe(0);
    const fds = [openSync('/dev/null', 'r'), openSync('/dev/null', 'r')];
    watch.look();
    for (const fd of fds) closeSync(fd);
    watch.look();
    expect(watch.most).toBe(2);
  });
});
