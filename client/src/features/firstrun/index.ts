// The guided first run of a new space: invite the partner, then a first small step.
export { FirstRunGuide } from './FirstRunGuide';
export { hideFirstRun, useFirstRunHidden } from './firstRunStore';
