/**
 * The API server's default for an empty `imagePullPolicy` (SetDefaults_Container,
 * SetDefaults_EphemeralContainer, SetDefaults_Volume), with the rule that decided it.
 * @module
 */

import { goQuote } from "../internal/go-quote.js";
import type { ImageReferenceError } from "../reference/index.js";
import {
  DEFAULT_IMAGE_TAG,
  type SafeParseImageNameResult,
  safeParseImageName,
} from "./parse-image-name.js";

/**
 * Which row of the defaulting table (spec §2.1) applied:
 * - `implicit-latest`: no tag and no digest, so `ParseImageName` reports tag `latest` → Always
 * - `tag-latest`: the tag is exactly `latest` (a digest beside it does not matter) → Always
 * - `tag-not-latest`: any other tag (`LATEST`, `latest-alpine`, `5000` in `localhost:5000`) → IfNotPresent
 * - `digest-only`: a digest and no tag → IfNotPresent
 * - `unparsable`: `ParseImageName` failed; its error is ignored → IfNotPresent
 * - `empty`: the image is empty or absent (also a parse failure) → IfNotPresent
 *
 * @example
 * const rule: DefaultPolicyRule = explainDefaultPullPolicy("nginx@sha256:" + "a".repeat(64)).rule;
 * // => "digest-only"
 */
export type DefaultPolicyRule =
  | "implicit-latest"
  | "tag-latest"
  | "tag-not-latest"
  | "digest-only"
  | "unparsable"
  | "empty";

/**
 * The defaulted policy for one image, with what `ParseImageName` returned and a one-sentence reason.
 *
 * @example
 * const d: DefaultPolicyDecision = explainDefaultPullPolicy("nginx:1.25");
 * d.policy; // => "IfNotPresent"
 */
export interface DefaultPolicyDecision {
  readonly policy: "Always" | "IfNotPresent";
  readonly rule: DefaultPolicyRule;
  /** `repoToPull` from ParseImageName, `""` when it failed. */
  readonly repoToPull: string;
  /** The tag ParseImageName returned (the only thing the rule looks at), `""` when none. */
  readonly tag: string;
  readonly digest: string;
  /** The ParseImageName error the API server ignored, or `null`. */
  readonly parseError: ImageReferenceError | null;
  /** One plain sentence naming the rule, e.g. `the tag is "1.25", not "latest", so the default is IfNotPresent`. */
  readonly reason: string;
}

/**
 * Decides the default pull policy for an image as the API server does, and says why.
 * Never throws: a non-string image is read as the empty string (what Go decodes for a missing
 * `image` field).
 *
 * @example
 * explainDefaultPullPolicy("nginx").reason;
 * // => 'the image has no tag and no digest, so ParseImageName reports the tag "latest" and the default is Always'
 */
export function explainDefaultPullPolicy(image: string): DefaultPolicyDecision {
  const text = typeof image === "string" ? image : "";
  return decideDefaultPullPolicy(text, safeParseImageName(text));
}

/**
 * The decision for an image that has already been through `safeParseImageName` (the walker parses
 * each distinct image of an object once).
 * @example
 * decideDefaultPullPolicy("nginx:1.25", safeParseImageName("nginx:1.25")).policy; // => "IfNotPresent"
 */
export function decideDefaultPullPolicy(
  text: string,
  parsed: SafeParseImageNameResult,
): DefaultPolicyDecision {
  if (!parsed.success) {
    const empty = text === "";
    return Object.freeze({
      policy: "IfNotPresent",
      rule: empty ? "empty" : "unparsable",
      repoToPull: "",
      tag: "",
      digest: "",
      parseError: parsed.error,
      reason: empty
        ? "the image is empty, ParseImageName fails and the API server ignores the error, so the default is IfNotPresent"
        : `the image cannot be parsed (${parsed.error.message}); the API server ignores that error, so the default is IfNotPresent`,
    });
  }
  const { repoToPull, tag, digest } = parsed.data;
  const base = { repoToPull, tag, digest, parseError: null };
  if (tag === DEFAULT_IMAGE_TAG) {
    const written = digest === "" && !hasExplicitLatest(text);
    return Object.freeze({
      ...base,
      policy: "Always",
      rule: written ? "implicit-latest" : "tag-latest",
      reason: written
        ? 'the image has no tag and no digest, so ParseImageName reports the tag "latest" and the default is Always'
        : digest === ""
          ? 'the tag is "latest", so the default is Always'
          : 'the tag is "latest", so the default is Always (the digest beside it is not looked at)',
    });
  }
  if (tag === "") {
    return Object.freeze({
      ...base,
      policy: "IfNotPresent",
      rule: "digest-only",
      reason:
        "the image is pinned by digest with no tag, so ParseImageName reports no tag and the default is IfNotPresent",
    });
  }
  return Object.freeze({
    ...base,
    policy: "IfNotPresent",
    rule: "tag-not-latest",
    reason: `the tag is ${goQuote(tag)}, not "latest", so the default is IfNotPresent`,
  });
}

/** True when the written image itself ends in `:latest` (as opposed to the implied default). */
function hasExplicitLatest(image: string): boolean {
  return image.endsWith(`:${DEFAULT_IMAGE_TAG}`);
}

/**
 * The API server's default for an empty `imagePullPolicy`: `Always` when the tag that
 * `ParseImageName` returns is exactly `latest` (including the implied `latest` of an image with
 * neither tag nor digest), otherwise `IfNotPresent`. A parse error is ignored (→ IfNotPresent), so
 * this never throws. The same rule defaults an image volume's `pullPolicy` from its `reference`.
 *
 * @example
 * defaultPullPolicy("nginx");                       // => "Always"
 * defaultPullPolicy("nginx:latest@sha256:" + "a".repeat(64)); // => "Always"
 * defaultPullPolicy("nginx@sha256:" + "a".repeat(64));        // => "IfNotPresent"
 * defaultPullPolicy("FAILED_IMAGE");                // => "IfNotPresent"
 */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  return explainDefaultPullPolicy(image).policy;
}
