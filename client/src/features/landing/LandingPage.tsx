import { Link } from '../../app/router';
import { BoardPreview } from './BoardPreview';
import './landing.css';

const FOR_WHOM = [
  {
    title: 'Planning together, even from two cities',
    text: 'One live board for the two of you: trips and small rituals to look forward to, promises you keep to each other, what you need and where your limits are. You both see every change as it happens.',
  },
  {
    title: 'Live exercises, side by side',
    text: 'Speaker and listener, a together check-in revealed to both at once, a deck of questions, a calm review of your promises — guided, in real time, wherever each of you is.',
  },
  {
    title: 'Working with a counsellor',
    text: 'Invite your counsellor when you are both ready. They see only what you choose to share with them, read-only, and only while both of you agree.',
  },
];

const PROMISES = [
  'Every card is marked “Only me”, “Us” or “Us + counsellor”. The server keeps to it; nobody else sees a thing.',
  'A counsellor can look only while both of you consent, and either of you can end it at once.',
  'Every time a counsellor opens your shared board, you can see who, when and for how long.',
  'You can download everything, or delete your account and its data for good, whenever you like.',
];

/** What a visitor who is not logged in sees at `/`: what Hearth is, for whom, and how to start. */
export function LandingPage() {
  return (
    <main id="main" className="landing">
      <section className="landing-hero" aria-labelledby="landing-title">
        <div className="landing-hero-text">
          <p className="landing-kicker">Hearth · a shared space for couples</p>
          <h1 id="landing-title">A warm place for the two of you to plan, promise and check in.</h1>
          <p className="landing-lead">
            Hearth is a live board you share with your partner: plans to look forward to, small promises, needs and boundaries, daily
            check-ins and thank-yous. Made for couples who want to stay close — across a table or across time zones.
          </p>
          <div className="landing-actions">
            <Link to="/signup" className="button primary large">
              Create your space
            </Link>
            <Link to="/login" className="button large">
              Log in
            </Link>
          </div>
          <p className="landing-note">Free to start. Your partner joins with a link you send them.</p>
        </div>
        <BoardPreview />
      </section>

      <section className="landing-section" aria-labelledby="landing-for">
        <h2 id="landing-for">Made for</h2>
        <ul className="landing-grid">
          {FOR_WHOM.map((item) => (
            <li key={item.title} className="landing-tile">
              <h3>{item.title}</h3>
              <p>{item.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="landing-section landing-privacy" aria-labelledby="landing-privacy">
        <h2 id="landing-privacy">Our privacy promise, in plain words</h2>
        <ul>
          {PROMISES.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>

      <section className="landing-section landing-closing" aria-labelledby="landing-start">
        <h2 id="landing-start">Start in two minutes</h2>
        <ol className="landing-steps">
          <li>Create your space.</li>
          <li>Send your partner the invitation link.</li>
          <li>Write your first appreciation.</li>
        </ol>
        <div className="landing-actions">
          <Link to="/signup" className="button primary large">
            Create your space
          </Link>
          <Link to="/login" className="button large">
            I already have an account
          </Link>
        </div>
      </section>
    </main>
  );
}
