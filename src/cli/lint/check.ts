/**
 * The checks: which rules fire for one image row, with a message that names the object, the
 * container and what Kubernetes will do.
 */

import { safeParseNormalizedNamed } from "../../index.js";
import { goQuoteForCli } from "../quote.js";
import type { ImageRow } from "../scan.js";
import { type RuleId, ruleById, type Severity } from "./rules.js";

/**
 * One finding.
 * @example
 * const [finding]: Finding[] = checkRow(row); finding?.ruleId; // "missing-tag"
 */
export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly row: ImageRow;
}

/**
 * Every finding for one row, before suppression.
 * @example
 * checkRow(row).map((f) => f.ruleId); // ["missing-tag", "policy-fixed-at-creation"]
 */
export function checkRow(row: ImageRow): Finding[] {
  const u = row.use;
  const out: Finding[] = [];
  const where = describeSlot(row);
  const add = (ruleId: RuleId, message: string) =>
    out.push({ ruleId, severity: ruleById(ruleId).severity, message: `${where}: ${message}`, row });
  const image = goQuoteForCli(u.image);
  const policyField = u.source === "imageVolume" ? "pullPolicy" : "imagePullPolicy";

  for (const finding of u.findings) {
    if (finding.code === "INVALID_IMAGE_NAME") {
      const template = u.image.includes("{{") ? " (it looks like an unrendered template)" : "";
      add(
        "invalid-image-name",
        `image ${image} is accepted by the API server but the kubelet refuses it${template}; the container waits with InvalidImageName: ${finding.message}`,
      );
    } else {
      add("api-server-rejects", `the API server refuses this: ${finding.message}`);
    }
  }

  const parsed = safeParseNormalizedNamed(u.image);
  const effective = String(u.effectivePolicy);
  if (parsed.success) {
    const { tag, digest } = parsed.reference;
    if (tag === undefined && digest === undefined) {
      add(
        "missing-tag",
        `image ${image} has no tag and no digest: it means ${goQuoteForCli(`${u.image}:latest`)}, whatever that is when each node pulls${u.imagePullPolicy === null ? ", and the default policy is Always" : ""}`,
      );
    } else if (tag === "latest" && digest === undefined) {
      add("latest-tag", `image ${image} uses the moving tag "latest"`);
    }
    if (tag !== undefined && digest !== undefined) {
      add(
        "tag-and-digest",
        `image ${image} has a tag and a digest: the runtime pulls by digest and ignores the tag ${goQuoteForCli(tag)}${tag === "latest" && u.imagePullPolicy === null ? "; because the tag is latest the default policy is still Always" : ""}`,
      );
    }
    if (effective === "IfNotPresent" && tag !== undefined && digest === undefined) {
      add(
        "mutable-tag-if-not-present",
        `image ${image} with ${policyField} IfNotPresent: a node that already has an older ${goQuoteForCli(tag)} keeps running it`,
      );
    }
    if (u.imagePullPolicy === null) {
      add(
        "policy-fixed-at-creation",
        `${policyField} is not set: the API server fixes it to ${effective} from the current image when the object is created, and keeps ${effective} if the tag later changes`,
      );
    }
  }
  if (effective === "Never") {
    add(
      "never-pull-policy",
      `${policyField} is Never: on a node without ${image} the container waits with ErrImageNeverPull`,
    );
  }
  return out;
}

function describeSlot(row: ImageRow): string {
  const u = row.use;
  const object = `${u.kind} ${u.namespace ? `${u.namespace}/` : ""}${u.name ?? "(unnamed)"}`;
  const what =
    u.source === "imageVolume"
      ? "image volume"
      : u.source === "initContainer"
        ? "init container"
        : u.source === "ephemeralContainer"
          ? "ephemeral container"
          : "container";
  return `${object}, ${what} ${goQuoteForCli(u.containerName ?? "")}`;
}
