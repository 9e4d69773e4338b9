// Keyring lookup with many keys (issue 4: "with 10,000 keys a lookup stays under 10 µs").
//
//   npm run bench -- keyring          (builds first)
//   node bench/keyring.bench.mjs [--quick]
//
// Scenarios, each with 10,000 keys added once (creation time reported too):
//   hosts    10,000 distinct registry hosts + 50 globs (a large node/secret config)
//   paths    10,000 paths under one host (registry.example.com/team-N), the prefix-heavy case
//   globs    10,000 wildcard keys: *.tenant-N.example.com (filed by the literal label),
//            *.*-N.*.* (no literal label: filed by the label suffix "-N"),
//            *-N.example.* (a literal label shared by all: filed by the suffix "-N"),
//            *x-N*.example.com (infix only: no usable affix, still tried one by one)
// Lookups cycle through hits and misses; the result is median ns per lookup over rounds.
import { createKeyring, dockerConfigFromEntries } from "../dist/index.js";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 5 : 15;
const N = 10_000;

function keyringOf(keys) {
  const t0 = performance.now();
  const kr = createKeyring(
    dockerConfigFromEntries(keys.map((k, i) => [k, { username: `u${i}`, password: "x" }])),
  );
  return { kr, buildMs: performance.now() - t0 };
}

function measure(kr, images) {
  const perRound = [];
  let sink = 0;
  // Each round runs for about 200 ms (at least one pass over the images), so slow cases end.
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    let i = 0;
    while (i < images.length || performance.now() - t0 < 200) {
      sink += kr.lookup(images[i % images.length]).length;
      i++;
    }
    perRound.push(((performance.now() - t0) * 1e6) / i);
  }
  perRound.sort((a, b) => a - b);
  return { median: perRound[Math.floor(perRound.length / 2)], best: perRound[0], sink };
}

const scenarios = [];

{
  const keys = [];
  for (let i = 0; i < N; i++) keys.push(`registry-${i}.example.com`);
  for (let i = 0; i < 50; i++) keys.push(`*.region-${i}.example.net`);
  const images = [];
  for (let i = 0; i < 1000; i++) {
    images.push(`registry-${(i * 7919) % N}.example.com/team/app`); // hit
    images.push(`docker.io/library/nginx-${i}`); // miss
    images.push(`eu.region-${i % 50}.example.net/app`); // glob hit
  }
  scenarios.push(["hosts", keys, images]);
}
{
  const keys = [];
  for (let i = 0; i < N; i++) keys.push(`registry.example.com/team-${i}`);
  const images = [];
  for (let i = 0; i < 1000; i++) {
    images.push(`registry.example.com/team-${(i * 7919) % N}/service`);
    images.push(`registry.example.com/unknown-${i}/service`);
  }
  scenarios.push(["paths", keys, images]);
}
{
  const keys = [];
  for (let i = 0; i < N; i++) keys.push(`*.tenant-${i}.example.com`);
  const images = [];
  for (let i = 0; i < 1000; i++) images.push(`eu.tenant-${(i * 7919) % N}.example.com/app`);
  scenarios.push(["globs (literal label)", keys, images]);
  // No literal label at all: each key is found by the literal suffix of its second label.
  const wild = [];
  for (let i = 0; i < N; i++) wild.push(`*.*-${i}.*.*`);
  scenarios.push(["globs (no literal label)", wild, images]);
}
{
  // "example" is shared by every key; the suffix "-N" of the first label is not.
  const keys = [];
  for (let i = 0; i < N; i++) keys.push(`*-${i}.example.*`);
  const images = [];
  for (let i = 0; i < 1000; i++) {
    images.push(`eu-${(i * 7919) % N}.example.io/app`); // hit
    images.push(`eu.example.io/app`); // miss
  }
  scenarios.push(["globs (suffix, shared lit.)", keys, images]);
  // What stays linear: the only distinctive text sits between two stars.
  const infix = [];
  for (let i = 0; i < N; i++) infix.push(`*x-${i}*.example.com`);
  const infixImages = [];
  for (let i = 0; i < 1000; i++) infixImages.push(`eux-${(i * 7919) % N}z.example.com/app`);
  scenarios.push(["globs (infix only)", infix, infixImages]);
}

console.log(
  `node ${process.version}, ${N.toLocaleString("en")} keys per keyring, ${ROUNDS} rounds`,
);
console.log("scenario                      build ms   lookup median ns   best ns");
for (const [name, keys, images] of scenarios) {
  const { kr, buildMs } = keyringOf(keys);
  const { median, best } = measure(kr, images);
  console.log(
    `${name.padEnd(29)} ${buildMs.toFixed(1).padStart(8)}   ${median.toFixed(0).padStart(16)}   ${best.toFixed(0).padStart(7)}`,
  );
}
