/**
 * `flowgrade web --out <dir>` writes the self-check page as a static site; `flowgrade serve`
 * serves it on the loopback interface for local use. The page itself is built by
 * scripts/build.mjs into dist/web/ (docs/web.md).
 */
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { wordList } from '../../engine/word-list.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { namesIn, readStartSync, reasonOf } from '../io.js';
import { makeFolder } from '../make-folder.js';
import { nonBlank, nonBlankPath, parsePort } from '../options.js';
import { isLoopbackHost, startStaticServer } from '../static-server.js';

export function webCommand(ctx: CliContext): Command {
  return new Command('web')
    .description('write the in-browser self-check page (a static site: HTML, JS, CSS) into a folder, to host on any static web server')
    .requiredOption('--out <dir>', 'folder to write the site into (required; created if missing)', nonBlankPath('the folder to write the page into'))
    .action(async (options: { out: string }) => {
      const site = siteDir();
      if (path.resolve(options.out) === path.resolve(site)) throw new UsageError(`--out ${options.out} is where the page is built; choose another folder`, 'bad-out');
      await makeFolder(options.out).catch((error: unknown) => {
        throw new UsageError(`cannot write into --out ${options.out}: ${reasonOf(error)}`, 'bad-out');
      });
      // (Also through a symbolic link, or a path spelt otherwise: the page would be replaced by itself, and lost.)
      if (realpathSync(options.out) === realpathSync(site)) throw new UsageError(`--out ${options.out} is where the page is built; choose another folder`, 'bad-out');
      const files = await siteFiles(site);
      const theirs = filesNotOurs(options.out, files);
      if (theirs.length > 0) {
        throw new UsageError(`cannot write into --out ${options.out}: it holds ${wordList(theirs)}, which flowgrade did not write and the page would replace: write the page into a new or empty folder`, 'bad-out');
      }
      await copySite(site, options.out, files);
      ctx.stdout(`flowgrade: wrote the self-check page (${files.length} files) to ${options.out}; open its index.html or host the folder on any static web server (docs/web.md)\n`);
    });
}

/**
 * A --dir serve cannot serve: a file (or a pipe, a device), for which `web --out` would be refused
 * too, so it is not advised; a folder without the page's index.html.
 */
function refuseServedFolder(dir: string): void {
  let info: Stats | undefined;
  try {
    info = statSync(dir);
  } catch {
    info = undefined; // missing, or not reachable: no index.html there either
  }
  if (info !== undefined && !info.isDirectory()) throw new UsageError(`--dir ${dir}: is not a folder: give the folder \`flowgrade web --out\` wrote the page into`);
  if (!existsSync(path.join(dir, 'index.html'))) throw new UsageError(`--dir ${dir}: no index.html there; write the page with \`flowgrade web --out ${dir}\` first`);
}

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .description('serve the in-browser self-check page on this machine (127.0.0.1) until Ctrl-C')
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <address>', 'loopback address to listen on: 127.0.0.1 or another 127.x.y.z, ::1 or localhost', nonBlank('a loopback address (127.0.0.1 or another 127.x.y.z, ::1 or localhost)'), '127.0.0.1')
    .option('--dir <dir>', 'serve this folder instead (e.g. one written by `flowgrade web --out`)', nonBlankPath('the folder to serve (one flowgrade web --out wrote)'))
    .action(async (options: { port: number; host: string; dir?: string }) => {
      if (!isLoopbackHost(options.host)) {
        throw new UsageError(`--host ${options.host}: serve listens on this machine only (127.0.0.1 or another 127.x.y.z, ::1 or localhost); to share the page, host the files of \`flowgrade web --out <dir>\` on a web server`);
      }
      const root = options.dir ?? siteDir();
      if (options.dir !== undefined) refuseServedFolder(options.dir);
      const server = await startStaticServer(root, { host: options.host, port: options.port }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(error.code === 'EADDRINUSE' ? `port ${options.port} is already in use; try --port 0 for a free one` : `cannot listen on ${options.host}:${options.port}: ${error.message}`);
      });
      ctx.stdout(`flowgrade: serving the self-check page at ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      ctx.stdout('flowgrade: stopped\n');
    });
}

/** dist/web beside the built CLI (dist/cli.js), or dist/web of the project when run from source. */
function siteDir(): string {
  const candidates = [new URL('./web/', import.meta.url), new URL('../../dist/web/', import.meta.url)].map((url) => fileURLToPath(url));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new UsageError('the self-check page is not built; run `npm run build` first');
  return found;
}

/**
 * The page's files. Also those listed as links: on Windows, a file that OneDrive syncs (a project in
 * Documents) is listed so, as is a file linked into the folder; copyFile copies what they lead to.
 */
/** What every page flowgrade writes holds in its first bytes. */
const OUR_PAGE = '<title>flowgrade self-check</title>';

/**
 * The page's files already in `out` when its index.html is not a page flowgrade wrote (a web
 * root's or a course site's own): never replaced. Over an earlier `flowgrade web`, none. A folder
 * whose names cannot be looked at (not searchable, a path too long) is a usage error.
 */
function filesNotOurs(out: string, files: readonly string[]): string[] {
  let there: string[];
  try {
    there = namesIn(out, files).files; // a folder of such a name is in the way, said when the copy fails
  } catch (error) {
    throw new UsageError(`cannot write into --out ${out}: ${reasonOf(error)}`, 'bad-out');
  }
  return there.length === 0 || isOurPage(path.join(out, 'index.html')) ? [] : there;
}

/**
 * The page's files written into `out`: each first into a staging folder inside it (as new files,
 * read and written, so that a read-only install gives writable files), then moved over the
 * earlier page's, index.html last. A move replaces the name itself, never where a symbolic link
 * there leads, nor waits on a named pipe; a write that fails (a full disk) leaves the folder as it
 * was. Only a folder where the page has a file is in the way, said before anything is written.
 */
async function copySite(site: string, out: string, files: readonly string[]): Promise<void> {
  const target = (file: string) => path.join(out, file);
  const inTheWay = namesIn(out, files).folders;
  if (inTheWay.length > 0) throw new UsageError(`cannot write into --out ${out}: ${wordList(inTheWay)} ${inTheWay.length === 1 ? 'is a folder' : 'are folders'} where the page writes a file: move ${inTheWay.length === 1 ? 'it' : 'them'} away, or write the page into a new folder`, 'bad-out');
  const staging = await mkdtemp(path.join(out, '.flowgrade-web-')).catch((error: unknown) => {
    throw new UsageError(`cannot write into --out ${out}: ${reasonOf(error)}`, 'bad-out');
  });
  try {
    for (const file of files) {
      await writeFile(path.join(staging, file), await readFile(path.join(site, file)), { flag: 'wx' }).catch((error: unknown) => {
        throw new UsageError(`cannot write ${target(file)}: ${reasonOf(error)}; nothing was written`, 'bad-out');
      });
    }
    for (const file of [...files.filter((name) => name !== INDEX), INDEX]) {
      await rename(path.join(staging, file), target(file)).catch(async (error: unknown) => {
        // (The earlier index.html goes: no page that opens with some of its files replaced.)
        await rm(target(INDEX), { force: true }).catch(() => undefined);
        throw new UsageError(`cannot write ${target(file)}: ${reasonOf(error)}; the page is not complete: write it again`, 'bad-out');
      });
    }
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

const INDEX = 'index.html';

/** An index.html an earlier `flowgrade web` wrote: its first 4 KB hold our title. */
function isOurPage(file: string): boolean {
  return readStartSync(file, 4096)?.text.includes(OUR_PAGE) ?? false;
}

export async function siteFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { withFileTypes: true });
  const isFile = (e: Dirent) => e.isFile() || (e.isSymbolicLink() && stat(path.join(site, e.name)).then((info) => info.isFile(), () => false));
  const files = await Promise.all(entries.map(async (e) => ((await isFile(e)) ? [e.name] : [])));
  return files.flat().sort();
}
