// The scenario-file cases time the engine as the browser runs it: src/ bundled into one module
// by Vite (Rolldown), as `npm run build` bundles the page's engine worker. Run through tsx
// instead, module by module, the same run is about 15% slower on this machine (V8 does not
// inline calls across tsx's separately loaded modules), which is the command line's speed,
// not the simulator's.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

/** Builds bench/scenario-file-worker.ts into node_modules/.cache and returns the module's URL. */
export async function bundleScenarioWorker(root: URL): Promise<URL> {
  const outDir = fileURLToPath(new URL('node_modules/.cache/commons-ledger-bench/', root));
  await build({
    configFile: false,
    root: fileURLToPath(root),
    logLevel: 'warn',
    // Dependencies too (stdlib's ln and exp, seedrandom, zod), as in the page's worker bundle.
    ssr: { noExternal: true },
    build: {
      ssr: 'bench/scenario-file-worker.ts',
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
    },
  });
  const file = readdirSync(outDir).find((name) => name.startsWith('scenario-file-worker') && /\.m?js$/.test(name));
  if (file === undefined) throw new Error(`bench: the engine bundle was not written to ${outDir}`);
  return pathToFileURL(`${outDir}${file}`);
}
