import { privacyApi } from './privacyApi';

/**
 * Downloads of everything this member can see in the space: complete JSON (docs/export.md)
 * or a readable Markdown summary. Plain links, so the browser's own download handles them.
 */
export function ExportButtons({ spaceId }: { spaceId: string }) {
  return (
    <div className="row" role="group" aria-label="Export this space" data-testid="export-buttons">
      <a className="button small" href={privacyApi.exportUrl(spaceId, 'md')} download>
        Download summary (Markdown)
      </a>
      <a className="button small quiet" href={privacyApi.exportUrl(spaceId, 'json')} download>
        Download all data (JSON)
      </a>
    </div>
  );
}
