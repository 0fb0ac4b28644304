// Who holds which role, on SQLite: one user_roles row per (role, org, account), rewritten with the account row in the
// same transaction, so "the reviewers of this unit" reads a few index rows instead of parsing every account.
import type Database from 'better-sqlite3';
import type { User } from '../../domain/schema-types.gen.js';
import type { RoleAddress } from '../port.js';
import { statementCache } from './statement-cache.js';

type Row = { doc: string };

export class SqliteUserRoles {
  private readonly q: (sql: string) => Database.Statement;

  constructor(db: Database.Database) {
    this.q = statementCache(db);
  }

  /** inside the caller's transaction: the account's rows become its current roles */
  writeTx(user: User): void {
    this.q('DELETE FROM user_roles WHERE user_id = ?').run(user.id);
    const add = this.q('INSERT OR IGNORE INTO user_roles (role, org_id, user_id) VALUES (?, ?, ?)');
    for (const r of user.roles) add.run(r.role, r.orgId, user.id);
  }

  /** each account once, by id: one indexed lookup per address */
  byRole(addresses: readonly RoleAddress[]): User[] {
    if (addresses.length === 0) return [];
    const terms = addresses.map((a) => (a.orgId === undefined ? '(r.role = ?)' : '(r.role = ? AND r.org_id = ?)'));
    const params = addresses.flatMap((a) => (a.orgId === undefined ? [a.role] : [a.role, a.orgId]));
    const sql = `SELECT u.doc FROM users u WHERE u.id IN (SELECT r.user_id FROM user_roles r WHERE ${terms.join(' OR ')}) ORDER BY u.id`;
    return (this.q(sql).all(...params) as Row[]).map((r) => JSON.parse(r.doc) as User);
  }

  /** staff accounts (kind 'staff'), by id; read through the partial index users_staff */
  staff(): User[] {
    return (this.q("SELECT doc FROM users WHERE json_extract(doc, '$.kind') = 'staff' ORDER BY id").all() as Row[]).map((r) => JSON.parse(r.doc) as User);
  }
}
