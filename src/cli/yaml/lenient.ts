/**
 * kubectl reads YAML with go-yaml, which accepts a multi-line quoted scalar whose continuation
 * lines are indented less than the block they belong to; eemeli `yaml` rejects it ("Missing
 * closing quote"). Leading white space of a continuation line is never part of a quoted
 * scalar's value, so indenting those lines further changes nothing but makes the text valid
 * for the stricter parser. This module does exactly that and nothing else.
 */

/**
 * Re-indents the continuation lines of multi-line quoted scalars so that each is indented more
 * than the line that opened the scalar. Returns undefined when no line needed it.
 * Linear in the length of the text.
 * @example
 * reindentQuotedContinuations('a:\n  - "x\nb"\n'); // 'a:\n  - "x\n   b"\n'
 */
export function reindentQuotedContinuations(text: string): string | undefined {
  const lines = text.split("\n");
  let changed = false;
  // Inside a quoted scalar: its quote character and the indentation continuation lines need.
  let quote: '"' | "'" | "" = "";
  let need = 0;
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] ?? "";
    let i = 0;
    if (quote !== "") {
      if (line.trim() !== "") {
        let indent = 0;
        while (line[indent] === " ") indent++;
        if (indent < need) {
          line = " ".repeat(need - indent) + line;
          lines[n] = line;
          changed = true;
        }
      }
      const end = closingQuote(line, 0, quote);
      if (end < 0) continue;
      quote = "";
      i = end + 1;
    }
    let indent = 0;
    while (line[indent] === " ") indent++;
    // Outside any scalar: look for a quote that starts a value, skip quoted strings that close
    // on this line, stop at a comment.
    let prev = i === 0 ? "" : "x";
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) break;
      if ((c === '"' || c === "'") && startsValue(prev)) {
        const end = closingQuote(line, i + 1, c);
        if (end < 0) {
          quote = c;
          need = indent + 1;
          break;
        }
        i = end;
        prev = "x";
        continue;
      }
      if (c !== " " && c !== "\t") prev = c ?? "";
    }
  }
  return changed ? lines.join("\n") : undefined;
}

/** A quote starts a scalar at the line start or after one of these indicators. */
function startsValue(prev: string): boolean {
  return (
    prev === "" || prev === ":" || prev === "-" || prev === "[" || prev === "{" || prev === ","
  );
}

/** Index of the quote that closes a scalar opened with `quote`, scanning from `from`; -1 if none. */
function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === "\\") {
        i++;
        continue;
      }
      if (c === '"') return i;
    } else if (c === "'") {
      if (line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
