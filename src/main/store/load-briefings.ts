/**
 * Loads the briefings for an opening store: see `load-single-file.ts` for what
 * happens to a damaged, missing or newer file.
 */
import {
  briefingsFileSchema,
  briefingsFileVersion,
  emptyBriefingsFile,
  type BriefingsFile,
} from './schemas/briefings-file';
import { loadSingleFile } from './load-single-file';
import type { OpenContext } from './open-context';

export async function loadBriefings(context: OpenContext): Promise<BriefingsFile> {
  return loadSingleFile<BriefingsFile>(
    {
      file: context.layout.briefingsFile,
      holds: 'your briefings',
      versions: {
        current: briefingsFileVersion,
        schemaFor: (version) => (version === 1 ? briefingsFileSchema : null),
      },
      empty: emptyBriefingsFile,
      inBackup: (snapshot) => snapshot.briefings,
      hasContent: (file) => file.briefings.length > 0,
    },
    context,
  );
}
