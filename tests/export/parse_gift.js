#!/usr/bin/env node
// Reads a GIFT file (path argument, or stdin) with gift-pegjs, an independent GIFT parser from the
// npm registry, and prints what it parsed as JSON. Exit 1 with the parser's message and location
// when the file is not valid GIFT. Used by tests/export/test_gift.py.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
let parse;
try {
  ({ parse } = require(path.join(root, "node_modules", "gift-pegjs")));
} catch (e) {
  process.stderr.write("gift-pegjs is not installed: run `npm ci` in " + root + "\n");
  process.exit(2);
}

const source = fs.readFileSync(process.argv[2] || 0, "utf8");
try {
  process.stdout.write(JSON.stringify(parse(source)));
} catch (e) {
  const where = e.location ? ` at line ${e.location.start.line}, column ${e.location.start.column}` : "";
  process.stderr.write(`GIFT syntax error${where}: ${e.message}\n`);
  process.exit(1);
}
