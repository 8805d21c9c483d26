import { EXPERIENCE_TRANSITIONS, type ExperienceItem, type Reflection } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, refuseUnless } from './refused';
import { checkAppendOnly, diffById, isPartner, sameValue, type RuleActor } from './ruleContext';

const isEmptyReflection = (r: Reflection) => r.enjoyed === '' && r.learned === '' && r.updatedAt === null;

export function checkNewExperience(item: ExperienceItem, actor: RuleActor): void {
  const id = item.id;
  refuseUnless((item.status === 'idea' || item.status === 'planned') && item.doneAt === null, BoardRefusal.illegalTransition, id);
  checkAppendOnly([], item.history, actor, id);
  checkSteps([], item.steps, actor, id);
  for (const [owner, reflection] of Object.entries(item.reflections)) {
    refuseUnless(owner === actor.userId || isEmptyReflection(reflection), BoardRefusal.notReflectionOwner, id);
  }
}

/** Either partner edits a plan and its steps; status moves legally; reflections are their owner's. */
export function checkExperienceChange(field: string, before: ExperienceItem, after: ExperienceItem, actor: RuleActor): void {
  const id = before.id;
  switch (field) {
    case 'title':
    case 'where':
    case 'notes':
    case 'category':
    case 'closeness':
    case 'when':
    case 'budget':
    case 'statusChangedAt':
    case 'doneAt':
      return;
    case 'status':
      return refuseUnless(EXPERIENCE_TRANSITIONS[before.status].includes(after.status), BoardRefusal.illegalTransition, id);
    case 'history':
      return checkAppendOnly(before.history, after.history, actor, id);
    case 'steps':
      return checkSteps(before.steps, after.steps, actor, id);
    case 'reflections':
      return checkReflections(before, after, actor);
    default:
      throw new Refused(BoardRefusal.invalidStructure, id);
  }
}

function checkSteps(before: ExperienceItem['steps'], after: ExperienceItem['steps'], actor: RuleActor, id: string): void {
  const { added, changed } = diffById(before, after);
  for (const step of added) {
    refuseUnless(step.doneBy === null || step.doneBy === actor.userId, BoardRefusal.forgedAuthor, id);
    refuseUnless(step.assignee === null || isPartner(actor, step.assignee), BoardRefusal.invalidStructure, id);
  }
  for (const { before: was, after: now } of changed) {
    if (now.doneBy !== was.doneBy) refuseUnless(now.doneBy === null || now.doneBy === actor.userId, BoardRefusal.forgedAuthor, id);
    if (now.assignee !== was.assignee)
      refuseUnless(now.assignee === null || isPartner(actor, now.assignee), BoardRefusal.invalidStructure, id);
  }
}

function checkReflections(before: ExperienceItem, after: ExperienceItem, actor: RuleActor): void {
  const id = before.id;
  for (const owner of Object.keys(before.reflections)) refuseUnless(owner in after.reflections, BoardRefusal.notReflectionOwner, id);
  for (const [owner, now] of Object.entries(after.reflections)) {
    const was = before.reflections[owner];
    if (was && sameValue(was, now)) continue;
    // An empty reflection for the partner may be created (setExperienceStatus does on "done").
    refuseUnless(owner === actor.userId || (!was && isEmptyReflection(now)), BoardRefusal.notReflectionOwner, id);
  }
}
