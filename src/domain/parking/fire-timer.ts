import type { ParkingCard, ParkingNotice, ParkingTimerKind } from './decide.js';

/** What a due timer does: expire the card, remind the desk it runs out soon, or nothing. */
export type ParkingTimerOutcome =
  | { kind: 'moot' }
  | { kind: 'step'; action: 'expire' }
  | { kind: 'remind'; notices: ParkingNotice[]; event: { type: string; data: Record<string, unknown> } };

/** Decides what a due timer does to the card as it stands now (a renewal replaces both timers). */
export function fireParkingTimer(
  card: Pick<ParkingCard, 'status' | 'validTo' | 'cardNumber'>,
  timer: { kind: ParkingTimerKind },
): ParkingTimerOutcome {
  if (card.status !== 'active') return { kind: 'moot' };
  if (timer.kind === 'card_expiry') return { kind: 'step', action: 'expire' };
  return {
    kind: 'remind',
    notices: [
      {
        roles: ['clerk'],
        userIds: [],
        title: {
          zh: `停车卡${card.cardNumber ?? ''}将于${card.validTo}到期，请提醒业户续费`,
          en: `Parking card ${card.cardNumber ?? ''} expires on ${card.validTo}: remind the household`,
        },
      },
    ],
    event: { type: 'ParkingExpiryReminded', data: { validTo: card.validTo } },
  };
}
