// Privacy: export downloads and the two erasure dialogs.
export { ExportButtons } from './ExportButtons';
export { DeleteAccountDialog } from './DeleteAccountDialog';
export { DeleteSpaceDialog } from './DeleteSpaceDialog';
export { privacyApi } from './privacyApi';
