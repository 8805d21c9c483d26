export { SpaceViewTabs } from './SpaceViewTabs';
