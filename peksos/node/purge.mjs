// Drop the theme CSS that no page uses, then minify it (run at the end of the Sphinx build).
//
//   node purge.mjs <job.json>
//
// job.json: {"css": [[pristine, target], ...], "content": [html and js files], "safelist": {...},
//            "blocklist": [regex, ...]}
// Every selector is kept that names a class, id or tag found in the built pages or in the
// scripts the pages run (the theme adds classes such as `show` at run time), or that the
// safelist names, unless the blocklist names it (theme features the book does not turn on, whose
// names the theme's script spells out anyway). PurgeCSS also drops unused @font-face, @keyframes and
// custom properties.
// Prints {target: [bytes before, bytes after]} as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";
import * as esbuild from "esbuild";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const re = (list) => (list || []).map((s) => new RegExp(s));
const safelist = {
  standard: [...(job.safelist.standard || []), ...re(job.safelist.patterns)],
  deep: re(job.safelist.deep),
  greedy: re(job.safelist.greedy),
};
// In the pages only markup counts: tag names, attribute names, and the words of attribute values
// (class, id, data-*). Their text is prose; a word like "show" in a sentence keeps no rule alive.
// Scripts keep PurgeCSS's default extractor: their class names live in strings.
function markup(content) {
  const found = new Set();
  const text = content.replace(/<script\b[^>]*type="application\/json"[^>]*>[\s\S]*?<\/script>/g, "");
  for (const tag of text.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    found.add(tag[1].toLowerCase());
    for (const attr of tag[2].matchAll(/([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      found.add(attr[1]);
      const value = attr[2] ?? attr[3] ?? attr[4];
      if (value) for (const word of value.split(/\s+/)) if (word) found.add(word);
    }
  }
  return [...found];
}
const sizes = {};
const results = await new PurgeCSS().purge({
  content: job.content,
  css: job.css.map(([pristine]) => ({ raw: readFileSync(pristine, "utf8"), name: pristine })),
  safelist,
  blocklist: re(job.blocklist),
  extractors: [{ extractor: markup, extensions: ["html"] }],
  fontFace: true,
  keyframes: true,
  variables: true,
  rejected: false,
});
for (let i = 0; i < job.css.length; i++) {
  const [pristine, target] = job.css[i];
  const before = readFileSync(pristine).length;
  const min = await esbuild.transform(results[i].css, { loader: "css", minify: true, charset: "utf8", legalComments: "none" });
  const text = "/*peksos:purged*/" + min.code;
  writeFileSync(target, text);
  sizes[target] = [before, Buffer.byteLength(text)];
}
console.log(JSON.stringify(sizes));
