// Worker side of bounded.mjs: runs one candidate on one input (or on a list of inputs) and
// reports back. The parent terminates this thread when it takes too long.
import { parentPort, workerData } from "node:worker_threads";
import { allCandidates } from "../peers.mjs";
import { PATHOLOGICAL } from "./inputs.mjs";

function flat(s) {
  return new TextDecoder().decode(new TextEncoder().encode(s));
}

const WARMUP = ["nginx", "localhost:5000/app:v1", "ghcr.io/org/app:1.2", "Bad!", "a/b/c@sha256:x"];

const [candidate] = await allCandidates([workerData.candidate]);
if (!candidate) throw new Error(`unknown candidate ${workerData.candidate}`);
// Give the JIT a chance first, so a slow answer is the algorithm and not a cold start (unless
// the cold start is what is being measured: V8 interprets a regex before compiling it).
// Up to 20,000 calls or 300 ms, whichever comes first (the GopherJS peer takes 0.1 ms a call).
if (!workerData.cold) {
  const t0 = performance.now();
  for (let i = 0; i < 20_000 && performance.now() - t0 < 300; i++) {
    candidate.fn(WARMUP[i % WARMUP.length]);
  }
}
// From here on the parent's bound applies: loading a peer (a megabyte of GopherJS for one) on a
// busy machine must not be mistaken for a hang on the first input.
parentPort.postMessage({ type: "ready" });

if (workerData.mode === "time") {
  // repeat() and + build a rope (a ConsString) that V8 flattens on first access: copy it into a
  // flat string first, as text read from a file or a socket would be, so that the first timed
  // call measures the parser and not the flattening of the rope.
  const input = flat(PATHOLOGICAL[workerData.index].make());
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
