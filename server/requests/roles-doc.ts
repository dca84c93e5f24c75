import { Role } from '../../shared/protocol.ts';
import { httpRouteOf } from './http.routes.ts';
import type { RequestName, RequestTable } from './requests.ts';

const mark = (yes: boolean) => (yes ? '✓' : '');

/**
 * docs/api.md's "Who may send what" table, written from the request table itself: a test fails
 * when the page and the code disagree, so the page cannot drift from what the server enforces.
 */
export function rolesMarkdown(table: RequestTable, liveNames: readonly string[]): string {
  const roles = Role.options;
  const head = `| request | socket | HTTP | anyone | ${roles.map((r) => `\`${r}\``).join(' | ')} | one stage |`;
  const rule = `| --- | --- | --- | --- | ${roles.map(() => '---').join(' | ')} | --- |`;
  const rows = (Object.keys(table) as RequestName[]).sort().map((name) => {
    const e = table[name];
    const http = httpRouteOf(name);
    const cells = roles.map((r) => mark(e.roles === 'anyone' || e.roles.includes(r)));
    return `| \`${name}\` | ${liveNames.includes(name) ? 'main, `/live`' : 'main'} | ${http ? `\`${http}\`` : ''} | ${mark(e.roles === 'anyone')} | ${cells.join(' | ')} | ${e.stage ? 'its stage' : ''} |`;
  });
  return [head, rule, ...rows].join('\n');
}
