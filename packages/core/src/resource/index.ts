// Twin of Python's `resource` module: `resource.getrlimit(resource.RLIMIT_NOFILE)`, read from
// /proc/self/limits (Linux). Beside it, what Python reads from /proc by hand: how many descriptors
// this process holds (`len(os.listdir('/proc/self/fd'))`).
export { descriptorWatch, openDescriptorCount } from './descriptors.js';
export { getrlimit, RLIM_INFINITY, RLIMIT_NOFILE } from './getrlimit.js';
