// The installable, offline-capable book (run at the end of the Sphinx build by peksos.sphinxext.offline).
//
//   node offline.mjs icons <logo.svg> <out dir> <background colour>   -> icon-192.png, icon-512.png
//   node offline.mjs sw <job.json>                                    -> sw.js (sw.js bundled, injectManifest)
//
// job.json: {"site": built site, "precache": [paths relative to site], "cacheId": ..., "pages": cache name,
//            "files": cache name, "tmp": a scratch folder}
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [command, ...args] = process.argv.slice(2);

async function icons(logo, out, background) {
  const { Resvg } = await import("@resvg/resvg-js");
  mkdirSync(out, { recursive: true });
  const svg = readFileSync(logo, "utf8");
  const made = {};
  for (const size of [192, 512]) {
    // the logo centred on a square of the theme colour's background, with a margin (safe zone)
    const inner = Math.round(size * 0.8);
    const logoPng = new Resvg(svg, { fitTo: { mode: "width", value: inner }, background: "rgba(0,0,0,0)" }).render();
    const pad = (size - inner) / 2;
    const framed = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}">` +
      `<rect width="100%" height="100%" fill="${background}"/>` +
      `<image x="${pad}" y="${(size - logoPng.height) / 2}" width="${logoPng.width}" height="${logoPng.height}" ` +
      `href="data:image/png;base64,${Buffer.from(logoPng.asPng()).toString("base64")}"/></svg>`;
    const png = new Resvg(framed, { fitTo: { mode: "width", value: size } }).render().asPng();
    const file = join(out, `icon-${size}.png`);
    writeFileSync(file, png);
    made[size] = file;
  }
  console.log(JSON.stringify(made));
}

async function sw(jobFile) {
  const job = JSON.parse(readFileSync(jobFile, "utf8"));
  const esbuild = await import("esbuild");
  const { injectManifest } = await import("workbox-build");
  // peksos/node/sw.js with the Workbox modules it imports, the cache names filled in
  const source = join(job.tmp, "sw-src.js");
  await esbuild.build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), "sw.js")],
    outfile: source, bundle: true, format: "iife", minify: true, target: "es2020", logLevel: "warning",
    define: {
      "process.env.NODE_ENV": '"production"',
      PEKSOS_CACHE_ID: JSON.stringify(job.cacheId),
      PEKSOS_PAGES: JSON.stringify(job.pages),
      PEKSOS_FILES: JSON.stringify(job.files),
    },
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: source,
    swDest: join(job.site, "sw.js"),
    globDirectory: job.site,
    globPatterns: job.precache,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // 12 hex digits of each file's md5 tell builds apart as well as 32, and keep sw.js small
    manifestTransforms: [async (entries) => ({ manifest: entries.map((e) => ({ ...e, revision: e.revision && e.revision.slice(0, 12) })), warnings: [] })],
  });
  for (const w of warnings) console.error(w);
  console.log(JSON.stringify({ count, size }));
}

if (command === "icons") await icons(...args);
else if (command === "sw") await sw(...args);
else { console.error("usage: node offline.mjs icons|sw ..."); process.exit(2); }
