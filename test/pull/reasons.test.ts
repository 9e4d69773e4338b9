import { describe, expect, it } from "vitest";
import {
  aggregateErrorText,
  classifyPullError,
  PullEventReason,
  PullWaitingReason,
} from "../../src/pull/reasons.js";

describe("classifyPullError (upstream TestEvalCRIPullErr)", () => {
  it.each([
    ["test", "test", "ErrImagePull", "test"],
    [
      "test",
      "RegistryUnavailable",
      "RegistryUnavailable",
      "image pull failed for test because the registry is unavailable",
    ],
    [
      "test",
      "RegistryUnavailable: foo",
      "RegistryUnavailable",
      "image pull failed for test because the registry is unavailable: foo",
    ],
    [
      "test",
      "SignatureValidationFailed",
      "SignatureValidationFailed",
      "image pull failed for test because the signature validation failed",
    ],
    [
      "test",
      "SignatureValidationFailed: bar",
      "SignatureValidationFailed",
      "image pull failed for test because the signature validation failed: bar",
    ],
    // A prefix test, not a word test, exactly as the kubelet's strings.HasPrefix.
    [
      "img",
      "RegistryUnavailableX",
      "RegistryUnavailable",
      "image pull failed for img because the registry is unavailableX",
    ],
    ["img", "rpc error: RegistryUnavailable", "ErrImagePull", "rpc error: RegistryUnavailable"],
    ["img", "", "ErrImagePull", ""],
  ])("%s / %j", (image, error, reason, message) => {
    expect(classifyPullError(image, error)).toEqual({ reason, message });
  });
});

describe("aggregateErrorText (utilerrors.NewAggregate(...).Error())", () => {
  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "[a, b]"],
    [["a", "a"], "a"],
    [["a", "b", "a", "c"], "[a, b, c]"],
    [["", "b"], "[, b]"],
  ])("%j → %j", (texts, text) => {
    expect(aggregateErrorText(texts)).toBe(text);
  });
});

describe("reason constants", () => {
  it("match the kubelet's texts", () => {
    expect(Object.values(PullWaitingReason)).toEqual([
      "ImagePullBackOff",
      "ImageInspectError",
      "ErrImagePull",
      "ErrImageNeverPull",
      "InvalidImageName",
      "RegistryUnavailable",
      "SignatureValidationFailed",
    ]);
    expect(Object.values(PullEventReason)).toEqual([
      "Pulling",
      "Pulled",
      "Failed",
      "InspectFailed",
      "ErrImageNeverPull",
      "BackOff",
    ]);
  });
});
