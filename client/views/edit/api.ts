import type { ApiError } from '../../../shared/protocol.ts';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; status: number };

/** JSON call with the session's bearer token; network failures come back as `offline`, never thrown. */
export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const r = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await r.json().catch(() => ({}))) as { error?: ApiError };
    if (!r.ok) return { ok: false, status: r.status, error: json.error ?? { code: 'internal', message: `HTTP ${r.status}` } };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, status: 0, error: { code: 'offline', message: 'not connected' } };
  }
}

/** Downloads an authenticated file (export, report CSV) through a blob link. */
export async function download(token: string, path: string, filename: string): Promise<boolean> {
  try {
    const r = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
    if (!r.ok) return false;
    const url = URL.createObjectURL(await r.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
