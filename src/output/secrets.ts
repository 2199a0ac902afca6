/** "sk-...abcd": enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  if (key.length < 12) return '****';
  const prefix = /^[a-z]+-/i.exec(key)?.[0] ?? '';
  return `${prefix.slice(0, 4)}...${key.slice(-4)}`;
}

/**
 * The secrets of this run (API keys from any source). Every form a key may
 * take is known: as given and as sent (trimmed). Masked in every byte the
 * writers print, errors and commander's own messages included.
 */
export class Secrets {
  private known = new Map<string, string>();

  add(secret: string | undefined): void {
    if (!secret) return;
    for (const form of new Set([secret, secret.trim()])) {
      if (form !== '') this.known.set(form, maskKey(secret.trim()));
    }
    // Longest first, so a key is never half-masked by a shorter form of itself.
    this.known = new Map([...this.known].sort((a, b) => b[0].length - a[0].length));
  }

  redact(text: string): string {
    let out = text;
    for (const [secret, mask] of this.known) out = out.split(secret).join(mask);
    return out;
  }
}
