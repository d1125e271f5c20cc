/**
 * The licences of the packages a bundle holds (esbuild's metafile says which files went in): each
 * package's name, version, licence and its licence file's text, for THIRD-PARTY-LICENSES.txt
 * beside the bundle. The bundles carry msw, ajv, jsonpath-plus, commander, … themselves, so a copy
 * of flowgrade (a `web --out` site, a packed tarball) must carry their licences too; esbuild's
 * LEGAL.txt keeps only the licence comments found in the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `node_modules/@scope/name/…` or `…/node_modules/name/…` → that package's folder (the innermost node_modules). */
export function packageFolderOf(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1].startsWith('@') ? 3 : 2;
  return parts.length > at + length ? parts.slice(0, at + length).join('/') : undefined;
}

/** The text of THIRD-PARTY-LICENSES.txt for the bundles `outputs` (paths relative to `root`) of `metafile`. */
export function thirdPartyLicences(metafile, outputs, root) {
  const folders = new Set();
  for (const output of outputs) {
    for (const input of Object.keys(metafile.outputs[output]?.inputs ?? {})) {
      const folder = packageFolderOf(input);
      if (folder) folders.add(folder);
    }
  }
  const sections = [...folders].map((folder) => licenceSection(path.join(root, folder))).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const names = outputs.map((output) => path.basename(output)).join(' and ');
  return [`flowgrade's ${names} ${outputs.length === 1 ? 'holds' : 'hold'} code of the packages below, under their licences, which follow.`, '', ...sections.map((s) => `== ${s.title} ==\n\n${s.text.trim()}\n`)].join('\n');
}

function licenceSection(folder) {
  const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const licence = typeof pkg.license === 'string' ? pkg.license : 'see the package';
  const file = readdirSync(folder).find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
  const text = file ? readFileSync(path.join(folder, file), 'utf8') : `${licence} (the package ships no licence file)`;
  return { title: `${pkg.name} ${pkg.version} (${licence})`, text };
}
