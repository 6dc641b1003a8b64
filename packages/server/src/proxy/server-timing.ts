/** `Server-Timing` with the gateway's own time and the upstream's, in milliseconds. */
export function serverTiming(gatewayMs: number, upstreamMs: number | undefined): string {
  const gateway = `gateway;dur=${Math.max(0, gatewayMs).toFixed(2)}`;
  return upstreamMs === undefined ? gateway : `${gateway}, upstream;dur=${upstreamMs.toFixed(2)}`;
}
