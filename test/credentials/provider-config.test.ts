import { describe, expect, it } from "vitest";
import type { CredentialProvider } from "../../src/credentials/index.js";
import {
  CredentialError,
  mergeCredentialProviderConfigs,
  parseCredentialProviderConfig,
  providersForImage,
  validateCredentialProviderConfig,
} from "../../src/credentials/index.js";

const V1 = "credentialprovider.kubelet.k8s.io/v1";

function doc(providers: unknown[], apiVersion = "kubelet.config.k8s.io/v1") {
  return { apiVersion, kind: "CredentialProviderConfig", providers };
}

function provider(extra: Record<string, unknown> = {}) {
  return {
    name: "test-plugin",
    matchImages: ["*.registry.io"],
    defaultCacheDuration: "10m",
    apiVersion: V1,
    ...extra,
  };
}

function errorOf(content: unknown, options = {}): CredentialError {
  try {
    parseCredentialProviderConfig(content, options);
  } catch (e) {
    if (e instanceof CredentialError) return e;
    throw e;
  }
  throw new Error("expected an error");
}

const PREFIX = "failed to validate credential provider config: ";

describe("CredentialProviderConfig decoding", () => {
  it.each([
    "kubelet.config.k8s.io/v1",
    "kubelet.config.k8s.io/v1beta1",
    "kubelet.config.k8s.io/v1alpha1",
  ])("reads %s, from an object or JSON text", (apiVersion) => {
    const d = doc([provider({ args: ["--v=2"], env: [{ name: "A", value: "b" }] })], apiVersion);
    for (const input of [d, JSON.stringify(d)]) {
      const cfg = parseCredentialProviderConfig(input);
      expect(cfg.providers).toEqual([
        {
          name: "test-plugin",
          matchImages: ["*.registry.io"],
          defaultCacheDuration: 600_000_000_000n,
          apiVersion: V1,
          args: ["--v=2"],
          env: [{ name: "A", value: "b" }],
        },
      ]);
    }
  });

  it.each([
    [
      { ...doc([provider()]), kind: "Other" },
      'no kind "Other" is registered for version "kubelet.config.k8s.io/v1"',
    ],
    [
      doc([provider()], "kubelet.config.k8s.io/v2"),
      'no kind "CredentialProviderConfig" is registered for version "kubelet.config.k8s.io/v2"',
    ],
    [
      doc([provider()], "other.io/v1"),
      "failed to decode CredentialProviderConfig, unexpected Group: other.io",
    ],
    [{ providers: [] }, "Object 'Kind' is missing in the document"],
    [doc([provider({ extra: 1 })]), 'strict decoding error: unknown field "providers[0].extra"'],
    [{ ...doc([]), extra: true }, 'strict decoding error: unknown field "extra"'],
    [doc([provider({ defaultCacheDuration: "10" })]), 'time: missing unit in duration "10"'],
    [doc([provider({ name: 5 })]), "providers[0].name: expected string"],
    ["{", "unexpected end of JSON input"],
  ])("decode error %#", (content, message) => {
    const e = errorOf(content);
    expect(e.code).toBe("INVALID_PROVIDER_CONFIG");
    expect(e.message).toBe(message);
  });
});

describe("CredentialProviderConfig validation: §5.1 rules with the kubelet's messages", () => {
  const rows: readonly (readonly [string, unknown[], string, object?])[] = [
    ["no providers", [], "providers: Required value: at least 1 item in plugins is required"],
    [
      "name with /",
      [provider({ name: "foo/bar" })],
      "providers.name: Invalid value: \"foo/bar\": provider name cannot contain '/'",
    ],
    [
      "name with space",
      [provider({ name: "foo bar" })],
      'providers.name: Invalid value: "foo bar": provider name cannot contain spaces',
    ],
    [
      "name .",
      [provider({ name: "." })],
      "providers.name: Invalid value: \".\": provider name cannot be '.'",
    ],
    [
      "name ..",
      [provider({ name: ".." })],
      "providers.name: Invalid value: \"..\": provider name cannot be '..'",
    ],
    ["duplicate name", [provider(), provider()], 'providers.name: Duplicate value: "test-plugin"'],
    ["no apiVersion", [provider({ apiVersion: "" })], "providers.apiVersion: Required value"],
    [
      "bad apiVersion",
      [provider({ apiVersion: "credentialprovider.kubelet.k8s.io/v2" })],
      'providers.apiVersion: Unsupported value: "credentialprovider.kubelet.k8s.io/v2": supported values: "credentialprovider.kubelet.k8s.io/v1", "credentialprovider.kubelet.k8s.io/v1alpha1", "credentialprovider.kubelet.k8s.io/v1beta1"',
    ],
    [
      "no matchImages",
      [provider({ matchImages: [] })],
      "providers.matchImages: Required value: at least 1 item in matchImages is required",
    ],
    [
      "bad matchImage",
      [provider({ matchImages: ["%zz.io"] })],
      'providers.matchImages: Invalid value: "%zz.io": match image is invalid: parse "https://%zz.io": invalid URL escape "%zz"',
    ],
    [
      "no defaultCacheDuration",
      [provider({ defaultCacheDuration: undefined })],
      "providers.defaultCacheDuration: Required value",
    ],
    [
      "negative defaultCacheDuration",
      [provider({ defaultCacheDuration: "-1m" })],
      "providers.defaultCacheDuration: Invalid value: -1m0s: must be greater than or equal to 0",
    ],
    [
      "tokenAttributes with the gate off",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            cacheType: "Token",
          },
        }),
      ],
      "providers.tokenAttributes: Forbidden: tokenAttributes is not supported when KubeletServiceAccountTokenForCredentialProviders feature gate is disabled",
      { serviceAccountTokenForCredentialProviders: false },
    ],
    [
      "tokenAttributes without audience",
      [provider({ tokenAttributes: { requireServiceAccount: true, cacheType: "Token" } })],
      "providers.tokenAttributes.serviceAccountTokenAudience: Required value",
    ],
    [
      "tokenAttributes without requireServiceAccount",
      [provider({ tokenAttributes: { serviceAccountTokenAudience: "a", cacheType: "Token" } })],
      "providers.tokenAttributes.requireServiceAccount: Required value",
    ],
    [
      "tokenAttributes on v1beta1",
      [
        provider({
          apiVersion: "credentialprovider.kubelet.k8s.io/v1beta1",
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            cacheType: "Token",
          },
        }),
      ],
      "providers.tokenAttributes: Forbidden: tokenAttributes is only supported for credentialprovider.kubelet.k8s.io/v1 API version",
    ],
    [
      "required keys with requireServiceAccount false",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: false,
            requiredServiceAccountAnnotationKeys: ["example.com/k"],
            cacheType: "Token",
          },
        }),
      ],
      "providers.tokenAttributes.requiredServiceAccountAnnotationKeys: Forbidden: requireServiceAccount cannot be false when requiredServiceAccountAnnotationKeys is set",
    ],
    [
      "keys both required and optional",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            requiredServiceAccountAnnotationKeys: ["b.io/k", "a.io/k"],
            optionalServiceAccountAnnotationKeys: ["a.io/k", "b.io/k"],
            cacheType: "Token",
          },
        }),
      ],
      'providers.tokenAttributes: Invalid value: []string{"a.io/k", "b.io/k"}: annotation keys cannot be both required and optional',
    ],
    [
      "duplicate annotation key",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            optionalServiceAccountAnnotationKeys: ["a.io/k", "a.io/k"],
            cacheType: "Token",
          },
        }),
      ],
      'providers.tokenAttributes.optionalServiceAccountAnnotationKeys: Duplicate value: "a.io/k"',
    ],
    [
      "invalid annotation key",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            optionalServiceAccountAnnotationKeys: ["a/b/c"],
            cacheType: "Token",
          },
        }),
      ],
      "providers.tokenAttributes.optionalServiceAccountAnnotationKeys: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    [
      "no cacheType",
      [
        provider({
          tokenAttributes: { serviceAccountTokenAudience: "a", requireServiceAccount: true },
        }),
      ],
      "providers.tokenAttributes.cacheType: Required value: cacheType is required to be set when tokenAttributes is specified. Supported values are: ServiceAccount, Token",
    ],
    [
      "bad cacheType",
      [
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "a",
            requireServiceAccount: true,
            cacheType: "Pod",
          },
        }),
      ],
      'providers.tokenAttributes.cacheType: Unsupported value: "Pod": supported values: "ServiceAccount", "Token"',
    ],
  ];
  for (const [name, providers, message, options] of rows) {
    it(name, () => {
      const e = errorOf(doc(providers), options ?? {});
      expect(e.message).toBe(PREFIX + message);
      expect(e.problems).toEqual([message]);
    });
  }

  it("aggregates several problems like utilerrors (bracketed, de-duplicated)", () => {
    const e = errorOf(doc([provider({ name: "a b/c", matchImages: [] })]));
    expect(e.message).toBe(
      `${PREFIX}[providers.name: Invalid value: "a b/c": provider name cannot contain '/', providers.name: Invalid value: "a b/c": provider name cannot contain spaces, providers.matchImages: Required value: at least 1 item in matchImages is required]`,
    );
    expect(e.problems).toHaveLength(3);
  });

  it("accepts a valid service-account token provider and uppercase annotation keys", () => {
    const cfg = parseCredentialProviderConfig(
      doc([
        provider({
          tokenAttributes: {
            serviceAccountTokenAudience: "registry.io",
            requireServiceAccount: true,
            requiredServiceAccountAnnotationKeys: ["Example.com/Role"],
            cacheType: "ServiceAccount",
          },
        }),
      ]),
    );
    expect(cfg.providers[0]?.tokenAttributes?.cacheType).toBe("ServiceAccount");
    expect(validateCredentialProviderConfig(cfg)).toEqual([]);
  });
});

describe("a directory of config files", () => {
  const a = doc([provider({ name: "a" })]);
  const b = doc([provider({ name: "b" })]);

  it("merges *.json/*.yaml/*.yml in byte order of the file name", () => {
    const cfg = mergeCredentialProviderConfigs([
      { fileName: "/cp/20-b.yaml", content: b },
      { fileName: "/cp/README.md", content: "not read" },
      { fileName: "/cp/10-a.json", content: JSON.stringify(a) },
    ]);
    expect(cfg.providers.map((p) => p.name)).toEqual(["a", "b"]);
  });

  it("refuses a provider name repeated across files, an empty directory, a bad file", () => {
    expect(() =>
      mergeCredentialProviderConfigs([
        { fileName: "1.yaml", content: a },
        { fileName: "2.yml", content: a },
      ]),
    ).toThrow('duplicate provider name "a" found in configuration file(s)');
    expect(() =>
      mergeCredentialProviderConfigs([{ fileName: "x.txt", content: a }], { directory: "/etc/cp" }),
    ).toThrow('no configuration files found in directory "/etc/cp"');
    expect(() =>
      mergeCredentialProviderConfigs([{ fileName: "/cp/1.json", content: "{" }]),
    ).toThrow('error decoding config "/cp/1.json": unexpected end of JSON input');
  });
});

describe("providersForImage: §5.2 matchImages", () => {
  const cfg = parseCredentialProviderConfig(
    doc([
      provider({
        name: "ecr",
        matchImages: ["*.dkr.ecr.*.amazonaws.com", "*.dkr.ecr.*.amazonaws.com.cn"],
      }),
      provider({ name: "gcr", matchImages: ["gcr.io", "*.gcr.io", "*.pkg.dev"] }),
      provider({ name: "local", matchImages: ["registry.local:5000"] }),
    ]),
  );
  it.each([
    ["123456789012.dkr.ecr.us-east-1.amazonaws.com/app", ["ecr"]],
    ["gcr.io/project/app", ["gcr"]],
    ["eu.gcr.io/project/app", ["gcr"]],
    ["europe-docker.pkg.dev/p/r/app", ["gcr"]],
    ["registry.local:5000/app", ["local"]],
    ["registry.local/app", []],
    ["docker.io/library/nginx", []],
  ] as const)("%s → %j", (image, names) => {
    expect(providersForImage(cfg, image).map((p: CredentialProvider) => p.name)).toEqual(names);
  });
});
