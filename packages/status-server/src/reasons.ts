import { STATUS_CODES } from 'node:http';

/**
 * Reason phrases for codes that no RFC registers but that real servers, proxies and CDNs answer
 * (the public status-code services list them too, Cloudflare's 524 first among them). Node's
 * `http.STATUS_CODES` covers the registered ones; this table fills in the rest, one line per code,
 * with who uses it.
 */
const UNOFFICIAL_REASONS: ReadonlyMap<number, string> = new Map([
  [218, 'This is fine'], // Apache
  [306, 'Unused'], // IANA keeps 306 reserved; it was "Switch Proxy"
  [419, 'Page Expired'], // Laravel
  [420, 'Enhance Your Calm'], // Twitter API v1
  [440, 'Login Time-out'], // Microsoft IIS
  [444, 'No Response'], // nginx
  [449, 'Retry With'], // Microsoft IIS
  [450, 'Blocked by Windows Parental Controls'], // Microsoft
  [460, 'Client Closed Connection'], // AWS Elastic Load Balancer
  [463, 'Too Many Forwarded IP Addresses'], // AWS Elastic Load Balancer
  [494, 'Request Header Too Large'], // nginx
  [495, 'SSL Certificate Error'], // nginx
  [496, 'SSL Certificate Required'], // nginx
  [497, 'HTTP Request Sent to HTTPS Port'], // nginx
  [498, 'Invalid Token'], // Esri ArcGIS
  [499, 'Client Closed Request'], // nginx
  [520, 'Web Server Returned an Unknown Error'], // Cloudflare
  [521, 'Web Server Is Down'], // Cloudflare
  [522, 'Connection Timed Out'], // Cloudflare
  [523, 'Origin Is Unreachable'], // Cloudflare
  [524, 'A Timeout Occurred'], // Cloudflare
  [525, 'SSL Handshake Failed'], // Cloudflare
  [526, 'Invalid SSL Certificate'], // Cloudflare
  [527, 'Railgun Error'], // Cloudflare
  [529, 'Site is overloaded'], // Qualys SSL Labs
  [530, 'Site is frozen'], // Pantheon
  [561, 'Unauthorized'], // AWS Elastic Load Balancer
  [598, 'Network read timeout error'], // some HTTP proxies
  [599, 'Network Connect Timeout Error'], // some HTTP proxies
]);

/**
 * The phrase every code in `100..599` answers with when nobody, official or not, has named it
 * (IANA's word for a code it has not assigned).
 */
export const UNASSIGNED_REASON = 'Unassigned';

/**
 * The reason phrase the server puts after a status code, both on the status line and in the body
 * `{code} {reason}`: Node's `http.STATUS_CODES` for registered codes, the table above for the
 * unofficial ones real servers use (Cloudflare's 52x, nginx's 49x...), `Unassigned` for the rest.
 *
 * @example reasonPhrase(524) // 'A Timeout Occurred'
 */
export function reasonPhrase(code: number): string {
  return STATUS_CODES[code] ?? UNOFFICIAL_REASONS.get(code) ?? UNASSIGNED_REASON;
}
