import type { DeleteOutcome } from '../../storage';

/** Said where the browser may keep deleted bytes in its own files (docs/security.md "Deleting the data"). */
export const MAY_KEEP_BYTES =
  'This browser may keep the deleted bytes in its own files until it tidies them: to be sure they are gone, also clear this site’s data in the browser’s settings.';

/** What "Delete all data" says it did: the data is gone from Hearth in every case; the files, as the browser allowed. */
export function deletedMessage(outcome: DeleteOutcome): string {
  switch (outcome.files) {
    case 'removed':
      return 'All data was deleted from this browser. The browser removed the files that held it.';
    case 'may-remain':
      return `All data was deleted from this browser. ${MAY_KEEP_BYTES}`;
    case 'kept':
      return outcome.reason === 'blocked'
        ? `All data was deleted from Hearth, but another Hearth tab kept the database open, so the browser has not deleted its files yet: close Hearth’s other tabs. ${MAY_KEEP_BYTES}`
        : `All data was deleted from Hearth, but the browser did not delete the database’s files. ${MAY_KEEP_BYTES}`;
  }
}
