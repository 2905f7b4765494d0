// Where a scenario run's time goes, phase by phase and reporter by reporter, in the engine as
// the bench and the page run it (bundled by Vite, see engine-bundle.ts):
//   npx tsx bench/phase-times.ts scenarios/mixed.yaml 10000 50
// On a shared machine the shares are steadier than the times.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = new URL('..', import.meta.url);
const outDir = fileURLToPath(new URL('node_modules/.cache/commons-ledger-phase-times/', root));
await build({
  configFile: false, root: fileURLToPath(root), logLevel: 'warn', ssr: { noExternal: true },
  build: { ssr: 'bench/phase-timed-run.ts', outDir, emptyOutDir: true, target: 'node20', minify: false, sourcemap: false },
});
const bundle = readdirSync(outDir).find((name) => /\.m?js$/.test(name));
if (bundle === undefined) throw new Error(`phase-times: no bundle written to ${outDir}`);
execFileSync(process.execPath, [`${outDir}${bundle}`, ...process.argv.slice(2)], { stdio: 'inherit', cwd: fileURLToPath(root) });
