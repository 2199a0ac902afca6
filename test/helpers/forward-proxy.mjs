#!/usr/bin/env node
// A small HTTP forward proxy for tests, run as its own process on 127.0.0.1:
// CONNECT tunnels and absolute-form requests. Prints "port N" first, then one
// JSON line per request it handled (and one when a tunnel closes).
//   --auth user:password   answer 407 unless Proxy-Authorization carries them
//   --connect-status N     answer every CONNECT with status N instead of tunnelling
//   --watch TEXT           report whether TEXT ever crossed a tunnel in clear
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const auth = option('--auth');
const connectStatus = option('--connect-status');
const watch = option('--watch');
const report = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);
/** Tunnels not yet reported closed, each with the function that reports it. */
const openTunnels = new Set();

function authorised(headers) {
  if (!auth) return true;
  return headers['proxy-authorization'] === `Basic ${Buffer.from(auth).toString('base64')}`;
}

const server = createServer((req, res) => {
  const entry = { kind: 'forward', method: req.method, target: req.url, proxyAuthorization: req.headers['proxy-authorization'] ?? null };
  if (!/^http:\/\//.test(req.url)) {
    report({ ...entry, answered: 400 });
    res.writeHead(400).end('absolute-form requests only\n');
    return;
  }
  if (!authorised(req.headers)) {
    report({ ...entry, answered: 407 });
    res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end('proxy authentication required\n');
    return;
  }
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  delete headers['proxy-connection'];
  const upstream = request(req.url, { method: req.method, headers }, (answer) => {
    report({ ...entry, answered: answer.statusCode, authorization: req.headers.authorization ?? null });
    res.writeHead(answer.statusCode, answer.statusMessage, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    report({ ...entry, answered: 502 });
    res.writeHead(502).end();
  });
  req.pipe(upstream);
});

server.on('connect', (req, client, head) => {
  const entry = { kind: 'connect', target: req.url, proxyAuthorization: req.headers['proxy-authorization'] ?? null };
  const refuse = (status, text) => {
    report({ ...entry, answered: status });
    client.end(`HTTP/1.1 ${status} ${text}\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n`);
  };
  if (!authorised(req.headers)) return refuse(407, 'Proxy Authentication Required');
  if (connectStatus) return refuse(Number(connectStatus), 'Refused By Test');
  const [host, port] = [req.url.slice(0, req.url.lastIndexOf(':')), req.url.slice(req.url.lastIndexOf(':') + 1)];
  const upstream = connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
    report({ ...entry, answered: 200 });
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    let seen = head.toString('latin1');
    let clear = false;
    client.on('data', (chunk) => {
      if (watch && !clear) {
        seen = (seen + chunk.toString('latin1')).slice(-4 * watch.length);
        clear = seen.includes(watch);
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    // Everything the CLI sent has crossed once it ends its side; waiting for 'close' would also wait for the server's keep-alive.
    let reported = false;
    const done = () => {
      if (reported) return;
      reported = true;
      openTunnels.delete(done);
      report({ kind: 'closed', target: req.url, sawWatchedText: clear });
    };
    openTunnels.add(done);
    client.on('end', done);
    client.on('close', done);
  });
  upstream.on('error', () => client.destroy());
  client.on('error', () => upstream.destroy());
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${server.address().port}\n`));
// Stopped with tunnels still open: report what crossed them so far, then leave once that is written.
process.on('SIGTERM', () => {
  for (const done of [...openTunnels]) done();
  process.stdout.write('', () => process.exit(0));
});
