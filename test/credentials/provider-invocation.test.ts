import { describe, expect, it } from "vitest";
import {
  credentialProviderInvocation,
  parseCredentialProviderConfig,
} from "../../src/credentials/index.js";

const V1 = "credentialprovider.kubelet.k8s.io/v1";
const [plain, saMode, saOptional] = parseCredentialProviderConfig({
  apiVersion: "kubelet.config.k8s.io/v1",
  kind: "CredentialProviderConfig",
  providers: [
    { name: "plain", matchImages: ["*.registry.io"], defaultCacheDuration: "1m", apiVersion: V1 },
    {
      name: "sa",
      matchImages: ["*.registry.io"],
      defaultCacheDuration: "1m",
      apiVersion: V1,
      tokenAttributes: {
        serviceAccountTokenAudience: "registry.io",
        requireServiceAccount: true,
        requiredServiceAccountAnnotationKeys: ["registry.io/role"],
        optionalServiceAccountAnnotationKeys: ["registry.io/team"],
        cacheType: "ServiceAccount",
      },
    },
    {
      name: "sa-optional",
      matchImages: ["*.registry.io"],
      defaultCacheDuration: "1m",
      apiVersion: V1,
      tokenAttributes: {
        serviceAccountTokenAudience: "registry.io",
        requireServiceAccount: false,
        cacheType: "Token",
      },
    },
  ],
}).providers as [never, never, never];

const image = "eu.registry.io/app";

describe("credentialProviderInvocation: §5.2", () => {
  it("runs a plain provider for matching images only", () => {
    expect(credentialProviderInvocation(plain, { image })).toEqual({
      invoke: true,
      request: { apiVersion: V1, kind: "CredentialProviderRequest", image },
      serviceAccountCacheKey: "",
    });
    expect(credentialProviderInvocation(plain, { image: "docker.io/library/x" }).invoke).toBe(
      false,
    );
  });

  it("service-account mode: no SA with requireServiceAccount → skipped; without it → run without token", () => {
    expect(
      credentialProviderInvocation(saMode, { image, podNamespace: "ns", podName: "p" }),
    ).toEqual({
      invoke: false,
      reason: "Service account name is empty for pod ns/p",
    });
    expect(credentialProviderInvocation(saOptional, { image }).invoke).toBe(true);
  });

  it("a missing required annotation or an unreadable SA skips the plugin", () => {
    expect(
      credentialProviderInvocation(saMode, {
        image,
        podNamespace: "ns",
        serviceAccountName: "builder",
        serviceAccount: { uid: "u", annotations: {} },
      }),
    ).toEqual({
      invoke: false,
      reason:
        "Failed to get service account data ns/builder: required annotation registry.io/role not found",
    });
    expect(
      credentialProviderInvocation(saMode, { image, serviceAccountName: "b", serviceAccount: null })
        .invoke,
    ).toBe(false);
  });

  it("passes the token and the required and present optional annotations", () => {
    const r = credentialProviderInvocation(saMode, {
      image,
      podNamespace: "ns",
      serviceAccountName: "builder",
      serviceAccount: { uid: "u", annotations: { "registry.io/role": "pull", "other.io/x": "no" } },
      serviceAccountToken: "jwt",
    });
    expect(r.invoke && r.request).toEqual({
      apiVersion: V1,
      kind: "CredentialProviderRequest",
      image,
      serviceAccountToken: "jwt",
      serviceAccountAnnotations: { "registry.io/role": "pull" },
    });
    expect(r.invoke && r.serviceAccountCacheKey.length).toBeGreaterThan(0);
  });
});
