/**
 * `explain --node-images FILE`: what the kubelet would do for each image on a node that already
 * holds the listed images, decided by the library's EnsureImageExists over an in-memory runtime
 * (a registry that answers every pull). Each row gets a fresh node, so rows never influence each
 * other.
 */
import { readFileSync } from "node:fs";
import {
  applyDefaultImageTag,
  createImageManager,
  createManualClock,
  createMemoryRuntime,
  familiarString,
  isPullPolicy,
  safeParseNormalizedNamed,
} from "../index.js";
import { describeFsError } from "./files.js";

/**
 * What the kubelet decides for one container on that node.
 * @example
 * const o: NodeOutcome = { outcome: "never-pull", reason: "ErrImageNeverPull", message: "Container image \"nginx:1.27\" is not present with pull policy of Never" };
 */
export interface NodeOutcome {
  /** `present`, `pulled`, `never-pull`, `invalid-image-name`, … (the library's PullOutcome). */
  readonly outcome: string;
  /** Waiting reason when the container cannot start, else null. */
  readonly reason: string | null;
  /** The kubelet's message (event text). */
  readonly message: string;
}

/**
 * Reads a node image list: one image per line, `#` comments and blank lines ignored.
 * Throws InputError naming the file when it cannot be read.
 * @example
 * readNodeImages("node-images.txt"); // ["nginx:1.25", "registry.k8s.io/pause:3.10"]
 */
export function readNodeImages(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw describeFsError(path, error);
  }
  return parseNodeImages(text);
}

/**
 * The images listed in a node image list text.
 * @example
 * parseNodeImages("# cached\nnginx:1.25\n\n"); // ["nginx:1.25"]
 */
export function parseNodeImages(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const hash = raw.indexOf("#");
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (line !== "") out.push(line);
  }
  return out;
}

/**
 * The names under which a runtime such as containerd finds a listed image: as written, its
 * normalized form and its familiar form (each with the default tag the kubelet adds).
 * @example
 * runtimeNames("nginx"); // ["nginx", "nginx:latest", "docker.io/library/nginx:latest"]
 */
export function runtimeNames(image: string): string[] {
  const names = new Set<string>([image]);
  const parsed = safeParseNormalizedNamed(image);
  if (parsed.success) {
    for (const form of [String(parsed.reference), familiarString(parsed.reference)]) {
      names.add(form);
      names.add(applyDefaultImageTag(form));
    }
  }
  return [...names];
}

/**
 * Builds the per-row decision function for a node holding `images`.
 * @example
 * const decide = createNodeView(["nginx:1.25"]);
 * (await decide("nginx:1.25", "IfNotPresent")).outcome; // "present"
 */
export function createNodeView(
  images: readonly string[],
): (image: string, policy: string) => Promise<NodeOutcome> {
  const present = [...new Set(images.flatMap(runtimeNames))];
  return async (image, policy) => {
    const clock = createManualClock(0);
    // The runtime answers by name as containerd does: the pod's image in any of its forms.
    const runtime = createMemoryRuntime({ present });
    const lookup = createMemoryRuntime({ present });
    const forms = runtimeNames(image);
    const wrapped = {
      getImageRef: (name: string) => {
        for (const form of [name, ...forms]) {
          const ref = lookup.getImageRef(form);
          if (ref !== "") return ref;
        }
        return "";
      },
      pullImage: runtime.pullImage.bind(runtime),
      getImageSize: runtime.getImageSize.bind(runtime),
    };
    const manager = createImageManager({ runtime: wrapped, clock, registryPullQPS: 0 });
    const decision = await manager.ensureImageExists({
      pod: { uid: "explain" },
      image,
      ...(isPullPolicy(policy) ? { pullPolicy: policy } : {}),
    });
    return {
      outcome: decision.outcome,
      reason: decision.reason ?? null,
      message: decision.message || decision.events.map((e) => e.message).join("; "),
    };
  };
}
