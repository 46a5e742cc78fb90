/**
 * Loads the briefings for an opening store: see `load-single-file.ts` for what
 * happens to a damaged, missing, older or newer file.
 */
import { emptyBriefingsFile, type BriefingsFile } from './schemas/briefings-file';
import { briefingsVersions, upgradeBriefings } from './migrations/briefings-versions';
import { loadSingleFile } from './load-single-file';
import type { OpenContext } from './open-context';

export async function loadBriefings(context: OpenContext): Promise<BriefingsFile> {
  return loadSingleFile<BriefingsFile>(
    {
      file: context.layout.briefingsFile,
      holds: 'your briefings',
      versions: briefingsVersions,
      upgrade: upgradeBriefings,
      empty: emptyBriefingsFile,
      inBackup: (snapshot) => snapshot.briefings,
      hasContent: (file) => file.briefings.length > 0,
    },
    context,
  );
}
