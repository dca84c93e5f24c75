// autocannon ships no types; the bench uses only the promise form.
declare module 'autocannon' {
  function autocannon(opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<unknown>;
  export default autocannon;
}
