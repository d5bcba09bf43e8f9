// Bundle every front-end module for the static book (run by `peksos bundle`): the shared engine and course
// pages of peksos/widgets, and each content kind's module in its own folder (peksos/quiz/quiz.js, ...).
//
//   node bundle.mjs <files JSON> <dist dir> <sources hash> [<packages JSON>]
//
// <files JSON> maps each source's file name to its path ({"engine.js": ".../widgets/engine.js", ...}).
// Each <name>.js becomes dist/<name>.js: a minified classic script (an IIFE, no `import`), so it also
// runs from file:// where Chromium loads no ES modules. It registers its exports on the global
// `peksos` object (`peksos.quiz`, `peksos.engine`, ...). An import of another module such as
// `import { h } from "../widgets/engine.js"` reads `peksos.engine` at run time instead of inlining the engine
// again, so a page with a quiz and a case loads the engine once: the page loads the module's
// dependencies first (listed in dist/bundle.json). Each <name>.css becomes a minified dist/<name>.css.
// Each script has its sourcemap beside it (<name>.js.map) holding the text of its sources
// (sourcesContent), so the map also works where the repo is not: the book copies it beside the script
// into _static/peksos/, and a browser's developer tools show the sources from the map alone. No tag
// names a map (only the script's last line does), so pages never load it. The CSS has none: minified,
// it still reads as its source, and the link comment would cost every page bytes against the engine's budget.
//
// <packages JSON> ({"adapter": <file>, "kinds": {"quiz": "mount", ...}, "widgets": ["quiz", ...]}) names the SCORM adapter and,
// per kind, the mount function its widget exports: dist/scorm/peksos-<kind>.js is then ONE classic
// script with the engine, the widget and the adapter bundled in (not read from the global), minified
// with readable names, and its sourcemap dist/scorm/peksos-<kind>.js.map (sources included), for
// `peksos export scorm`. Each of "widgets" gets dist/esm/<kind>.js, the ES module the Jupyter host
// (anywidget) loads: the widget with everything it imports bundled in, its default export the widget.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join, dirname, relative, resolve, sep } from "node:path";
import * as esbuild from "esbuild";

const [filesArg, dist, hash, packagesArg] = process.argv.slice(2);
if (!filesArg || !dist || !hash) {
  console.error("usage: node bundle.mjs <files JSON> <dist dir> <sources hash> [<packages JSON>]");
  process.exit(2);
}
const files = JSON.parse(filesArg);
const moduleOf = new Map(Object.entries(files).filter(([f]) => f.endsWith(".js")).map(([f, p]) => [resolve(p), f.slice(0, -3)]));
// every site script's sourcemap beside it (<name>.js.map), with the text of its sources in it
const SITE_MAP = { sourcemap: "linked", sourcesContent: true };
// the wrappers below import by paths relative to their resolveDir: their text is in the maps, and a path of
// this machine there would differ from one checkout to the next
const near = (from, file) => JSON.stringify(`./${relative(from, file).split(sep).join("/")}`);
const RELATIVE = /^\.\.?\/.*\.js$/;
const names = Object.keys(files).sort();
const modules = {};

function sibling(deps, self) {
  return {
    name: "peksos-siblings",
    setup(build) {
      build.onResolve({ filter: RELATIVE }, (args) => {
        if (args.importer === "<stdin>") return undefined;  // the wrapper's import of the module itself
        const name = moduleOf.get(resolve(dirname(args.importer), args.path));
        if (name === undefined || name === self) return undefined;  // not a module of its own: bundled in
        deps.add(name);
        // only what the importer takes from the sibling (`import { a, b } from "./x.js"`), else all it exports
        const taken = importedFrom(readFileSync(args.importer, "utf8"), args.path);
        return { path: name, namespace: "peksos-global", pluginData: { taken } };
      });
      build.onLoad({ filter: /.*/, namespace: "peksos-global" }, async (args) => {
        const names = args.pluginData?.taken || await exportsOf(files[`${args.path}.js`]);
        const key = JSON.stringify(args.path);
        return {
          contents: `const m = (globalThis.peksos || {})[${key}];\n` +
            `if (!m) throw new Error("peksos: ${args.path}.js first");\n` +
            names.map((n) => `export const ${n} = m.${n};`).join("\n"),
          loader: "js",
        };
      });
    },
  };
}

// The names `source` imports by name from `path` (null when it imports the whole module or none by name).
function importedFrom(source, path) {
  const esc = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const names = new Set();
  for (const m of source.matchAll(new RegExp(`^import\\s*(\\*|\\{[^}]*\\})\\s*from\\s*["']${esc}["']`, "gm"))) {
    if (m[1] === "*") return null;
    for (const part of m[1].slice(1, -1).split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  return names.size ? [...names] : null;
}

// The names a module exports ("default" among them), as esbuild reads them (no pattern over the text).
async function exportsOf(file) {
  const out = await esbuild.build({ entryPoints: [file], bundle: false, write: false, metafile: true, format: "esm",
    outdir: dist, logLevel: "error" });
  return Object.values(out.metafile.outputs)[0].exports;
}

mkdirSync(dist, { recursive: true });
for (const f of readdirSync(dist)) if (/\.(js|css|map)$/.test(f)) rmSync(join(dist, f));

for (const file of names) {
  const name = file.replace(/\.(js|css)$/, "");
  const entry = (modules[name] ||= { deps: [] });
  if (file.endsWith(".css")) {
    await esbuild.build({ entryPoints: [files[file]], outfile: join(dist, file), minify: true, charset: "utf8",
      legalComments: "none", logLevel: "error" });
    entry.css = file;
    continue;
  }
  const deps = new Set();
  const key = JSON.stringify(name);
  // the module's exports as a plain object on the global (no namespace object with getters to build)
  const exported = await exportsOf(files[file]);
  const hasDefault = exported.includes("default"), named = exported.filter((n) => n !== "default");
  const imports = [hasDefault ? "m_default" : "", named.length ? `{ ${named.join(", ")} }` : ""].filter(Boolean).join(", ");
  const fields = [...(hasDefault ? ["default: m_default"] : []), ...named].join(", ");
  await esbuild.build({
    stdin: {
      contents: `import ${imports ? `${imports} from ` : ""}${near(dirname(files[file]), files[file])};\n` +
        `(globalThis.peksos = globalThis.peksos || {})[${key}] = { ${fields} };\n`,
      resolveDir: dirname(files[file]), sourcefile: "<stdin>", loader: "js",
    },
    bundle: true, format: "iife", minify: true, charset: "utf8", legalComments: "none",
    target: ["es2020"], outfile: join(dist, file), plugins: [sibling(deps, name)], ...SITE_MAP, logLevel: "error",
  });
  entry.js = file;
  entry.deps = [...deps].sort();
}

const packages = {};
const pkg = packagesArg ? JSON.parse(packagesArg) : { kinds: {} };
const scoDir = join(dist, "scorm");
rmSync(scoDir, { recursive: true, force: true });
for (const [kind, mountName] of Object.entries(pkg.kinds)) {
  mkdirSync(scoDir, { recursive: true });
  const file = `peksos-${kind}.js`;
  await esbuild.build({
    stdin: {
      contents: `import { scoStart } from ${near(dirname(files[`${kind}.js`]), pkg.adapter)};\n` +
        `import { ${mountName} as mount } from ${near(dirname(files[`${kind}.js`]), files[`${kind}.js`])};\n` +
        "scoStart(mount);\n",
      resolveDir: dirname(files[`${kind}.js`]), sourcefile: `peksos-${kind}-sco.js`, loader: "js",
    },
    bundle: true, format: "iife", minifyWhitespace: true, minifySyntax: true, charset: "utf8",
    legalComments: "none", target: ["es2020"], outfile: join(scoDir, file), sourcemap: "linked",
    sourcesContent: true, logLevel: "error",
  });
  packages[kind] = { js: `scorm/${file}`, map: `scorm/${file}.map` };
}

// the Jupyter host's ES module of each widget kind: the widget with everything it imports bundled in, its
// default export the anywidget object; whitespace and syntax minified, names kept (as the SCORM scripts)
const esm = {};
const esmDir = join(dist, "esm");
rmSync(esmDir, { recursive: true, force: true });
for (const kind of pkg.widgets || []) {
  mkdirSync(esmDir, { recursive: true });
  await esbuild.build({ entryPoints: [files[`${kind}.js`]], outfile: join(esmDir, `${kind}.js`), bundle: true,
    format: "esm", minifyWhitespace: true, minifySyntax: true, charset: "utf8", legalComments: "none",
    target: ["es2020"], logLevel: "error" });
  esm[kind] = `esm/${kind}.js`;
}

writeFileSync(join(dist, "bundle.json"), JSON.stringify({
  note: "Written by `peksos bundle` from the sources in peksos/widgets and the content kinds' folders; do not edit. The build stops when `sources` differs from the hash of those files.",
  esbuild: esbuild.version, sources: hash, modules, packages, esm,
}, null, 1) + "\n");
console.log(`peksos bundle: ${Object.keys(modules).length} modules, ${Object.keys(packages).length} SCORM scripts, ` +
  `${Object.keys(esm).length} Jupyter modules -> ${dist}`);
