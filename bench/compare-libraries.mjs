// undici and conf against what replaces them: bundle size and start-up cost.
// Needs them installed without saving: npm install --no-save undici@7 conf@15
// Then: node bench/compare-libraries.mjs [path/to/node ...]
// Each case is bundled as the CLI is (esbuild, CommonJS, minified) and run RUNS
// times, interleaved; the cost is CPU time (perf stat task-clock) where perf
// works, else wall time, as a median and a ratio to `node -e 0`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const nodes = process.argv.slice(2).length ? process.argv.slice(2) : [process.execPath];
const work = mkdtempSync(join(tmpdir(), 'letta-switchboard-libs-'));
const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');

const sources = {
  'node:http': `import { exchange } from ${JSON.stringify(join(ROOT, 'src/letta/transport.ts'))};
    exchange({ method: 'GET', url: new URL(process.argv[2]), headers: {}, signal: new AbortController().signal }).then((r) => process.stdout.write(String(r.status)));`,
  undici: `import { EnvHttpProxyAgent, request } from 'undici';
    request(process.argv[2], { dispatcher: new EnvHttpProxyAgent() }).then(async (r) => { await r.body.text(); process.stdout.write(String(r.statusCode)); });`,
  'config store read': `import { readConfigFile } from ${JSON.stringify(join(ROOT, 'src/config/store.ts'))};
    process.stdout.write(String(readConfigFile(process.env.DIR + '/config.json').api_key));`,
  'conf read': `import Conf from 'conf';
    process.stdout.write(String(new Conf({ projectName: 'letta-switchboard', cwd: process.env.DIR, configName: 'config' }).get('api_key')));`,
  'config store write': `import { updateConfigFile } from ${JSON.stringify(join(ROOT, 'src/config/store.ts'))};
    updateConfigFile(process.env.DIR + '/config.json', (file) => { file.api_key = 'sk-' + Date.now(); });`,
  'conf write': `import Conf from 'conf';
    new Conf({ projectName: 'letta-switchboard', cwd: process.env.DIR, configName: 'config' }).set('api_key', 'sk-' + Date.now());`,
};

const bundles = {};
for (const [name, source] of Object.entries(sources)) {
  const entry = join(work, `${name.replace(/\W+/g, '-')}.ts`);
  writeFileSync(entry, source);
  const out = entry.replace(/\.ts$/, '.cjs');
  try {
    execFileSync(esbuild, [entry, '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--minify', `--outfile=${out}`, '--log-level=error', '--define:__VERSION__="0"'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
  } catch {
    console.log(`${name}: cannot be bundled (is it installed? npm install --no-save undici@7 conf@15)`);
    continue;
  }
  bundles[name] = out;
  console.log(`${name}: ${(statSync(out).size / 1024).toFixed(1)} KiB, ${(gzipSync(readFileSync(out)).length / 1024).toFixed(1)} KiB gzipped`);
}

const server = createServer((_, res) => res.end('{}')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const proxy = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'forward-proxy.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const proxyUrl = await new Promise((resolve) => proxy.stdout.setEncoding('utf8').once('data', (line) => resolve(`http://127.0.0.1:${/port (\d+)/.exec(line)[1]}`)));
proxy.stdout.resume();
const dir = join(work, 'config');
execFileSync('mkdir', ['-p', dir]);
writeFileSync(join(dir, 'config.json'), '{"api_key":"sk-bench"}');

const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '--', process.execPath, '-e', '0'], { encoding: 'utf8' }).status === 0;
const cost = (node, args, env) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = perf ? spawn('perf', ['stat', '-x,', '-e', 'task-clock', '--', node, ...args], { env }) : spawn(node, args, { env });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')}: ${err}`));
      resolve(perf ? Number(err.trim().split('\n').at(-1).split(',')[0]) : Number(process.hrtime.bigint() - started) / 1e6);
    });
  });

const cases = [['node -e 0', ['-e', '0'], {}]];
for (const [name, file] of Object.entries(bundles)) {
  if (name === 'node:http' || name === 'undici') {
    cases.push([`${name} GET`, [file, url], {}], [`${name} GET via proxy`, [file, url], { HTTP_PROXY: proxyUrl }]);
  } else cases.push([name, [file], { DIR: dir }]);
}
for (const node of nodes) {
  const samples = new Map(cases.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++) for (const [name, args, env] of cases) samples.get(name).push(await cost(node, args, { PATH: process.env.PATH, ...env }));
  const median = (list) => list.sort((a, b) => a - b)[list.length >> 1];
  const floor = median(samples.get('node -e 0'));
  console.log(`\n${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}: median ${perf ? 'CPU' : 'wall'} time of ${RUNS} runs`);
  for (const [name, list] of samples) console.log(`  ${name}: ${median(list).toFixed(1)} ms, ${(median(list) / floor).toFixed(2)}x`);
}
proxy.kill();
server.close();
rmSync(work, { recursive: true, force: true });
