// Builds image rows from manifest text, as the commands do, for unit tests.
import type { InputFile } from "../../src/cli/files.js";
import { type ImageRow, scanText } from "../../src/cli/scan.js";

export function rowsOf(text: string, name = "test.yaml", keepObjects = false): ImageRow[] {
  const file: InputFile = { name, uri: name, read: async () => text };
  return scanText(file, text, { keepObjects }).documents.flatMap((d) => d.rows);
}

/** A Deployment with one container, for rule tables. */
export function deployment(container: string, annotations = ""): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
${annotations}spec:
  template:
    spec:
      containers:
        - name: app
${container
  .split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
`;
}
