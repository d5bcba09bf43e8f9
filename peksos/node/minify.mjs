// Minify the book's own small scripts in the built site, in place (run at the end of the Sphinx build by
// peksos.sphinxext.weight; the readable sources stay in peksos/sphinxext/static/).
//
//   node minify.mjs <file.js> ...        -> prints {file: [bytes before, bytes after]} as JSON
import { readFileSync, writeFileSync } from "node:fs";
import * as esbuild from "esbuild";

const sizes = {};
for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const { code } = await esbuild.transform(source, { loader: "js", minify: true, charset: "utf8", legalComments: "none", target: "es2020" });
  writeFileSync(file, code);
  sizes[file] = [Buffer.byteLength(source), Buffer.byteLength(code)];
}
console.log(JSON.stringify(sizes));
