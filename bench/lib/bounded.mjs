// Runs a candidate in a worker thread with a hard time bound, so a peer stuck in catastrophic
// regex backtracking is killed and reported instead of hanging the benchmark.
import { Worker } from "node:worker_threads";

const workerUrl = new URL("./bounded-worker.mjs", import.meta.url);
const STARTUP_MS = 60_000;

/**
 * Starts a worker and resolves with what `onMessage` settles on. The bound is a watchdog: every
 * message re-arms it (each message marks progress), and when it fires, `onTimeout()` gives the
 * result and the worker is terminated. Until the worker says "ready" (candidate loaded and
 * warmed up) a generous startup bound applies instead.
 */
function supervise(workerData, boundMs, { onMessage, onTimeout, onError }) {
  return new Promise((resolve) => {
    // Workers get their own heap limit so a peer that balloons cannot take the parent down.
    const worker = new Worker(workerUrl, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let timer;
    let settled = false;
    // Handlers run only for the first event that settles: once terminated, the worker still
    // emits "exit", which must not be read as a crash of the next input.
    const finish = (handler, arg) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const result = handler(arg);
      worker.terminate().then(() => resolve(result));
    };
    const arm = (ms) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish(ms === boundMs ? onTimeout : onError, "startup timed out"),
        ms,
      );
    };
    worker.on("message", (m) => {
      if (settled) return;
      arm(boundMs);
      if (m.type === "ready") return;
      const result = onMessage(m);
      if (result !== undefined) finish(() => result);
    });
    worker.on("error", (e) => finish(onError, e.message));
    worker.on("exit", (code) => finish(onError, `worker exited with ${code}`));
    arm(STARTUP_MS);
  });
}

/**
 * Times `candidate` on PATHOLOGICAL[index] (up to `repeats` calls, at most about 1 s of them),
 * after a warm-up on short references (see WARMUP in bounded-worker.mjs) unless `cold`.
 * Resolves to `{status: "ok", ms, outcome}`, `{status: "hung", boundMs}` when a single call
 * went past `boundMs`, or `{status: "crashed", error}`.
 */
export function timeBounded(candidate, index, { boundMs = 2000, repeats = 5, cold = false } = {}) {
  return supervise({ mode: "time", candidate, index, repeats, cold }, boundMs, {
    onMessage: (m) =>
      m.type === "done" ? { status: "ok", ms: m.ms, outcome: m.outcome } : undefined,
    onTimeout: () => ({ status: "hung", boundMs }),
    onError: (error) => ({ status: "crashed", error }),
  });
}

/**
 * Runs `candidate.outcome` on every input, killing and restarting the worker when one input
 * takes longer than `boundMs`. Resolves to an array: the outcome per input, `{hung: true}` or
 * `{crashed: message}`.
 */
export async function outcomesBounded(candidate, inputs, { boundMs = 2000 } = {}) {
  const results = new Array(inputs.length);
  let from = 0;
  while (from < inputs.length) {
    let next = from;
    // Each run resolves to the index to resume at: past the input that hung or crashed.
    from = await supervise({ mode: "agree", candidate, inputs, from }, boundMs, {
      onMessage: (m) => {
        if (m.type === "done") return inputs.length;
        results[m.i] = m.outcome;
        next = m.i + 1;
        return undefined;
      },
      onTimeout: () => {
        results[next] = { hung: true };
        return next + 1;
      },
      onError: (error) => {
        results[next] = { crashed: error };
        return next + 1;
      },
    });
  }
  return results;
}
