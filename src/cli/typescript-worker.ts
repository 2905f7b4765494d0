// Starting a worker thread on a TypeScript module. Node 20's worker threads do not inherit
// tsx's loader hooks (privatenumber/tsx#354), so a .ts worker starts from a one-line bootstrap
// that registers tsx, then imports the module; a .js module starts directly.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
