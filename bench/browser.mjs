// The page side of the Chromium contenders (bench/chromium.mjs serves this
// page and calls window.runBench): the wasm core through its loader, or TF.js
// with its wasm backend from the UMD bundles, both on bench/suite.mjs.
import { benchCore, benchTfjs } from './suite.mjs';

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function runWasm(workloads) {
  const { loadCore } = await import('/core/core.js');
  const core = await loadCore({ moduleUrl: new URL('/wasm/nl_core.mjs', location.href) });
  return benchCore(core, workloads);
}

async function runTfjs(workloads) {
  await loadScript('/tfjs/tf-core.min.js');
  await loadScript('/tfjs-wasm/tf-backend-wasm.min.js');
  const { tf } = window;
  // One thread, SIMD on: the page is cross-origin isolated (for a fine
  // performance.now()), which would let TF.js pick its threaded binary.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.wasm.setThreadsCount(1);
  tf.wasm.setWasmPaths(new URL('/tfjs-wasm/', location.href).href);
  if (!(await tf.setBackend('wasm'))) throw new Error('the TF.js wasm backend did not initialise');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const result = benchTfjs(tf, workloads);
  return { detail: `tfjs ${tf.version_core} wasm, simd ${simd}, threads ${tf.wasm.getThreadsCount()}`, ...result };
}

window.runBench = async (which) => {
  const workloads = await (await fetch('/bench/workloads.json')).json();
  const result = which === 'tfjs' ? await runTfjs(workloads) : await runWasm(workloads);
  return { crossOriginIsolated: window.crossOriginIsolated, ...result };
};
