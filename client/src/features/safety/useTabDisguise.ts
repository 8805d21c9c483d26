import { useEffect } from 'react';

export const NEUTRAL_TITLE = 'Notes';
// A plain grey page icon instead of Hearth's heart.
const NEUTRAL_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect x='7' y='4' width='18' height='24' rx='2' fill='%23888'/%3E%3C/svg%3E";

/**
 * The tab's title and icon: Hearth's, or neutral ones when the person chose that. A `null`
 * title leaves the title to the page itself (a space names itself once it knows its name).
 */
export function useTabDisguise(neutral: boolean, title: string | null): void {
  useEffect(() => {
    if (neutral) document.title = NEUTRAL_TITLE;
    else if (title !== null) document.title = title;
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!icon) return;
    icon.dataset.hearth ??= icon.href;
    icon.href = neutral ? NEUTRAL_ICON : icon.dataset.hearth;
  }, [neutral, title]);
}
