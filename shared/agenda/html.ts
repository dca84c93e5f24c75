const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside HTML elements and quoted attributes. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
