/** The requests in flight under each command's signal, aborted together by it: one listener per signal, however many requests. */
const inFlight = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * The signal one request runs under: aborted by Ctrl-C (`signal`, the command's) or after
 * `timeoutMs`. Not AbortSignal.any: a signal it makes stays in the long-lived signal's list of
 * dependants (a WeakRef each, about 50 bytes, on Node 20 to 24), so a command that sends
 * thousands of requests would hold memory in proportion to them. `done` lets go of it.
 */
export function requestSignal(signal: AbortSignal, timeoutMs: number): { signal: AbortSignal; timedOut(): boolean; done(): void } {
  const request = new AbortController();
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, timeoutMs);
  let requests = inFlight.get(signal);
  if (!requests && !signal.aborted) {
    requests = new Set();
    inFlight.set(signal, requests);
    signal.addEventListener('abort', abortEach(requests), { once: true });
  }
  if (signal.aborted) request.abort();
  else requests!.add(request);
  return {
    signal: request.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timeout);
      requests?.delete(request);
    },
  };
}

/**
 * The one listener that aborts every request in flight under a signal, made apart from any request: made inside
 * requestSignal, it kept the first request's variables for as long as the command ran (and when each request carried
 * an error for its timeout, that error's stack, and through it the callers of the first request: apply's whole plan).
 */
function abortEach(requests: Set<AbortController>): () => void {
  return () => requests.forEach((one) => one.abort());
}
