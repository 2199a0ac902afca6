/** "sk-...abcd": enough to recognise a key, never enough to use it. A short key shows its last four only ("...abcd"), one under 8 nothing. */
export function maskKey(key: string): string {
  if (key.length < 8) return '****';
  if (key.length < 20) return `...${key.slice(-4)}`;
  const prefix = /^[A-Za-z]+-/.exec(key)?.[0] ?? '';
  return `${prefix.slice(0, 4)}...${key.slice(-4)}`;
}

/** A URL as it may be shown: a user name and password in it replaced by *** (such a base URL is refused for use, but shown where it was set). */
export function withoutCredentials(url: string): string {
  return url.replace(/^(\s*[a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/** Keys shorter than this are masked only where they stand alone, not inside other words. */
const SHORT_KEY = 6;

/**
 * The secrets of this run (API keys from any source), masked as sent (trimmed). Masked in every byte the
 * writers print, errors and commander's own messages included.
 */
export class Secrets {
  private known = new Map<string, string>();
  private shortForms: Array<[RegExp, string]> = [];

  add(secret: string | undefined): void {
    if (!secret) return;
    // The trimmed form is what is sent, and it is inside the form as given, so masking it covers both.
    const form = secret.trim();
    if (form === '') return;
    const mask = maskKey(form);
    // A key of a few letters would otherwise be masked inside every word that holds them ("E****amples"): mask it where it stands alone.
    if (form.length < SHORT_KEY) this.shortForms.push([new RegExp(`(?<![\\w-])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), mask]);
    else this.known.set(form, mask);
    // Longest first, so a key is never half-masked by a shorter form of itself.
    this.known = new Map([...this.known].sort((a, b) => b[0].length - a[0].length));
  }

  redact(text: string): string {
    let out = text;
    for (const [secret, mask] of this.known) out = out.split(secret).join(mask);
    for (const [pattern, mask] of this.shortForms) out = out.replace(pattern, mask);
    return out;
  }
}
