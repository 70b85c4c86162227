/**
 * Whether a kiosk entry looks like the check-in code of a booking confirmation (`ABCD-EF23`: 8 of
 * A-Z and 2-9, an optional dash or space in the middle; a 2D scanner types the QR's content). At least
 * one letter, so an all-digit badge number is never taken for a code. A look-alike that matches no
 * booking still goes through the normal identification.
 */
export function looksLikeBookingCode(entry: string): boolean {
  const compact = entry.trim().toUpperCase();
  return /^[A-Z2-9]{4}[- ]?[A-Z2-9]{4}$/.test(compact) && /[A-Z]/.test(compact);
}

