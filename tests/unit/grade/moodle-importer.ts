/** Moodle's zip importer of feedback files, transcribed for the tests of moodle-feedback.zip. */

/**
 * Moodle's `assignfeedback_file_zip_importer::is_valid_filename_for_import`
 * (mod/assign/feedback/file/importziplib.php), transcribed: the entry extracted under `/import/`,
 * each part of its path split by `_` into at most 5 pieces `fullname_participantid_plugintype_pluginname[_rest]`;
 * the first with at least 4 pieces, a numeric participant id of a participant and the plugin
 * assignsubmission/file names the student; the rest of the path is the feedback file's name.
 */
export function moodleImport(entry: string, participants: ReadonlySet<number>): { participant: number; filename: string } | undefined {
  if (entry.endsWith('/')) return undefined; // a directory
  const filename = entry.slice(entry.lastIndexOf('/') + 1);
  if (filename.startsWith('.') || filename.startsWith('~')) return undefined; // hidden
  const pathparts = `/import/${entry}`.split('/');
  while (pathparts.length > 0) {
    const pathpart = pathparts.shift()!;
    const info = phpExplode('_', pathpart, 5);
    if (info.length < 4) continue;
    if (!PHP_NUMERIC.test(info[1])) continue;
    const participant = Number(info[1]);
    if (!participants.has(participant)) continue;
    if (info[2] !== 'assignsubmission' || info[3] !== 'file') continue; // get_plugin_by_type
    pathparts.unshift(info[4] ?? '');
    return { participant, filename: pathparts.join('/') };
  }
  return undefined;
}

/** PHP's is_numeric (PHP 8: surrounding whitespace allowed). */
const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** PHP's explode with a positive limit: the last piece keeps the rest. */
function phpExplode(separator: string, text: string, limit: number): string[] {
  const pieces = text.split(separator);
  return pieces.length <= limit ? pieces : [...pieces.slice(0, limit - 1), pieces.slice(limit - 1).join(separator)];
}

