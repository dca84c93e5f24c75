import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupStore, listBackups } from './backup.ts';

/**
 * npm run backup              copy the store now (safe while the server runs) into DATA_DIR/backups
 * npm run backup -- --list    list the backups, oldest first
 * npm run restore -- <file>   with the server stopped: put a backup in place of the store; the old
 *                             store files are kept beside it as run-of-show.sqlite.before-restore-…
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const store = join(dataDir, 'run-of-show.sqlite');
const backups = join(dataDir, 'backups');
const [command, arg] = process.argv.slice(2);

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

function checked(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) fail(`${file} does not exist or is empty`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') fail(`${file} is damaged (quick_check: ${String(result)})`);
  } catch (e) {
    fail(`${file} is not a readable store (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

if (command === 'backup' && arg === '--list') {
  const all = listBackups(backups);
  console.log(all.length > 0 ? all.join('\n') : `no backups in ${backups}`);
} else if (command === 'backup') {
  checked(store);
  const db = new Database(store, { readonly: true, fileMustExist: true });
  const file = await backupStore(db, backups);
  db.close();
  console.log(`backed up ${store} to ${file}`);
} else if (command === 'restore') {
  const from = arg ? resolve(arg) : (listBackups(backups).at(-1) ?? fail(`no backups in ${backups}; name the file to restore`));
  checked(from);
  const aside = `${store}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(store + suffix)) renameSync(store + suffix, aside + suffix);
  copyFileSync(from, store);
  console.log(`restored ${from} as ${store}${existsSync(aside) ? `; the previous store is kept as ${aside}` : ''}. Start the server again.`);
} else {
  fail('usage: npm run backup [-- --list] | npm run restore -- [<backup file>]');
}
