// Where a scenario run's time goes, phase by phase and reporter by reporter, in the engine as
// the bench and the page run it (bundled by Vite, see engine-bundle.ts):
//   npx tsx bench/phase-times.ts scenarios/mixed.yaml 10000 50
// Each line gives wall time and the thread's CPU time: on a shared machine compare CPU times.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = new URL('..', import.meta.url);
// A folder of this process's own: several runs at once (helpers on one machine) must not
// overwrite each other's bundle.
const outDir = fileURLToPath(new URL(`node_modules/.cache/commons-ledger-phase-times/${process.pid}/`, root));
await build({
  configFile: false, root: fileURLToPath(root), logLevel: 'warn', ssr: { noExternal: true },
  build: { ssr: 'bench/phase-timed-run.ts', outDir, emptyOutDir: true, target: 'node20', minify: false, sourcemap: false },
});
const bundle = readdirSync(outDir).find((name) => /\.m?js$/.test(name));
if (bundle === undefined) throw new Error(`phase-times: no bundle written to ${outDir}`);
try {
  execFileSync(process.execPath, [`${outDir}${bundle}`, ...process.argv.slice(2)], { stdio: 'inherit', cwd: fileURLToPath(root) });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
