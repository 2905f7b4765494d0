// Serves the built site (dist/) with `vite preview` on a free port for the browser tests.
// Vite is spawned directly, not through npx, so the PID held here is Vite's own and the
// teardown stops exactly that process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, vite: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (vite.exitCode !== null) throw new Error(`vite preview exited with code ${vite.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${log()}`);
}

/** `vite preview` of dist/ on a free port; `stop` ends exactly that process. */
export async function startPreview(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run test:e2e`, which builds the site first');
  const port = await freePort();
  const vite = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  vite.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  vite.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const baseUrl = `http://127.0.0.1:${port}/`;
  await waitForServer(baseUrl, vite, () => output);
  return {
    baseUrl,
    stop: async () => {
      if (vite.exitCode === null && vite.pid !== undefined) {
        const exited = new Promise((r) => vite.once('exit', r));
        process.kill(vite.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { baseUrl, stop } = await startPreview();
  project.provide('baseUrl', baseUrl);
  return stop;
}
