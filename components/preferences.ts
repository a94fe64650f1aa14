/// Preferences kept in cookies so that the server renders the page as the reader left it.

/// Stores a preference for a year, for the whole site.
export function setPreferenceCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
