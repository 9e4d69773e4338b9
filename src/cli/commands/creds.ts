/**
 * `pullpolicy creds` (placeholder until the credentials module lands).
 */
import type { Command } from "../command.js";
import { ExitCode } from "../errors.js";

export const credsCommand: Command = {
  spec: {
    name: "creds",
    summary: "The registry credentials the kubelet would try for an image, in order",
    usage: "creds <image> [--config FILE]... [--secret FILE]... [--namespace NS] [--json]",
    description: "placeholder",
    options: {},
    minPositionals: 1,
    maxPositionals: 1,
    positionalName: "image",
    examples: ["pullpolicy creds nginx"],
  },
  run: async () => ExitCode.usage,
};
