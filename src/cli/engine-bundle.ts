// The replicate pool's workers run the engine bundled into one module (as the page's worker and
// the bench do), not src/ through tsx module by module: a tsx worker spends about a second
// compiling the engine and runs it ~15% slower (V8 does not inline across tsx's modules), so two
// tsx workers were slower than the main thread alone (issue 19). The bundle is built once per
// source state and kept under node_modules/.cache, named by a hash of src/ and the lock file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const BUNDLE_PREFIX = 'replicate-worker-';
/** Bundles of earlier source states are removed once this old (a running command may hold a newer one). */
const STALE_MS = 24 * 3600 * 1000;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  }).sort();
}

/** A hash of everything the bundle is built from: every file under src/ and the lock file. */
export function sourceHash(root: URL = ROOT): string {
  const rootPath = fileURLToPath(root);
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(rootPath, 'src')), join(rootPath, 'package-lock.json')]) {
    if (!existsSync(file)) continue;
    hash.update(relative(rootPath, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function cacheDirectory(root: URL): string {
  const preferred = fileURLToPath(new URL('node_modules/.cache/commons-ledger/', root));
  try {
    mkdirSync(preferred, { recursive: true });
    return preferred;
  } catch {
    // A read-only install (a container image): the system's temporary directory.
    const fallback = join(tmpdir(), 'commons-ledger-cache');
    mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

function removeStale(directory: string, keep: string): void {
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(BUNDLE_PREFIX) || name === keep) continue;
    const path = join(directory, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another command removed it first.
    }
  }
}

let built: Promise<URL> | undefined;

/**
 * The URL of src/cli/replicate-worker.ts bundled with its dependencies into one ES module,
 * built on first use for the current sources. Commands started together (a job array) may
 * build at once: each builds into its own directory and renames the file into place, so a
 * reader never sees half a bundle.
 */
export function replicateWorkerBundle(root: URL = ROOT): Promise<URL> {
  built ??= build(root);
  return built;
}

async function build(root: URL): Promise<URL> {
  const directory = cacheDirectory(root);
  const name = `${BUNDLE_PREFIX}${sourceHash(root)}.mjs`;
  const target = join(directory, name);
  if (existsSync(target)) return pathToFileURL(target);
  const staging = join(directory, `.staging-${process.pid}-${Date.now()}`);
  const { build: viteBuild } = await import('vite');
  try {
    await viteBuild({
      configFile: false,
      root: fileURLToPath(root),
      logLevel: 'silent',
      // Dependencies too (zod, seedrandom, stdlib's maths), as in the page's worker bundle.
      ssr: { noExternal: true },
      build: {
        ssr: 'src/cli/replicate-worker.ts',
        outDir: staging,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
      },
    });
    const file = readdirSync(staging).find((entry) => /^replicate-worker.*\.m?js$/.test(entry));
    if (file === undefined) throw new Error(`the worker bundle was not written to ${staging}`);
    renameSync(join(staging, file), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  removeStale(directory, name);
  return pathToFileURL(target);
}
