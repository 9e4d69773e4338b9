// Shared helpers for the benchmarks: interleaved timing rounds, machine description, table
// printing. Plain ESM, node: modules allowed (benches are tools, not library code).
import { readFileSync } from "node:fs";
import os from "node:os";

/** Median of a list of numbers (the list is not modified). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Builds a timing loop of its own for one candidate. Each candidate gets a separately compiled
 * function (the unique comment defeats V8's compilation cache), so the call site `fn(s)` stays
 * monomorphic and no candidate pays for the inline-cache pollution of the previous one.
 */
function makeLoop(label) {
  const body = `/* loop for ${label.replace(/\*\//g, "")} */
    let sink = 0;
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < inputs.length; i++) sink += fn(inputs[i]);
    }
    return sink;`;
  return new Function("fn", "inputs", "reps", body);
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Times every candidate on the same inputs, in one process, with interleaved rounds: round r of
 * every candidate runs before round r + 1 of any, so a burst of load from another process hurts
 * all candidates alike instead of whichever happened to be running.
 *
 * A candidate is `{ name, fn }` where `fn(input)` returns a number derived from its result; the
 * sum of those numbers (the checksum) keeps the work observable, so the JIT cannot drop it, and
 * every round must reproduce `reps ×` the checksum of a single pass, which proves the timed loop
 * did the work.
 */
export function compare(candidates, inputs, options = {}) {
  const { rounds = 9, roundMs = 250, warmupMs = 400 } = options;
  const gc = globalThis.gc ?? (() => {});
  const state = candidates.map((c) => {
    const loop = makeLoop(c.name);
    const passChecksum = loop(c.fn, inputs, 1);
    // Warm-up: let the JIT reach its optimised tier, then size a round to about roundMs.
    let reps = 1;
    let spent = 0;
    const start = now();
    while (now() - start < warmupMs) {
      const t = now();
      loop(c.fn, inputs, reps);
      spent = now() - t;
      if (spent < roundMs / 4) reps *= 2;
    }
    reps = Math.max(1, Math.round((reps * roundMs) / Math.max(spent, 1e-3)));
    return { ...c, loop, passChecksum, reps, samples: [], checksumOk: true };
  });
  for (let r = 0; r < rounds; r++) {
    for (const s of state) {
      gc();
      const t = now();
      const sink = s.loop(s.fn, inputs, s.reps);
      const ms = now() - t;
      if (sink !== s.passChecksum * s.reps) s.checksumOk = false;
      s.samples.push((ms * 1e6) / (s.reps * inputs.length)); // ns per op
    }
  }
  return state.map((s) => {
    const nsMedian = median(s.samples);
    const nsBest = Math.min(...s.samples);
    const nsWorst = Math.max(...s.samples);
    return {
      name: s.name,
      note: s.note ?? "",
      validates: s.validates,
      nsMedian,
      nsBest,
      nsWorst,
      opsMedian: 1e9 / nsMedian,
      opsBest: 1e9 / nsBest,
      spread: (nsWorst - nsBest) / nsBest,
      checksum: s.passChecksum,
      checksumOk: s.checksumOk,
      reps: s.reps,
    };
  });
}

/** What the numbers were measured on. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1] ?? cpu;
  } catch {}
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = readFileSync("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(rel)?.[1];
    if (pretty) osName = `${pretty} (${os.type()} ${os.release()})`;
  } catch {}
  return {
    date: new Date().toISOString(),
    cores:
      typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
    cpu,
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    v8: process.versions.v8,
    os: osName,
    loadavg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

/** Formats a number with thousands separators (ops/s) or a fixed number of decimals. */
export function fmt(n, decimals = 0) {
  return n.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** A Markdown table from a header row and data rows (each row an array of cell strings). */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
