#!/usr/bin/env node
// Starts one of the project's TypeScript commands (sim, sweep, claims, bench) under tsx, with
// V8's background thread pool sized to the machine: one thread fewer than the cores, at least
// one and at most Node's default of four. Node always starts four; on a two-core machine V8's
// concurrent compiler and garbage collector then run several threads beside the simulation's
// and take its core from it while the engine warms up. Measured on two cores, `mixed` at
// 10,000 persons x 50 years: 4.6 s with four threads, 3.5 s with one (median of three first
// runs). A command that runs several worker threads (replicates, sweeps, claims) gets one
// background thread per worker instead: each worker is its own V8 isolate and compiles the
// engine on its own, and two isolates queued behind one compiler thread run unoptimised code
// longer (communes-only 5,000 persons x 30 years, 4 replicates on 2 workers, three pairs at
// load 14-16: the workers' threads took 2.8-3.4 s of CPU each with two background threads
// against 3.2-3.5 s with one, their first runs 1.5-1.7 s against 1.9-2.1 s).
// A --v8-pool-size the user gives in NODE_OPTIONS is left as it is.
//   node bin/launch.mjs src/cli/main.ts scenarios/mixed.yaml --years 10
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { poolSize, workerThreadsOf } from './pool-size.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node bin/launch.mjs <entry.ts> [arguments...]\n');
  process.exit(2);
}

const userSetsPool = (process.env.NODE_OPTIONS ?? '').includes('--v8-pool-size');
const cores = availableParallelism();
const pool = poolSize(cores, workerThreadsOf(entry, args, cores));
const nodeArguments = [...(userSetsPool ? [] : [`--v8-pool-size=${pool}`]), '--import', 'tsx', entry, ...args];
const child = spawn(process.execPath, nodeArguments, { stdio: 'inherit' });

// Ctrl-C reaches the whole process group: the command handles it; this process waits for it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal !== null) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
