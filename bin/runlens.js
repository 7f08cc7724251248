#!/usr/bin/env node
// Entry point of the `runlens` command; the implementation is compiled to dist/node/server.
import { main } from '../dist/node/server/cli.js';

process.exitCode = await main(process.argv.slice(2));
