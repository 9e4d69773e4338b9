/**
 * Where the kubelet finds the node's docker config (§4.3, `ReadDockerConfigFile` in
 * pkg/credentialprovider/config.go), with the file system injected: first `config.json`
 * (`{"auths": …}`) in the preferred path (the kubelet's root dir, normally `/var/lib/kubelet`),
 * the working directory, `$HOME/.docker`, `/.docker`; if none reads and decodes, the legacy
 * `.dockercfg` (bare map) in the preferred path, the working directory, `$HOME`, `/`. The first
 * file that reads and decodes wins; unreadable or invalid files are skipped (the kubelet only
 * logs them — their reasons are returned here).
 * @module
 */

import type { DockerConfig } from "./docker-config.js";
import { safeParseDockerConfig } from "./docker-config.js";

/**
 * A file the search looked at and why it was not used.
 * @example
 * for (const a of findNodeDockerConfig({ readFile }).attempts) console.log(a.file, a.problem);
 */
export interface NodeDockerConfigAttempt {
  readonly file: string;
  /** `not found`, or the kubelet's (hidden-detail) decode message. */
  readonly problem: string;
}

/**
 * Result of {@link findNodeDockerConfig}.
 * @example
 * const r: NodeDockerConfigResult = findNodeDockerConfig({ readFile: () => null });
 * r.ok; // false
 */
export type NodeDockerConfigResult =
  | {
      readonly ok: true;
      readonly file: string;
      readonly config: DockerConfig;
      readonly attempts: readonly NodeDockerConfigAttempt[];
    }
  | {
      readonly ok: false;
      readonly error: string;
      readonly attempts: readonly NodeDockerConfigAttempt[];
    };

/**
 * Options of {@link findNodeDockerConfig}.
 * @example
 * const opts: NodeDockerConfigOptions = { readFile: (p) => files.get(p) ?? null,
 *   preferredPath: "/var/lib/kubelet" };
 */
export interface NodeDockerConfigOptions {
  /** Reads a file: its text, or `null` when it does not exist or cannot be read. */
  readonly readFile: (path: string) => string | null;
  /** The kubelet's root directory (`--root-dir`), default `/var/lib/kubelet`. */
  readonly preferredPath?: string;
  /** The kubelet's working directory (absolute), default `/`. */
  readonly workingDir?: string;
  /** `$HOME` of the kubelet (`os.UserHomeDir`), default `/root`. */
  readonly homeDir?: string;
}

/** Go's filepath.Join + Abs for the few shapes used here (absolute dirs, or "" for the cwd). */
function absJoin(workingDir: string, dir: string, file: string): string {
  const base = dir === "" ? workingDir : dir.startsWith("/") ? dir : `${workingDir}/${dir}`;
  const joined = `${base}/${file}`.replace(/\/+/g, "/");
  return joined;
}

/**
 * Finds and decodes the node's docker config as the kubelet does, with the file system
 * injected. Error texts are the kubelet's: `couldn't find valid .dockercfg after checking in
 * [/var/lib/kubelet  /root /]` (Go prints the search list with `%v`; the working directory is
 * the empty string there).
 * @example
 * const files = { "/var/lib/kubelet/config.json": '{"auths":{"reg.io":{"auth":"dTpw"}}}' };
 * const r = findNodeDockerConfig({ readFile: (p) => files[p] ?? null });
 * r.ok && r.file; // "/var/lib/kubelet/config.json"
 */
export function findNodeDockerConfig(options: NodeDockerConfigOptions): NodeDockerConfigResult {
  const preferred = options.preferredPath ?? "/var/lib/kubelet";
  const cwd = options.workingDir ?? "/";
  const home = options.homeDir ?? "/root";
  const attempts: NodeDockerConfigAttempt[] = [];
  const search = (
    dirs: readonly string[],
    fileName: string,
    format: "config.json" | "dockercfg",
  ): { file: string; config: DockerConfig } | null => {
    for (const dir of dirs) {
      const file = absJoin(cwd, dir, fileName);
      const text = options.readFile(file);
      if (text === null) {
        attempts.push({ file, problem: "not found" });
        continue;
      }
      const parsed = safeParseDockerConfig(text, {
        format,
        source: { kind: "dockerConfig", file },
      });
      if (!parsed.ok) {
        // The kubelet hides the decoder's detail here (it could quote a password).
        attempts.push({ file, problem: "error occurred while trying to unmarshal json" });
        continue;
      }
      return { file, config: parsed.config };
    }
    return null;
  };
  const jsonDirs = [preferred, "", `${home}/.docker`.replace(/\/+/g, "/"), "/.docker"];
  const found = search(jsonDirs, "config.json", "config.json");
  if (found !== null) return { ok: true, ...found, attempts };
  const cfgDirs = [preferred, "", home, "/"];
  const legacy = search(cfgDirs, ".dockercfg", "dockercfg");
  if (legacy !== null) return { ok: true, ...legacy, attempts };
  return {
    ok: false,
    error: `couldn't find valid .dockercfg after checking in [${cfgDirs.join(" ")}]`,
    attempts,
  };
}
