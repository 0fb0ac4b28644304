// The contract suite on a real SQLite file in a temporary folder.
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';
import { storeContract } from './contract.js';
import { taskHistoryContract } from './task-history-contract.js';
import { notificationsContract } from './notifications-contract.js';
import { recordsContract } from './records-contract.js';
import { summariesContract } from './summaries-contract.js';
import { usersByRoleContract } from './users-by-role-contract.js';

const sqliteHarness = () => {
  const dir = tempDir('zc-store-');
  return {
    open: async () => openSqliteStore(dir.path),
    cleanup: async () => dir.remove(),
  };
};
storeContract('sqlite', sqliteHarness);
notificationsContract('sqlite', sqliteHarness);
recordsContract('sqlite', sqliteHarness);
summariesContract('sqlite', sqliteHarness);
usersByRoleContract('sqlite', sqliteHarness);
taskHistoryContract('sqlite', sqliteHarness);
