import { describe, expect, it } from 'vitest';
import { countDay, localDay, localDayBounds } from './daily-review.js';

const at = (iso: string) => new Date(iso);

describe("the security manager's daily check", () => {
  it('takes the community’s local day, midnight to midnight', () => {
    expect(localDayBounds('2026-11-25', 'Asia/Shanghai')).toEqual({
      start: at('2026-11-25T00:00:00+08:00'),
      end: at('2026-11-26T00:00:00+08:00'),
    });
    expect(localDay(at('2026-11-25T23:59:00+08:00'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDay(at('2026-11-26T00:00:00+08:00'), 'Asia/Shanghai')).toBe('2026-11-26');
  });
  it('counts passes issued, released, returned, expired and cancelled that day', () => {
    const bounds = localDayBounds('2026-11-25', 'Asia/Shanghai');
    const counts = countDay(
      [
        {
          status: 'released',
          issuedAt: at('2026-11-25T09:00:00+08:00'),
          releasedAt: at('2026-11-25T10:00:00+08:00'),
          returnedAt: null,
          endedAt: null,
        },
        { status: 'issued', issuedAt: at('2026-11-25T11:00:00+08:00'), releasedAt: null, returnedAt: null, endedAt: null },
        {
          status: 'returned',
          issuedAt: at('2026-11-24T16:00:00+08:00'),
          releasedAt: null,
          returnedAt: at('2026-11-25T08:00:00+08:00'),
          endedAt: null,
        },
        {
          status: 'expired',
          issuedAt: at('2026-11-24T08:00:00+08:00'),
          releasedAt: null,
          returnedAt: null,
          endedAt: at('2026-11-25T08:00:00+08:00'),
        },
        {
          status: 'released',
          issuedAt: at('2026-11-24T08:00:00+08:00'),
          releasedAt: at('2026-11-24T09:00:00+08:00'),
          returnedAt: null,
          endedAt: null,
        },
      ],
      bounds,
    );
    expect(counts).toEqual({ issued: 2, released: 1, returned: 1, expired: 1, cancelled: 0, open: 1 });
  });
});
