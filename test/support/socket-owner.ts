import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Socket } from 'socket.io-client';

/** The local TCP port of a socket.io-client websocket connection (Node only). */
export function localPort(s: Socket): number | null {
  const t = s.io.engine?.transport as unknown as { ws?: { _socket?: { localPort?: number } } } | undefined;
  return t?.ws?._socket?.localPort ?? null;
}

/**
 * Which of `pids` holds the server end of the loopback connection from `clientPort` to
 * `serverPort`: read from /proc/net/tcp (socket inode) and /proc/<pid>/fd (who has that inode).
 */
export function ownersOf(clientPorts: number[], serverPort: number, pids: number[]): Map<number, number | null> {
  const inodes = new Map<number, string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseInt(f[1]!.split(':')[1]!, 16);
    const remote = parseInt(f[2]!.split(':')[1]!, 16);
    if (local === serverPort) inodes.set(remote, f[9]!);
  }
  const holder = new Map<string, number>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) holder.set(m[1]!, pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return new Map(clientPorts.map((p) => [p, holder.get(inodes.get(p) ?? '') ?? null]));
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
