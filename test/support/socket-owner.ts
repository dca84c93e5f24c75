import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Socket } from 'socket.io-client';

/** The local TCP port of a socket.io-client websocket connection (Node only). */
export function localPort(s: Socket): number | null {
  const t = s.io.engine?.transport as unknown as { ws?: { _socket?: { localPort?: number } } } | undefined;
  return t?.ws?._socket?.localPort ?? null;
}

/** The server ends of loopback connections to `serverPort` in /proc/net/tcp: remote port → socket inode. */
function serverEnds(serverPort: number, establishedOnly = false): Map<number, string> {
  const inodes = new Map<number, string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseInt(f[1]!.split(':')[1]!, 16);
    const remote = parseInt(f[2]!.split(':')[1]!, 16);
    // st 01 = ESTABLISHED
    if (local === serverPort && (!establishedOnly || f[3] === '01')) inodes.set(remote, f[9]!);
  }
  return inodes;
}

/** The socket inodes a process holds open, from /proc/<pid>/fd. */
function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** Which of `pids` holds the server end of the loopback connection from each of `clientPorts` to `serverPort`. */
export function ownersOf(clientPorts: number[], serverPort: number, pids: number[]): Map<number, number | null> {
  const inodes = serverEnds(serverPort);
  const held = pids.map((pid) => [pid, socketInodes(pid)] as const);
  const owner = (inode: string | undefined) => (inode === undefined ? null : (held.find(([, s]) => s.has(inode))?.[0] ?? null));
  return new Map(clientPorts.map((p) => [p, owner(inodes.get(p))]));
}

/** How many established connections to `serverPort` a process holds the server end of. */
export function connectionsHeldBy(pid: number, serverPort: number): number {
  const mine = socketInodes(pid);
  return [...serverEnds(serverPort, true).values()].filter((i) => mine.has(i)).length;
}

/** Direct children of a process, from /proc. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
