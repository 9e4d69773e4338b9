// The kubelet's pull decision for one pod, from the simulator: a private image whose registry
// fails three times before it answers. Run with `npm run build && node examples/pull.mjs`.
import { simulatePod } from "pullpolicy";

const result = await simulatePod({
  image: "registry.example/shop/api:2.3",
  policy: "IfNotPresent",
  registry: { kind: "failsTimes", n: 3, error: "dial tcp 10.0.0.7:443: i/o timeout" },
  syncs: { untilMs: 120_000, everyMs: 5_000 }, // the pod worker syncs every 5 s
  pullDurationMs: 1_520,
  imageSizeBytes: 48_234_112,
});

const seconds = (ms) => (ms === undefined ? "-" : `${ms / 1000}s`);
const [first] = result.rows;
console.log("decision at the first sync:");
console.log(`  reason:  ${first.reason}`);
console.log(`  message: ${first.message}`);
for (const e of first.events) console.log(`  event:   ${e.type} ${e.reason}: ${e.message}`);
console.log();
console.log(`image ${result.image}, policy ${result.policy}`);
console.log("t       reason             back-off  window ends  events");
for (const row of result.rows) {
  const events = row.events.map((e) => e.reason).join(", ");
  console.log(
    `${seconds(row.tMs).padEnd(8)}${(row.reason ?? "(starts)").padEnd(19)}${seconds(row.backoffMs).padEnd(10)}${seconds(row.backoffUntilMs).padEnd(13)}${events}`,
  );
}
const last = result.rows.at(-1);
console.log();
console.log(`started at ${seconds(result.startedAtMs)} after ${result.pullAttempts} pulls`);
console.log(`last event: ${last?.events.at(-1)?.message}`);
const backOff = result.rows.find((r) => r.reason === "ImagePullBackOff");
console.log(`waiting message during back-off: ${backOff?.message}`);
