/** How long the kiosk shows a new ticket before it resets for the next visitor. */
// Long enough to take a phone out and scan the QR code of the visitor page.
export const kioskTicketScreenSeconds = 20;

/**
 * How long after check-in the kiosk that created a visit may cancel it ("I changed my mind" on the
 * ticket screen): the screen's time plus a margin for a slow network. Later, only staff cancel.
 */
export const kioskCancelWindowSeconds = kioskTicketScreenSeconds + 15;

/** "Hello Marie": a kiosk greets by first name only, so the screen shows no more than it must. */
export function greetingName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}
