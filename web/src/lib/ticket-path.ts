/** The desk page of a ticket of any kind. */
export function ticketPath(kind: string | null | undefined, id: string): string {
  switch (kind) {
    case 'complaint':
      return `/complaints/${id}`;
    case 'contact':
      return `/duty/${id}`;
    case 'matter':
      return `/matters/${id}`;
    default:
      return `/orders/${id}`;
  }
}
