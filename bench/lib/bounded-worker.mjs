// Worker side of bounded.mjs: runs one candidate on one input (or on a list of inputs) and
// reports back. The parent terminates this thread when it takes too long.
import { parentPort, workerData } from "node:worker_threads";
import { allCandidates } from "../peers.mjs";
import { PATHOLOGICAL } from "./inputs.mjs";

const WARMUP = ["nginx", "localhost:5000/app:v1", "ghcr.io/org/app:1.2", "Bad!", "a/b/c@sha256:x"];

const [candidate] = await allCandidates([workerData.candidate]);
if (!candidate) throw new Error(`unknown candidate ${workerData.candidate}`);
// Give the JIT a chance first, so a slow answer is the algorithm and not a cold start (unless
// the cold start is what is being measured: V8 interprets a regex before compiling it).
if (!workerData.cold) for (let i = 0; i < 2000; i++) candidate.fn(WARMUP[i % WARMUP.length]);
// From here on the parent's bound applies: loading a peer (a megabyte of GopherJS for one) on a
// busy machine must not be mistaken for a hang on the first input.
parentPort.postMessage({ type: "ready" });

if (workerData.mode === "time") {
  const input = PATHOLOGICAL[workerData.index].make();
  const ms = [];
  let outcome;
  let spent = 0;
  for (let r = 0; r < workerData.repeats && spent < 1000; r++) {
    const t = performance.now();
    outcome = candidate.outcome(input);
    const elapsed = performance.now() - t;
    spent += elapsed;
    ms.push(elapsed);
    parentPort.postMessage({ type: "sample", ms: elapsed });
  }
  parentPort.postMessage({ type: "done", ms, outcome, length: input.length });
} else {
  // "agree": one message per input, so the parent knows which input a hang happened on.
  const { inputs, from } = workerData;
  for (let i = from; i < inputs.length; i++) {
    parentPort.postMessage({ type: "item", i, outcome: candidate.outcome(inputs[i]) });
  }
  parentPort.postMessage({ type: "done" });
}
