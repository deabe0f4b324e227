// Precompile the site's Python bundle with Pyodide itself, so its bytecode is the
// bytecode the browser's Python reads (harness/sphinxext/runhere/bundle.py runs this).
//
//   node compile.mjs <pyodide folder> <input zip> <output zip> <compile script>
//
// The script runs in Pyodide with the input at /bundle/input.zip and writes /bundle/output.zip.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtime, input, output, script] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: path.resolve(runtime) + "/" });
pyodide.FS.mkdir("/bundle"); // in Pyodide's own file system, not the machine's
pyodide.FS.writeFile("/bundle/input.zip", readFileSync(input));
const report = pyodide.runPython(readFileSync(script, "utf8"));
writeFileSync(output, pyodide.FS.readFile("/bundle/output.zip"));
console.log(report);
