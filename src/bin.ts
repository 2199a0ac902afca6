import { main } from './main';
import type { Io } from './output/output';

/*
 * The real process: its streams, signals and exit. Everything else is in
 * main(), which any test can call in-process.
 */
const controller = new AbortController();
let interrupts = 0;
const interrupt = () => {
  interrupts++;
  controller.abort();
  if (interrupts > 1) process.exit(130);
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

// Getters: touching process.stdin (or a stream's isTTY) loads tty, net and stream code that most commands never need.
let stdoutUsed = false;
const io: Io = {
  get stdout() {
    if (!stdoutUsed) {
      stdoutUsed = true;
      // `| head` closing the pipe early is not a failure.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
      });
    }
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
  get stdoutIsTTY() {
    return !!process.stdout.isTTY;
  },
  get stderrIsTTY() {
    return !!process.stderr.isTTY;
  },
  get stdinIsTTY() {
    return !!process.stdin.isTTY;
  },
  get columns() {
    return process.stdout.columns || Number(process.env.COLUMNS) || 80;
  },
};

// A copy: the time code sets process.env.TZ while it works, and settings must see the user's own.
main(process.argv, io, { ...process.env }, controller.signal).then((code) => {
  // Exit once stdout has drained: pooled HTTP connections must not hold the process open.
  if (stdoutUsed) process.stdout.write('', () => process.exit(code));
  else process.exit(code);
});
