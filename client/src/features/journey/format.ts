import type { BucketUnit } from '@hearth/shared/insights';

/** Bucket keys are calendar dates; they are formatted as such (UTC), never shifted. */
export function formatBucket(key: string, unit: BucketUnit): string {
  const date = new Date(`${key}T00:00:00Z`);
  return unit === 'week'
    ? date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
    : date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDate(key: string): string {
  return new Date(`${key}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function bucketHeader(unit: BucketUnit): string {
  return unit === 'week' ? 'Week of' : 'Month';
}

/** Colour-blind-safe series colours (Okabe–Ito, darkened where needed for 3:1 on the paper background). */
export const PALETTE = {
  kept: '#0072b2',
  repair: '#a8508a',
  missed: '#9b8a7c',
  waiting: '#0072b2',
  personA: '#0072b2',
  personB: '#c75100',
  neutral: '#3f7f6a',
} as const;
