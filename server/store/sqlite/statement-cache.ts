// Prepared statements kept per SQL text: preparing is the most expensive part of a small query.
import type Database from 'better-sqlite3';

export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
}
