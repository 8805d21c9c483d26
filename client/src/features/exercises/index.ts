export { ExercisePanel } from './ExercisePanel';
