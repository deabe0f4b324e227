// One page's Python, in a module Web Worker: Pyodide with the guide's bundle
// (harness/sphinxext/runhere/bundle.py) and the page runner runhere.py.
//
// Messages in:  {type: "start", module, page, examples: [{slug, url}]}
//               {type: "run", id, code, line}    {type: "skip", id, action, rest}
//               {type: "app", id, request}        (a live app's request, see live.py)
// Messages out: {type: "progress", text}  {type: "ready", seconds}
//               {type: "result", id, result}      {type: "failed", error}
import { loadPyodide } from "./pyodide/pyodide.mjs";

const runtime = new URL("./pyodide/", import.meta.url).href;
let python = null;
let runner = null;

async function start({ module, page, examples }) {
  const began = performance.now();
  postMessage({ type: "progress", text: "Starting Python…" });
  python = await loadPyodide({
    indexURL: runtime,
    stdLibURL: runtime + "python_stdlib.zip",
    lockFileURL: runtime + "pyodide-lock.json",
    packages: [],
    env: { HOME: "/home/pyodide", PYTHONDONTWRITEBYTECODE: "1" },
  });
  const loaded = performance.now();
  for (const { slug, url } of examples) {
    postMessage({ type: "progress", text: `Writing examples/${slug}/…` });
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    // The zip holds the folder under its last name: unpack it beside its siblings.
    const parent = slug.split("/").slice(0, -1).join("/");
    python.unpackArchive(await response.arrayBuffer(), "zip", {
      extractDir: `/guide/examples/${parent}`,
    });
  }
  const unpacked = performance.now();
  runner = python.pyimport("runhere");
  runner.start(module, page);
  const done = performance.now();
  postMessage({
    type: "ready",
    seconds: (done - began) / 1000,
    parts: { runtime: (loaded - began) / 1000, examples: (unpacked - loaded) / 1000, runner: (done - unpacked) / 1000 },
  });
}

onmessage = async ({ data }) => {
  try {
    if (data.type === "start") {
      await start(data);
    } else if (data.type === "run") {
      // Code that runs an event loop (asyncio.run) must be able to wait for JavaScript:
      // callPromising runs it on a stack the browser can switch (JSPI). That stack is
      // smaller, so the rest runs with a plain call, which keeps Python's recursion
      // limit ahead of the stack's (a page parses JSON nested 10,000 deep).
      const promising = /\basync\b|\bawait\b|asyncio/.test(data.code) && runner.run.callPromising;
      const run = promising ? await runner.run.callPromising(data.code, data.line) : runner.run(data.code, data.line);
      postMessage({ type: "result", id: data.id, result: JSON.parse(run) });
    } else if (data.type === "skip") {
      postMessage({ type: "result", id: data.id, result: JSON.parse(runner.skip(data.action, data.rest)) });
    } else if (data.type === "app") {
      postMessage({ type: "result", id: data.id, result: JSON.parse(runner.app_request(JSON.stringify(data.request))) });
    }
  } catch (error) {
    postMessage({ type: "failed", id: data.id, error: String(error && error.message || error) });
  }
};
