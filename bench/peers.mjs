// Adapters that put pullpolicy and the npm peer parsers behind one shape, so the throughput
// bench, the bounded pathological-input runs and the agreement table call them all alike.
//
// Each candidate is:
//   name       short label used in tables
//   pkg        npm package (and version) or "pullpolicy"
//   api        the function called, as a user would call it
//   validates  whether it checks the reference grammar (rather than only splitting the string)
//   fn(s)      hot path for timing: parses s and returns a number taken from the result, so the
//              work is observable (the checksum); never throws
//   outcome(s) {accepted, normalized, error, threw?}: normalized is the fully-qualified form when
//              the peer produces one comparable with Go's String() of ParseNormalizedNamed, else
//              null; threw marks an exception the peer does not document (a crash)
//   goField    which conformance-vector field is the Go ground truth for its accept/reject
//
// The peers' APIs were read from their sources in node_modules:
// - @swimlane/docker-reference and @codefresh-io/docker-reference: JavaScript ports of
//   docker/distribution's regular expressions; parseFamiliarName normalises like
//   ParseNormalizedNamed and throws on bad input; Reference#toString gives the qualified form.
// - parse-docker-image-name: docker/distribution's reference.Parse compiled to JavaScript with
//   GopherJS (Go's regexp engine, run as JavaScript); returns {} on error, else {domain, path,
//   tag, digest} with no normalisation.
// - docker-parse-image: one regular expression that splits registry/namespace/repository/tag;
//   returns null when it does not match, validates nothing else.
// - dockerode lib/util parseRepositoryTag: indexOf/lastIndexOf split into {repository, tag};
//   never rejects.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

function version(pkg) {
  const file = join(root, "node_modules", pkg, "package.json");
  return JSON.parse(readFileSync(file, "utf8")).version;
}

function message(e) {
  return e instanceof Error ? e.message : String(e);
}

/** `outcome` for a parser that throws on bad input; `normalize` maps its result to a string. */
function throwingOutcome(parse, normalize) {
  return (s) => {
    try {
      return { accepted: true, normalized: normalize(parse(s)), error: null };
    } catch (e) {
      return { accepted: false, normalized: null, error: message(e) };
    }
  };
}

// The timed `fn` of every candidate is a function literal of its own, never one made by a
// shared factory: V8 shares type feedback (and optimised code) between closures created from
// the same literal, so a shared one would see several parsers at its call site and slow every
// candidate down with a polymorphic call.

/** The ported-regex peers: same API, one shape; the timed fn is passed in (see above). */
function portAdapter(pkg, fn) {
  const { parseFamiliarName } = require(pkg);
  return {
    name: pkg,
    pkg: `${pkg}@${version(pkg)}`,
    api: "parseFamiliarName(s)",
    validates: true,
    goField: "parseNormalizedNamed",
    fn: fn(parseFamiliarName),
    outcome: throwingOutcome(parseFamiliarName, String),
  };
}

/**
 * The npm peers, in the order the issue lists them, as factories: a worker thread that times one
 * peer loads only that one (parse-docker-image-name alone is a megabyte of GopherJS).
 */
const PEERS = {
  "@swimlane/docker-reference": () =>
    portAdapter("@swimlane/docker-reference", (parse) => (s) => {
      try {
        return parse(s).repository.length;
      } catch {
        return 1;
      }
    }),
  "@codefresh-io/docker-reference": () =>
    portAdapter("@codefresh-io/docker-reference", (parse) => (s) => {
      try {
        return parse(s).repository.length;
      } catch {
        return 1;
      }
    }),
  "docker-parse-image": () => {
    const parseDockerImage = require("docker-parse-image");
    return {
      name: "docker-parse-image",
      pkg: `docker-parse-image@${version("docker-parse-image")}`,
      api: "parse(s)",
      validates: false,
      goField: "parseNormalizedNamed",
      fn(s) {
        const r = parseDockerImage(s);
        return r === null ? 0 : r.fullname.length;
      },
      outcome(s) {
        const r = parseDockerImage(s);
        return r === null
          ? { accepted: false, normalized: null, error: "null" }
          : { accepted: true, normalized: null, error: null };
      },
    };
  },
  "parse-docker-image-name": () => {
    const parseDockerImageName = require("parse-docker-image-name");
    return {
      name: "parse-docker-image-name",
      pkg: `parse-docker-image-name@${version("parse-docker-image-name")}`,
      api: "parse(s)",
      validates: true,
      // It is reference.Parse (no normalisation), so Go's parse is its ground truth.
      goField: "parse",
      // Go panics inside the GopherJS regexp engine surface as thrown Errors on some inputs
      // (e.g. "index out of range" on non-ASCII text): counted as a crash, not a verdict.
      fn(s) {
        try {
          const r = parseDockerImageName(s);
          return r.path === undefined ? 0 : r.path.length;
        } catch {
          return 2;
        }
      },
      outcome(s) {
        try {
          const r = parseDockerImageName(s);
          return r.path === undefined
            ? { accepted: false, normalized: null, error: "{}" }
            : { accepted: true, normalized: null, error: null };
        } catch (e) {
          return { accepted: false, normalized: null, error: message(e), threw: true };
        }
      },
    };
  },
  "dockerode parseRepositoryTag": () => {
    const { parseRepositoryTag } = require("dockerode/lib/util");
    return {
      name: "dockerode parseRepositoryTag",
      pkg: `dockerode@${version("dockerode")}`,
      api: 'require("dockerode/lib/util").parseRepositoryTag(s)',
      validates: false,
      goField: "parseNormalizedNamed",
      fn(s) {
        const r = parseRepositoryTag(s);
        return r.repository.length + (r.tag === undefined ? 0 : r.tag.length);
      },
      outcome(s) {
        parseRepositoryTag(s);
        return { accepted: true, normalized: null, error: null };
      },
    };
  },
};

/** The npm peers (all, or only those named). */
export function peers(names) {
  return Object.entries(PEERS)
    .filter(([name]) => !names || names.includes(name))
    .map(([, make]) => make());
}

/**
 * Loads the built library (dist/index.js, or the file named by BENCH_DIST: on a machine where
 * others rebuild dist while a benchmark runs, time a snapshot); null when it has not been built.
 */
export async function loadOurs() {
  const entry = process.env.BENCH_DIST ?? join(root, "dist", "index.js");
  if (!existsSync(entry)) return null;
  return import(pathToFileURL(entry).href);
}

/**
 * Our candidates. Until src/reference exports parseNormalizedNamed, a trivial stand-in keeps the
 * harness runnable; it is labelled as such in every table so it cannot pass for a result.
 */
export function ours(lib) {
  const parse = lib?.parseNormalizedNamed;
  const familiar = lib?.familiarString;
  if (typeof parse !== "function") {
    return [
      {
        name: "STAND-IN (parser not built yet)",
        pkg: "pullpolicy (stand-in)",
        api: "s.length",
        validates: false,
        goField: "parseNormalizedNamed",
        fn: (s) => s.length,
        outcome: () => ({ accepted: true, normalized: null, error: null }),
      },
    ];
  }
  const pkg = `pullpolicy (${process.env.BENCH_DIST ?? "dist/index.js"})`;
  const list = [
    {
      name: "pullpolicy parseNormalizedNamed",
      pkg,
      api: "parseNormalizedNamed(s)",
      validates: true,
      goField: "parseNormalizedNamed",
      fn(s) {
        try {
          return parse(s).path.length;
        } catch {
          return 1;
        }
      },
      outcome: throwingOutcome(parse, String),
    },
  ];
  if (typeof familiar === "function") {
    list.push({
      name: "pullpolicy parseNormalizedNamed + familiarString",
      pkg,
      api: "familiarString(parseNormalizedNamed(s))",
      validates: true,
      goField: "parseNormalizedNamed",
      fn(s) {
        try {
          return familiar(parse(s)).length;
        } catch {
          return 1;
        }
      },
      outcome: throwingOutcome(parse, familiar),
    });
  }
  return list;
}

/** Every candidate, ours first; `names` (optional) keeps only those. */
export async function allCandidates(names) {
  const wantOurs = !names || names.some((n) => !(n in PEERS));
  const list = [...(wantOurs ? ours(await loadOurs()) : []), ...peers(names)];
  return names ? list.filter((c) => names.includes(c.name)) : list;
}
