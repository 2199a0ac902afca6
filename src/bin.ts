import { fstatSync, writeSync } from 'node:fs';
import { collectWhileRunning, holdYoungGeneration, settleBeforeExit } from './heap';
import { CliError } from './errors';
import { main } from './main';
import type { Io } from './output/output';

/*
 * The real process: its streams, signals and exit. Everything else is in
 * main(), which any test can call in-process.
 */
/**
 * The command's signal, made when first asked for (a command that talks to Letta or opens
 * the record asks at once; `parse` never does): setting up AbortController cost every
 * command a third of a millisecond. Ctrl-C before anyone asked leaves it made and aborted.
 */
let controller: AbortController | undefined;
const signal = () => (controller ??= new AbortController()).signal;
let interrupts = 0;
const interrupt = () => {
  interrupts++;
  (controller ??= new AbortController()).abort();
  if (interrupts > 1) process.exit(130);
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

/**
 * Output goes straight to the file descriptor: process.stdout and process.stderr
 * load Node's stream and socket code (and a terminal's), a good part of a short
 * command's start-up. The writes are synchronous, as Node's own are to files,
 * pipes and terminals on Linux. A descriptor that will not take a write now (a
 * full pipe left non-blocking by whoever made it) hands that write and every
 * later one to the stream, which queues them in order.
 */
function descriptorSink(fd: 1 | 2, stream: () => NodeJS.WriteStream) {
  let queued: NodeJS.WriteStream | undefined;
  return {
    write(text: string): boolean {
      if (queued) return queued.write(text);
      const bytes = Buffer.from(text);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // `| head` closing the pipe early is not a failure.
        if (code === 'EPIPE') return fd === 1 ? process.exit(0) : true;
        if (code !== 'EAGAIN') {
          if (fd === 1) throw outputLost(error as NodeJS.ErrnoException);
          // stderr refused it: nowhere left to say so, and the exit code must still be the command's own.
          return true;
        }
        queued = stream();
        queued.on('error', (failure: NodeJS.ErrnoException) => {
          if (failure.code === 'EPIPE') process.exit(0);
          if (fd !== 1) return;
          // Too late for main() to report: said here, so a script sees the loss in the exit code.
          stderr.write(`Error: ${outputLost(failure).message}\n`);
          process.exit(1);
        });
        return queued.write(bytes.subarray(written));
      }
      return true;
    },
    /** Calls back once everything written has left. */
    drained(callback: () => void): void {
      if (queued) queued.write('', callback);
      else callback();
    },
  };
}

/** stdout refused a write for good (a full disk, a device error): the output is lost, which is said, and no bug. */
function outputLost(error: NodeJS.ErrnoException): CliError {
  const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  return new CliError(`Could not write the output to stdout: ${reason}${error.code ? ` (${error.code})` : ''}; the rest of it is lost`);
}

/**
 * A terminal only when the descriptor is a character device other than
 * Linux's memory devices (/dev/null, /dev/zero: major number 1), so pipes,
 * files and output thrown away (`>/dev/null` in a cron job) never load the
 * terminal code.
 */
function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || (process.platform === 'linux' && ((stat.rdev >> 8) & 0xfff) === 1)) return false;
    return process.getBuiltinModule('node:tty').isatty(fd);
  } catch {
    return false;
  }
}

const stdout = descriptorSink(1, () => process.stdout);
const stderr = descriptorSink(2, () => process.stderr);
let stdoutIsTTY: boolean | undefined;
let stderrIsTTY: boolean | undefined;
const io: Io = {
  stdout,
  stderr,
  // A getter: touching process.stdin loads the stream code most commands never need.
  get stdin() {
    return process.stdin;
  },
  get stdoutIsTTY() {
    return (stdoutIsTTY ??= isTerminal(1));
  },
  get stderrIsTTY() {
    return (stderrIsTTY ??= isTerminal(2));
  },
  get stdinIsTTY() {
    return isTerminal(0);
  },
  get columns() {
    return (this.stdoutIsTTY && process.stdout.columns) || Number(process.env.COLUMNS) || 80;
  },
  // Armed once the command starts talking to Letta, not at start: the first timer sets up
  // Node's timers, a third of a millisecond that a command with no request (`parse`) does without.
  // 500 ms: a short command on a loaded machine outlasted 150 and had its later files' code cache
  // refused under the changed flags; by 1,000 a sync's young generation had grown (4 MiB more at peak).
  runsLong: once(() => {
    setTimeout(holdYoungGeneration, 500).unref();
    collectWhileRunning();
  }),
};

function once(act: () => void): () => void {
  let done = false;
  return () => {
    if (!done) act();
    done = true;
  };
}

// A copy: the time code sets process.env.TZ while it works, and settings must see the user's own.
main(process.argv, io, { ...process.env }, signal).then((code) => {
  // Exit once output has drained: pooled HTTP connections must not hold the process open.
  stdout.drained(() =>
    stderr.drained(() => {
      settleBeforeExit();
      process.exit(code);
    }),
  );
});
