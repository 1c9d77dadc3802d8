import type { RepairStatus } from '../api/types';

/** One colour per state, the same on desk and phone: waiting = orange, moving = blue, done = green, ended = grey. */
export const statusColor: Record<RepairStatus, { tag: string; hex: string }> = {
  open: { tag: 'orange', hex: '#fa8c16' },
  dispatched: { tag: 'gold', hex: '#d48806' },
  accepted: { tag: 'cyan', hex: '#08979c' },
  on_the_way: { tag: 'geekblue', hex: '#2f54eb' },
  arrived: { tag: 'blue', hex: '#1677ff' },
  in_progress: { tag: 'processing', hex: '#1677ff' },
  on_hold: { tag: 'purple', hex: '#722ed1' },
  awaiting_quote: { tag: 'magenta', hex: '#c41d7f' },
  awaiting_approval: { tag: 'magenta', hex: '#c41d7f' },
  returned: { tag: 'volcano', hex: '#d4380d' },
  completed: { tag: 'green', hex: '#389e0d' },
  confirmed: { tag: 'lime', hex: '#5b8c00' },
  closed: { tag: 'default', hex: '#8c8c8c' },
  cancelled: { tag: 'default', hex: '#bfbfbf' },
};

export const colorOf = (status: string) => statusColor[status as RepairStatus] ?? { tag: 'default', hex: '#8c8c8c' };
