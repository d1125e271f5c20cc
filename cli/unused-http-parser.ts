/**
 * Node 20's bundled HTTP client (undici) compiles its HTTP parser, llhttp, to WebAssembly as soon
 * as it loads (the Request, Headers and Response classes the simulator uses load it), and leaves
 * that promise unhandled. Under a limit on virtual memory (`ulimit -v` below some 10 GB, which a
 * WebAssembly memory reserves) it rejects, "Out of memory: Cannot allocate Wasm memory". flowgrade
 * never sends a request (MSW answers them in-process), so never uses that parser: not an error, in
 * the main thread (cli/main.ts) or a grading thread (cli/grade/worker.ts).
 */
export function isUnusedHttpParserFailure(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('WebAssembly.') && /node:internal\/deps\/undici\//.test(error.stack ?? '');
}
