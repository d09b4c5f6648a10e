// The first module a pool's worker thread loads (see worker-pool.ts). Kruispunt runs its
// TypeScript through tsx (`npm start`, `npm run dev`, the tests), but a worker thread starts as a
// bare Node.js isolate without the parent's loader. This entry registers tsx's ESM loader in the
// worker, then loads the task module named by the pool and hands its default export to piscina.
import { workerData } from 'piscina';

const { moduleUrl } = workerData;
if (/\.[cm]?tsx?$/.test(new URL(moduleUrl).pathname)) {
  const { register } = await import('tsx/esm/api');
  register();
}
const task = await import(moduleUrl);

export default task.default;
