/**
 * Whether the kubelet runs a credential provider plugin for an image, and with which request
 * (§5.2, `pluginProvider.provide` in pkg/credentialprovider/plugin/plugin.go): the image must
 * match one of `matchImages`; in service-account token mode a pod without a service account is
 * skipped when `requireServiceAccount` is set, and a service account that cannot be read or
 * lacks a required annotation skips the plugin silently (no error reaches the pod). Returns data.
 * @module
 */

import type { CredentialProvider } from "./provider-config.js";
import { serviceAccountCacheKey } from "./provider-response.js";
import { urlsMatch } from "./url-match.js";

/**
 * What the kubelet knows when it considers a plugin for one image of one pod.
 * @example
 * const ctx: ProviderInvocationContext = { image: "gcr.io/p/app", podNamespace: "ns",
 *   podName: "web-0", serviceAccountName: "" };
 */
export interface ProviderInvocationContext {
  /** The normalised image name (repoToPull). */
  readonly image: string;
  readonly podNamespace?: string;
  readonly podName?: string;
  /** The pod's `spec.serviceAccountName` (`""` when none). */
  readonly serviceAccountName?: string;
  /** The service account as read from the API; `null` when reading it failed. */
  readonly serviceAccount?: {
    readonly uid: string;
    readonly annotations: Readonly<Record<string, string>>;
  } | null;
  /** The bound token the kubelet obtained for the plugin's audience. */
  readonly serviceAccountToken?: string;
}

/**
 * The CredentialProviderRequest the plugin receives on stdin.
 * @example
 * const req: CredentialProviderRequest = { apiVersion: "credentialprovider.kubelet.k8s.io/v1",
 *   kind: "CredentialProviderRequest", image: "gcr.io/p/app" };
 */
export interface CredentialProviderRequest {
  readonly apiVersion: string;
  readonly kind: "CredentialProviderRequest";
  readonly image: string;
  readonly serviceAccountToken?: string;
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
}

/**
 * The decision of {@link credentialProviderInvocation}.
 * @example
 * const d: ProviderInvocation = credentialProviderInvocation(provider, { image });
 * if (d.invoke) console.log(JSON.stringify(d.request));
 */
export type ProviderInvocation =
  | { readonly invoke: false; readonly reason: string }
  | {
      readonly invoke: true;
      readonly request: CredentialProviderRequest;
      /** The service-account part of the cache keys (byte string, `""` outside SA mode). */
      readonly serviceAccountCacheKey: string;
    };

/**
 * Decides whether `provider` is run for `context.image`, and builds its request.
 * @example
 * credentialProviderInvocation(provider, { image: "gcr.io/p/app" });
 * // { invoke: true, request: { apiVersion: "credentialprovider.kubelet.k8s.io/v1",
 * //   kind: "CredentialProviderRequest", image: "gcr.io/p/app" }, serviceAccountCacheKey: "" }
 */
export function credentialProviderInvocation(
  provider: CredentialProvider,
  context: ProviderInvocationContext,
): ProviderInvocation {
  const image = context.image;
  if (!provider.matchImages.some((m) => urlsMatch(m, image))) {
    return { invoke: false, reason: `image ${JSON.stringify(image)} matches none of matchImages` };
  }
  const base = {
    apiVersion: provider.apiVersion,
    kind: "CredentialProviderRequest" as const,
    image,
  };
  const attrs = provider.tokenAttributes;
  const saName = context.serviceAccountName ?? "";
  if (attrs === undefined) return { invoke: true, request: base, serviceAccountCacheKey: "" };
  const pod = `${context.podNamespace ?? ""}/${context.podName ?? ""}`;
  if (saName === "") {
    if (attrs.requireServiceAccount === true) {
      return { invoke: false, reason: `Service account name is empty for pod ${pod}` };
    }
    return { invoke: true, request: base, serviceAccountCacheKey: "" };
  }
  const sa = context.serviceAccount;
  if (sa === undefined || sa === null) {
    return {
      invoke: false,
      reason: `Failed to get service account ${context.podNamespace ?? ""}/${saName}`,
    };
  }
  const annotations: Record<string, string> = {};
  for (const k of attrs.requiredServiceAccountAnnotationKeys) {
    if (!Object.hasOwn(sa.annotations, k)) {
      return {
        invoke: false,
        reason: `Failed to get service account data ${context.podNamespace ?? ""}/${saName}: required annotation ${k} not found`,
      };
    }
    annotations[k] = sa.annotations[k] as string;
  }
  for (const k of attrs.optionalServiceAccountAnnotationKeys) {
    if (Object.hasOwn(sa.annotations, k)) annotations[k] = sa.annotations[k] as string;
  }
  const token = context.serviceAccountToken ?? "";
  const request: CredentialProviderRequest = {
    ...base,
    ...(token === "" ? {} : { serviceAccountToken: token }),
    ...(Object.keys(annotations).length === 0 ? {} : { serviceAccountAnnotations: annotations }),
  };
  return {
    invoke: true,
    request,
    serviceAccountCacheKey: serviceAccountCacheKey({
      namespace: context.podNamespace ?? "",
      name: saName,
      uid: sa.uid,
      annotations,
      token,
      cacheType: attrs.cacheType,
    }),
  };
}
