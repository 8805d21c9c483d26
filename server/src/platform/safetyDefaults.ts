import type { Helpline } from '@hearth/shared/api';

/** A site nobody would question seeing in a tab; override with QUICK_EXIT_URL. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** National helplines for domestic abuse, free and confidential; override with HELPLINES (JSON). */
export const DEFAULT_HELPLINES: Helpline[] = [
  {
    name: 'National Domestic Abuse Helpline (Refuge)',
    region: 'United Kingdom',
    phone: '0808 2000 247',
    url: 'https://www.nationaldahelpline.org.uk',
    hours: '24 hours',
  },
  {
    name: 'National Domestic Violence Hotline',
    region: 'United States',
    phone: '1-800-799-7233',
    url: 'https://www.thehotline.org',
    hours: '24 hours',
  },
  { name: '1800RESPECT', region: 'Australia', phone: '1800 737 732', url: 'https://www.1800respect.org.au', hours: '24 hours' },
  {
    name: 'Assaulted Women’s Helpline',
    region: 'Canada (Ontario)',
    phone: '1-866-863-0511',
    url: 'https://www.awhl.org',
    hours: '24 hours',
  },
  { name: 'Hilfetelefon Gewalt gegen Frauen', region: 'Germany', phone: '116 016', url: 'https://www.hilfetelefon.de', hours: '24 hours' },
  { name: 'Emergency services', region: 'Anywhere', phone: '112 / 999 / 911', hours: 'If you are in danger now' },
];
