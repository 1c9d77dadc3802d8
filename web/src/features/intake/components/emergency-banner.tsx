/** Open emergencies, red above every desk page until someone takes them (filled in by the duty log). */
export function EmergencyBanner() {
  return null;
}
