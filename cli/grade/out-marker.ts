/**
 * The `.flowgrade-output` file a run leaves in `--out`. Its presence keeps any later run from
 * grading the folder (walk.ts); its `part:` line says which part of a class the folder's class
 * files are of, the whole class or one `--shard i/n`, so that a shard never replaces another
 * part's index.html, grades.csv, junit.xml and summary.md: graded into one folder, the shards of a
 * class left a gradebook of the last shard only, the others' reports unlinked.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { namesIn, readStartSync } from '../io.js';
import { giveOwner } from '../make-folder.js';
import type { Shard } from './shard.js';
import { OUTPUT_MARKER, RUN_RECORD_FILE } from './walk.js';
import { CLASS_FILES } from './write-outputs.js';

const NOTE = 'Reports written by `flowgrade grade`. flowgrade never grades the files of a folder holding this file.';
/** More than any marker flowgrade writes: a larger file is not read. */
const MAX_MARKER_BYTES = 4096;

/** How a run names the part of the class it grades. */
export function partOf(shard: Shard | undefined): string {
  return shard ? `--shard ${shard.index}/${shard.count}` : 'the whole class';
}

/**
 * How a merge names the shards it joined: the whole class when they are every shard of it, else
 * `--shard 1,2,4/4` (a merge of some shards only, `merge --partial`).
 */
export function partOfShards(shards: readonly number[], count: number): string {
  return shards.length === count ? 'the whole class' : `--shard ${shards.join(',')}/${count}`;
}

/** The part an earlier run's marker names; none for a marker without one (before this line was written) or not of flowgrade's making. */
export function markedPart(text: string): string | undefined {
  const part = /^part: (.*)$/m.exec(text)?.[1];
  return part !== undefined && /^(--shard [1-9]\d*(?:,[1-9]\d*)*\/[1-9]\d*|the whole class)$/.test(part) ? part : undefined;
}

/**
 * Why a run writing `part` (a shard, or a part as partOf and partOfShards name it; none: the whole
 * class) may not write into a folder whose marker reads `marker`; undefined when it may.
 */
export function partClash(marker: string | undefined, part: Shard | string | undefined): string | undefined {
  const before = marker === undefined ? undefined : markedPart(marker);
  const mine = typeof part === 'string' ? part : partOf(part);
  // The whole class replaces any part's outputs; a shard, only its own.
  if (mine === partOf(undefined) || before === undefined || before === mine) return undefined;
  return `it holds the outputs of ${before}, whose index.html, grades.csv, junit.xml and summary.md this run (${mine}) would replace: give each shard its own --out folder`;
}

/** The marker in `outDir`, when it is a small file (a pipe or a device there is never waited on). */
export function readMarker(outDir: string): string | undefined {
  const marker = readStartSync(path.join(outDir, OUTPUT_MARKER), MAX_MARKER_BYTES);
  return marker !== undefined && marker.size <= MAX_MARKER_BYTES ? marker.text : undefined;
}

/**
 * `marker` (readMarker's), while `outDir` holds a run's outputs: with none of its class files nor
 * its record there, it is the marker of a run stopped before writing them (Ctrl-C into a fresh
 * folder) and names no part's outputs, so that any part may write there. (Before, the folder of a
 * stopped `--shard 1/2` refused `--shard 2/2` as holding outputs it did not hold.)
 */
export function markerOfOutputs(outDir: string, marker: string | undefined): string | undefined {
  return marker !== undefined && namesIn(outDir, [...CLASS_FILES, RUN_RECORD_FILE]).files.length > 0 ? marker : undefined;
}

/**
 * The marker naming `part`, written in the fresh staging folder and renamed over the name: a
 * symlink already there (to a file outside --out) is replaced, never written through.
 */
export function writeMarker(outDir: string, stagingDir: string, part: string): void {
  writeFileSync(path.join(stagingDir, OUTPUT_MARKER), `${NOTE}\npart: ${part}\n`);
  giveOwner(path.join(stagingDir, OUTPUT_MARKER), 0o600); // read by the next run, whatever the umask
  renameSync(path.join(stagingDir, OUTPUT_MARKER), path.join(outDir, OUTPUT_MARKER));
}
