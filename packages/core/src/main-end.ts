/**
 * @internal What `runMain` does after `main` has returned, beyond joining threads: each module that
 * needs a step there adds it when it loads (multiprocessing: Python's exit rule for child
 * processes). A program that never imports that module never loads it (`child_process` and the
 * rest cost a short example's start several milliseconds), and has nothing of it to wait for.
 */
export const atMainEnd: (() => Promise<void>)[] = [];
