#!/usr/bin/env node
// Entry point of the `runlens` command; the implementation is compiled to dist/node.
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
