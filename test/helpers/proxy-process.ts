import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli';

/** One request the proxy handled, as test/helpers/forward-proxy.mjs reports it. */
export interface ProxiedRequest {
  kind: 'connect' | 'forward' | 'closed';
  method?: string;
  target: string;
  answered?: number;
  proxyAuthorization?: string | null;
  authorization?: string | null;
  /** For a closed tunnel: whether the watched text crossed it in clear. */
  sawWatchedText?: boolean;
}

/** The forward proxy as its own process on 127.0.0.1. */
export class ProxyProcess {
  readonly handled: ProxiedRequest[] = [];
  url = '';
  private child?: ChildProcess;

  constructor(private readonly options: { auth?: string; connectStatus?: number; watch?: string } = {}) {}

  start(): Promise<this> {
    const args = [join(ROOT, 'test', 'helpers', 'forward-proxy.mjs')];
    if (this.options.auth) args.push('--auth', this.options.auth);
    if (this.options.connectStatus) args.push('--connect-status', String(this.options.connectStatus));
    if (this.options.watch) args.push('--watch', this.options.watch);
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      let pending = '';
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`the proxy exited with ${code} before listening`)));
      child.stdout!.setEncoding('utf8').on('data', (data: string) => {
        pending += data;
        for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          const port = /^port (\d+)$/.exec(line);
          if (port) {
            this.url = `http://127.0.0.1:${port[1]}`;
            resolve(this);
          } else {
            this.handled.push(JSON.parse(line) as ProxiedRequest);
          }
        }
      });
    });
  }

  /** The report of a closing tunnel may trail the CLI's exit by a moment. */
  async closed(waitMs = 3_000): Promise<ProxiedRequest | undefined> {
    for (let waited = 0; waited < waitMs && !this.handled.some((h) => h.kind === 'closed'); waited += 20) await new Promise((r) => setTimeout(r, 20));
    // Still open (the server may hold its side): stopping the proxy reports every open tunnel as it stands.
    if (!this.handled.some((h) => h.kind === 'closed')) await this.stop();
    return this.handled.find((h) => h.kind === 'closed');
  }

  /** What it handled, without the tunnel-closed reports. */
  get requests(): ProxiedRequest[] {
    return this.handled.filter((h) => h.kind !== 'closed');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      // 'close' comes after the last of its output has been read.
      child.on('close', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
