import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server.ts';
import { freePort } from './wait.ts';

export const NGINX = '/usr/sbin/nginx';

/** The nginx configuration docs/deploy.md gives: its first ```nginx block, as written. */
export function documentedNginxSite(): string {
  const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
  const m = /```nginx\n([\s\S]*?)```/.exec(doc);
  if (!m?.[1]) throw new Error('docs/deploy.md has no ```nginx block');
  return m[1];
}

/** The documented ports and certificate folder, and what a test uses instead. */
export type SitePorts = { http: number; https: number; primary: number; edges: [number, number]; certDir: string };

/** The documented site with only its ports and certificate folder replaced: what the tests run. */
export function testNginxSite(p: SitePorts): string {
  const swaps: [string, string][] = [
    ['listen 80;', `listen 127.0.0.1:${p.http};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${p.https} ssl;`],
    ['127.0.0.1:3000;', `127.0.0.1:${p.primary};`],
    ['127.0.0.1:3101 ', `127.0.0.1:${p.edges[0]} `],
    ['127.0.0.1:3102 ', `127.0.0.1:${p.edges[1]} `],
    ['/etc/ssl/run-of-show/', `${p.certDir}/`],
  ];
  let site = documentedNginxSite();
  for (const [from, to] of swaps) {
    if (!site.includes(from)) throw new Error(`docs/deploy.md's nginx block no longer has "${from}"`);
    site = site.split(from).join(to);
  }
  return site;
}

export type TestNginx = { http: string; https: string; stop(): Promise<void>; log(): string };

/** A self-signed certificate as docs/deploy.md makes one, for 127.0.0.1. */
function selfSigned(dir: string): void {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=run-of-show.test', '-addext', 'subjectAltName=IP:127.0.0.1'], {
    stdio: 'ignore',
  });
}

/**
 * Debian's nginx in the foreground with the documented site inside a minimal nginx.conf (its own
 * pid, logs and temp folders in a temp dir), on free loopback ports.
 */
export async function startNginx(upstreams: { primary: number; edges: [number, number] }): Promise<TestNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'ros-nginx-'));
  // Workers run as nobody: they must reach the temp folders.
  chmodSync(dir, 0o755);
  selfSigned(dir);
  const ports = { http: await freePort(), https: await freePort(), ...upstreams, certDir: dir };
  const conf = [
    'daemon off;',
    'worker_processes 1;',
    'worker_rlimit_nofile 20000;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 10000; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    testNginxSite(ports),
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const log = () => {
    let errors = '';
    try {
      errors = readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      // not written yet
    }
    return out + errors;
  };
  const end = Date.now() + 10_000;
  while (!(await accepts(ports.http))) {
    if (proc.exitCode !== null || Date.now() > end) throw new Error(`nginx did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    http: `http://127.0.0.1:${ports.http}`,
    https: `https://127.0.0.1:${ports.https}`,
    log,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGQUIT');
      setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
      await gone;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
