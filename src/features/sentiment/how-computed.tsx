/**
 * "How is this computed?" for sentiment: a plain explanation of the scorer, its measured accuracy
 * (figures from docs/sentiment.md, `npm run eval:sentiment`) and its limits.
 */
export const SCORER_ACCURACY = {
  evalTexts: 330,
  macroF1: 0.899,
  accuracy: 0.9,
  peers: [
    { name: 'sentiment (AFINN)', macroF1: 0.691 },
    { name: 'wink-sentiment', macroF1: 0.68 },
    { name: 'vader-sentiment', macroF1: 0.65 },
  ],
  negative: { precision: 0.943, recall: 0.83 },
} as const;

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ShareDefinition() {
  return (
    <p>
      Each post, reply and chat message with text in the month is labelled <strong>positive</strong>,{' '}
      <strong>negative</strong> or <strong>neutral</strong>. A share is the number of messages with that label divided
      by all messages with text in the month; neutral = 100% − positive − negative. <strong>Net sentiment</strong> is
      the positive share minus the negative share (in percentage points). Bots, reactions and empty messages are not
      counted. Your corrections on the Listening page replace the scorer’s label.
    </p>
  );
}

export function HowSentimentIsComputed() {
  const a = SCORER_ACCURACY;
  return (
    <div className="how-computed">
      <h3>How the scorer works</h3>
      <p>
        Hearth scores each message between −1 (very negative) and +1 (very positive), in this browser: no text leaves
        your machine. A message is positive at 0.05 or more, negative at −0.05 or less, neutral otherwise.
      </p>
      <ul>
        <li>
          Only the writer’s own words count: quoted text (lines starting with “&gt;”, [quote] blocks), code, stack
          traces, links and @mentions are removed first. A message that is only code is neutral.
        </li>
        <li>
          Words, emoji and emoticons carry a feeling from a word list (the VADER lexicon), adjusted for community
          language: “kill the process” or “crash course” are neutral, “doesn’t work”, “still broken” and “same here”
          are complaints, “works like a charm” and “can’t wait” are praise.
        </li>
        <li>
          Context rules: “not good” flips the feeling, “very” strengthens it, ALL CAPS and “!” add emphasis, and after
          “but” the second half counts more. Questions and feature wishes weigh less.
        </li>
      </ul>
      <h3>Measured accuracy</h3>
      <p>
        On Hearth’s labelled test set of {a.evalTexts} community texts (forums, GitHub issues, Slack and Discord chat,
        support, newsletter replies, event feedback), Hearth labels {pct(a.accuracy)} of texts correctly
        (macro-F1 {a.macroF1.toFixed(3)}), against {a.peers.map((p) => `${p.macroF1.toFixed(2)} for ${p.name}`).join(', ')}.
        It misses negatives more often than it invents them: {pct(a.negative.precision)} of the messages it calls
        negative are negative, but it finds {pct(a.negative.recall)} of the negative ones. The test set and the rules
        were written by the same person, so expect lower figures on your own community.
      </p>
      <h3>Limits</h3>
      <ul>
        <li>
          <strong>Sarcasm and irony</strong> are mostly missed (“Great, another forced update.” reads as praise unless
          marked with 🙄 or “/s”).
        </li>
        <li>
          <strong>English only</strong>: messages in other languages are mostly scored neutral.
        </li>
        <li>
          <strong>Short texts</strong> such as “+1” or “ok” carry too little to judge and count as neutral; “same
          here” is read as agreeing with a complaint, even when it replies to praise.
        </li>
        <li>Complaints told as plain facts (“six months with a ready PR”) often read as neutral.</li>
      </ul>
      <p>
        When a label is wrong, relabel the message on the <a href="#/listening">Listening</a> page: the correction is
        stored in this browser, included in backups, and used by every metric.
      </p>
    </div>
  );
}
