/** A still picture of a board (decorative): shows what Hearth feels like before signing up. */
export function BoardPreview() {
  return (
    <div className="board-preview" aria-hidden="true">
      <div className="preview-card">
        <span className="preview-chip vis-couple">Us</span>
        <p className="preview-title">Weekend in Lisbon</p>
        <p className="preview-meta">
          <span className="preview-avatar a">S</span> Sam · 2 h ago · 2 of 3 steps
        </p>
      </div>
      <div className="preview-card tilt">
        <span className="preview-chip status-accepted">Accepted</span>
        <p className="preview-title">I’ll call you every Sunday evening</p>
        <p className="preview-meta">
          <span className="preview-avatar b">A</span> Alex · yesterday · every week
        </p>
      </div>
      <div className="preview-card">
        <span className="preview-chip vis-private">Appreciation</span>
        <p className="preview-title">Thank you for the soup when I was ill.</p>
        <p className="preview-meta">
          <span className="preview-heart">♥</span> Sam: “Any time.”
        </p>
      </div>
    </div>
  );
}
