/**
 * Hearth's adjustments to the VADER lexicon for community text (forums, chat, issue trackers,
 * newsletter replies, event feedback). Values use VADER's scale (about −4 … +4).
 *
 * Principles, so that new entries stay consistent:
 * - Words of technical description are not feelings: "error", "kill", "exception", "true",
 *   "free", "support", "save", "block", "conflict" describe software, so they weigh little or
 *   nothing. Words that describe an experience of failure ("broken", "crashes", "unusable")
 *   stay negative: a bug report that says the app is broken is a complaint.
 * - Politeness formulas carry no opinion: "please", "help", "thanks in advance", "hi".
 * - Chat slang and gaming/dev enthusiasm are added ("lit", "goat", "sick", "W", "gg").
 * - Laughter tokens soften rather than praise ("lol of course it broke" is not positive).
 */

/** Single-token valences that replace (or add to) the VADER lexicon. 0 removes a word. */
export const WORD_OVERRIDES: Readonly<Record<string, number>> = {
  // help-desk politeness and filler
  help: 0, helping: 0, please: 0, pls: 0, plz: 0, hi: 0, hello: 0, hey: 0, yes: 0, yeah: 0,
  ok: 0, okay: 0, sure: 0, want: 0, wants: 0, well: 0, like: 0, likes: 0, true: 0, false: 0,
  kind: 0, pretty: 0, wish: 0, friend: 0.6, friends: 0.6, finally: 0.8, hope: 0.6, hopefully: 0.4, interesting: 0.8, alright: 0.4,
  thank: 1.5, // "thank you" scores once (you is neutral)
  // technical vocabulary that is descriptive, not emotional
  free: 0, support: 0, supports: 0, supported: 0, supporting: 0, shares: 0, shared: 0, saves: 0, share: 0, join: 0, joined: 0, save: 0, saved: 0.6, safe: 0,
  clean: 0, party: 0, god: 0, easy: 1.2, block: 0, blocked: -0.6, conflict: 0, conflicts: 0,
  attack: 0, critical: 0, fatal: 0, warning: 0, warnings: 0, exception: 0, error: -0.4,
  errors: -0.4, problem: -0.6, problems: -0.6, issue: -0.3, issues: -0.3, bug: -0.5, bugs: -0.5,
  kill: 0, killed: 0, kills: 0, dead: -1.0, die: -0.5, dies: -0.8, damn: -1.0, fire: 0, forced: -1.0,
  force: 0, execute: 0, executed: 0, abort: 0, aborted: -0.5, panic: 0, destroy: 0, drop: 0,
  crash: -1.2, crashes: -1.4, crashed: -1.4, crashing: -1.5, fail: -1.2, fails: -1.2,
  failed: -1.0, failing: -1.2, failure: -0.8, lost: -1.0, missing: -0.5, stuck: -1.0,
  fan: 0, create: 0, created: 0, creating: 0, accept: 0, accepted: 0, allow: 0, approved: 0.5,
  clear: 0, cleared: 0, credit: 0, credits: 0, ready: 0.5, resolve: 0.3, resolved: 0.5, secure: 0,
  security: 0, strong: 0.5, success: 0.8, successful: 0.8, successfully: 0.8, trust: 0.5,
  trusted: 0, win: 1.2, worth: 0.3, reject: -0.5, rejected: -0.5, denied: -0.3, deny: 0,
  ignore: 0, limited: -0.3, missed: -0.6, threat: 0, vulnerable: -0.4, exploit: 0, mock: 0,
  mocked: 0, commit: 0, committed: 0, active: 0, interest: 0, interested: 0, grant: 0,
  granted: 0, honest: 0, treat: 0.5, optimize: 0.5, improve: 0.6, improved: 1.0,
  improvement: 0.8, improvements: 0.8, master: 0, worrying: -1.6, condescending: -2.0,
  patronizing: -2.0, unprofessional: -2.0, overwhelmed: -1.6,
  no: 0, none: 0, wrong: -1.2, hard: -0.3, sorry: 0, joke: 0, wait: 0, gold: 1.5, solid: 1.2,
  // experience of failure, common in support and gaming communities
  broken: -2.1, broke: -1.6, breaks: -1.3, buggy: -2.0, laggy: -1.8, lagging: -1.5,
  unusable: -2.6, unplayable: -2.6, unbearable: -2.5, unacceptable: -2.4, flaky: -1.5,
  janky: -1.5, clunky: -1.5, bloated: -1.4, sluggish: -1.5, slow: -0.9, slower: -0.9,
  regression: -1.2, nightmare: -2.4, headache: -1.6, garbage: -2.4, trash: -2.2,
  useless: -2.2, misleading: -1.8, ridiculous: -2.0, disorganized: -1.8, hostile: -2.0,
  nerfed: -1.2, borked: -2.0, hosed: -1.5, wonky: -1.2, annoyed: -2.0, frustrating: -2.2,
  downhill: -1.5, unresponsive: -1.6, outage: -1.4, downtime: -1.0, expensive: -1.0,
  overpriced: -2.0, ignored: -1.5, ignoring: -1.4, disappointment: -2.2, meh: -1.3,
  sucks: -2.0, suck: -1.9, sucked: -1.9, ugh: -2.0, argh: -2.0, ffs: -2.6, wtf: -2.4,
  smh: -1.6, yikes: -1.5, oof: -1.0, rip: -1.2, facepalm: -1.6, sigh: -1.2, bruh: -0.8,
  // praise words from dev tools and gaming
  lifesaver: 2.6, snappy: 1.6, intuitive: 1.6, seamless: 1.6, slick: 1.6, polished: 1.6,
  smooth: 1.4, fast: 0.6, faster: 1.0, stable: 1.0, helpful: 2.0, handy: 1.4, neat: 1.8,
  lit: 2.2, goat: 2.4, goated: 2.4, dope: 2.0, slaps: 2.0, banger: 2.2, sick: 1.2,
  based: 1.0, legit: 1.2, kudos: 2.3, lgtm: 1.8, gg: 1.6, ggs: 1.6, ez: 0.8, poggers: 2.0,
  pog: 2.0, hype: 1.6, hyped: 2.0, stoked: 2.4, thrilled: 2.6, rocks: 1.8, underrated: 1.2,
  // thanks in its chat spellings
  thanks: 1.9, thx: 1.9, thnx: 1.9, ty: 1.9, tysm: 2.4, tyvm: 2.4, cheers: 1.2, gracias: 1.9,
  merci: 1.9, danke: 1.9, obrigado: 1.9, appreciated: 2.0,
  // laughter softens; it rarely carries the opinion by itself
  lol: 0.5, lmao: 0.6, lmfao: 0.6, rofl: 0.6, haha: 1.2, hahaha: 1.2, xd: 1.0,
  // the platforms communities live on are names, not feelings (VADER has "discord" at −1.7)
  discord: 0,
  // hyphenated compounds are one token: praise and complaints the word list misses ("bug-free"
  // must not read as "bug")
  'top-notch': 2.2, 'well-documented': 1.8, 'well-designed': 1.8, 'well-made': 1.8, 'well-run': 1.8,
  'well-maintained': 1.8, 'best-maintained': 2.4, 'user-friendly': 1.8, 'bug-free': 1.8, 'hassle-free': 1.8,
  'crash-free': 1.8, 'pain-free': 1.6, 'high-quality': 1.8, 'world-class': 2.4, 'best-in-class': 2.4,
  'mind-blowing': 2.6, 'game-changing': 2.4, 'rock-solid': 2.4, 'must-have': 2.0, 'long-awaited': 1.2,
  'half-baked': -1.8, 'low-quality': -1.8, 'error-prone': -1.4, 'over-engineered': -1.4, 'time-consuming': -1.0,
  // experiences of failure in chat and support
  disconnects: -1.2, disconnecting: -1.2, freezes: -1.4, freezing: -1.4, glitchy: -1.6, glitch: -0.8,
  glitches: -0.8, welp: -0.8, impossible: -1.2,
  // a few feelings in the community's other languages
  leider: -1.2, nervig: -2.0, frustrado: -2.0, 'frustré': -2.0, 'agaçant': -2.0,
  // fillers
  ngl: 0, tbh: 0, honestly: 0, frankly: 0, imo: 0, imho: 0, fwiw: 0, tbf: 0, afaik: 0, iirc: 0, btw: 0, fyi: 0,
  insane: 0, crazy: 0, wild: 0,
  // certainty adverbs intensify the next word rather than praise ("definitely annoying")
  definitely: 0, certainly: 0, surely: 0,
  // regret and worry that the VADER list lacks ("unfortunately it fails", "I'm afraid not")
  unfortunately: -1.2, afraid: -1.4,
};

/**
 * Words that strengthen the next sentiment word (VADER's booster list plus chat intensifiers).
 * Positive: stronger; negative: weaker ("slightly", "kinda").
 */
export const BOOSTERS: Readonly<Record<string, number>> = {
  absolutely: 0.293, amazingly: 0.293, awfully: 0.293, completely: 0.293, considerably: 0.293,
  decidedly: 0.293, deeply: 0.293, effing: 0.293, enormously: 0.293, entirely: 0.293,
  especially: 0.293, exceptionally: 0.293, extremely: 0.293, fabulously: 0.293, flipping: 0.293,
  flippin: 0.293, fricking: 0.293, frickin: 0.293, frigging: 0.293, friggin: 0.293, fully: 0.293,
  fucking: 0.293, greatly: 0.293, hella: 0.293, highly: 0.293, hugely: 0.293, incredibly: 0.293,
  intensely: 0.293, majorly: 0.293, more: 0.293, most: 0.293, particularly: 0.293, purely: 0.293,
  quite: 0.293, really: 0.293, remarkably: 0.293, so: 0.293, substantially: 0.293,
  thoroughly: 0.293, totally: 0.293, tremendously: 0.293, uber: 0.293, unbelievably: 0.293,
  unusually: 0.293, utterly: 0.293, very: 0.293, super: 0.293, insanely: 0.293, crazy: 0.293,
  mega: 0.293, af: 0.293, soo: 0.293, sooo: 0.293, too: 0.293, way: 0.2, truly: 0.293,
  definitely: 0.293, certainly: 0.293, surely: 0.2,
  pretty: 0.15, seriously: 0.293, literally: 0.2, such: 0.2, real: 0.15, damn: 0.293,
  almost: -0.293, barely: -0.293, hardly: -0.293, kinda: -0.293, kindof: -0.293, less: -0.293,
  little: -0.293, marginally: -0.293, occasionally: -0.293, partly: -0.293, scarcely: -0.293,
  slightly: -0.293, somewhat: -0.293, sorta: -0.293, sortof: -0.293, bit: -0.2,
};

/** Negation words (apostrophes are normalised to ' and also accepted without). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nowhere', 'neither', 'nor', 'none', 'without', 'cannot',
  'nope', 'rarely', 'seldom', 'aint', 'arent', 'cant', 'couldnt', 'didnt', 'doesnt', 'dont',
  'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neednt', 'shouldnt', 'wasnt',
  'werent', 'wont', 'wouldnt', 'shant', 'nt', 'hardly',
]);

/** Emoji valences (community usage: 🔥 and 💯 praise, 💀 is laughter, 🙄 is sarcasm). */
export const EMOJI: Readonly<Record<string, number>> = {
  '😀': 2.0, '😃': 2.0, '😄': 2.2, '😁': 2.2, '😆': 1.8, '😊': 2.0, '🙂': 1.2, '😉': 1.0,
  '😍': 2.8, '🥰': 2.8, '😘': 2.2, '🤩': 2.8, '😎': 1.6, '🥳': 2.6, '😂': 1.2, '🤣': 1.2,
  '😅': 0.3, '😇': 1.6, '☺': 1.8, '😋': 1.6, '🤗': 2.0, '😌': 1.2, '🙌': 2.2, '👏': 2.0,
  '👍': 1.6, '👌': 1.6, '💪': 1.6, '🙏': 1.6, '🎉': 2.4, '🎊': 2.2, '🚀': 2.0, '🔥': 2.0,
  '💯': 2.0, '✨': 1.4, '⭐': 1.6, '🌟': 1.8, '❤': 2.6, '💖': 2.6, '💕': 2.4, '💙': 2.4,
  '💚': 2.4, '💜': 2.4, '🧡': 2.4, '💛': 2.4, '🖤': 1.6, '😻': 2.4, '🏆': 2.0, '🥇': 2.0,
  '✅': 0.8, '🤝': 1.4, '😺': 1.6, '🆒': 1.4, '😏': 0.4,
  '😞': -2.0, '😔': -1.8, '😟': -1.8, '😕': -1.4, '🙁': -1.6, '☹': -1.8, '😢': -2.2,
  '😭': -2.2, '😩': -2.2, '😫': -2.2, '😖': -2.0, '😣': -1.8, '😤': -2.0, '😠': -2.4,
  '😡': -2.6, '🤬': -2.8, '👎': -2.0, '💔': -2.4, '🙄': -1.8, '😒': -1.8, '🤦': -1.8,
  '😬': -0.8, '😱': -1.6, '😨': -1.8, '😰': -1.8, '😥': -1.6, '🤮': -2.6, '🤢': -2.2,
  '💩': -2.0, '❌': -0.6, '⚠': -0.4, '😑': -1.0, '😐': -0.4, '🥲': -0.4, '🥺': -0.6,
  '😪': -1.4, '🙃': -0.8, '🫠': -0.8, '😓': -1.4, '🤡': -1.6, '🗑': -1.6, '🐛': 0,
};

/** Slack/Discord/GitHub shortcodes, mapped to the same valences. */
export const SHORTCODES: Readonly<Record<string, number>> = {
  '+1': 1.6, thumbsup: 1.6, thumbs_up: 1.6, '-1': -2.0, thumbsdown: -2.0, thumbs_down: -2.0,
  tada: 2.4, heart: 2.6, hearts: 2.4, heart_eyes: 2.8, smile: 2.2, smiley: 2.0, grin: 2.2,
  slightly_smiling_face: 1.2, blush: 2.0, joy: 1.2, rofl: 1.2, raised_hands: 2.2, clap: 2.0,
  pray: 1.6, rocket: 2.0, fire: 2.0, '100': 2.0, sparkles: 1.4, star: 1.6, star2: 1.8,
  white_check_mark: 0.8, heavy_check_mark: 0.8, muscle: 1.6, partying_face: 2.6,
  sunglasses: 1.6, hugging_face: 2.0, ok_hand: 1.6, trophy: 2.0, sweat_smile: 0.3,
  disappointed: -2.0, pensive: -1.8, worried: -1.8, confused: -1.4, slightly_frowning_face: -1.6,
  frowning: -1.6, cry: -2.2, sob: -2.2, weary: -2.2, tired_face: -2.2, angry: -2.4, rage: -2.6,
  triumph: -2.0, broken_heart: -2.4, roll_eyes: -1.8, face_with_rolling_eyes: -1.8,
  unamused: -1.8, facepalm: -1.8, face_palm: -1.8, grimacing: -0.8, scream: -1.6,
  skull: 0, x: -0.6, warning: -0.4, poop: -2.0, hankey: -2.0, clown_face: -1.6,
};

/**
 * Multi-word expressions, matched on lower-cased word tokens before single words. The valence
 * replaces the words' own (0 = the phrase carries no feeling).
 */
/**
 * Outcomes told with a negation: "didn't help", "won't load", "can't log in" are complaints (the
 * verb has no feeling of its own to negate); "never had an issue", "zero downtime", "no more
 * crashes" are praise (the negated problem is the point).
 */
const OUTCOME_PHRASES: ReadonlyArray<readonly [string, number]> = (() => {
  const out: [string, number][] = [];
  const negators = ["can't", 'cant', 'cannot', "couldn't", "doesn't", 'doesnt', "didn't", 'didnt', "won't", 'wont', "don't", 'never', 'still not'];
  const verbs = ['help', 'load', 'connect', 'log in', 'login', 'sign in', 'open', 'start', 'sync', 'fix', 'fix it', 'solve', 'address', 'access', 'install', 'compile', 'respond', 'worked', 'works', 'loads', 'helped', 'fixed'];
  for (const n of negators) for (const v of verbs) out.push([`${n} ${v}`, -1.6]);
  const problems = ['issue', 'issues', 'problem', 'problems', 'bug', 'bugs', 'crash', 'crashes', 'complaint', 'complaints', 'hiccup', 'hiccups'];
  for (const n of ['never', 'not', 'no', 'without', 'zero', "haven't", "didn't", "hasn't"])
    for (const mid of ['had a', 'had an', 'had any', 'had one', 'seen a', 'seen any', 'a single', 'any', 'one'])
      for (const noun of problems) out.push([`${n} ${mid} ${noun}`, 1.6]);
  for (const noun of ['downtime', 'issues', 'bugs', 'crashes', 'problems', 'complaints', 'lag', 'disconnects', 'hiccups']) {
    out.push([`zero ${noun}`, 1.6], [`no more ${noun}`, 1.8], [`no more random ${noun}`, 1.8]);
  }
  out.push(
    ['not again', -1.6], ['nothing happens', -1.4], ['no progress', -1.2], ['still getting', -1.4], ['still seeing', -1.4],
    ['down again', -1.6], ["haven't looked back", 2.0], ['never looked back', 2.0], ['far from the best', -1.4],
    ['far from perfect', -1.2], ['far from great', -1.4], ['lets go', 1.8], ["let's go", 1.8],
    ['marking this as solved', 0], ['marked as solved', 0], ['marking as solved', 0],
    ['no funciona', -1.8], ['funktioniert nicht', -1.8], ['ne marche pas', -1.8], ['ne fonctionne pas', -1.8],
  );
  return out;
})();

export const PHRASES: ReadonlyArray<readonly [string, number]> = [
  ...OUTCOME_PHRASES,
  // technical uses of violent or alarming words
  ['crash course', 0], ['kill the process', 0], ['kill the server', 0], ['kill the job', 0],
  ['kill it', 0], ['kill the app', 0], ['dead code', 0], ['dead link', -0.8],
  ['dead lock', 0], ['race condition', 0], ['breaking change', 0], ['breaking changes', 0],
  ['no module named', 0], ['fatal error', -0.4], ['error message', 0], ['error messages', 0],
  ['bug report', 0], ['bug reports', 0], ['bug fix', 0.4], ['bug fixes', 0.4], ['fixes bugs', 0.4],
  ['fixed bugs', 0.4], ['feature request', 0], ['third party', 0], ['third-party', 0],
  ['free tier', 0], ['free plan', 0], ['for free', 0.8], ['stack trace', 0],
  ['no problem', 1.4], ['no problems', 1.6], ['no problemo', 1.4], ['no worries', 1.4],
  ['no issues', 1.6], ['no issue', 1.0], ['no complaints', 1.6], ['np', 1.0],
  ['no idea', 0], ['no clue', -0.3], ['no longer', 0], ['no matter', 0], ['no way', 0],
  ['not sure', 0], ['no response', -1.4], ['no reply', -1.4], ['no answer', -1.2],
  ['never answered', -1.6], ['never replied', -1.6], ['no explanation', -1.2],
  // feelings the lexicon misses or inverts
  ['this bug is killing me', -2.6], ['killing me', -2.4], ['killing it', 2.6],
  ['killed it', 2.6], ['killer feature', 2.4], ['killer app', 2.4],
  ["can't wait", 2.3], ['cant wait', 2.3], ['cannot wait', 2.3], ["couldn't wait", 1.6],
  ['works like a charm', 2.8], ['worked like a charm', 2.8], ['like a charm', 2.8],
  ['did the trick', 2.0], ['does the trick', 1.8], ['hit the spot', 1.8],
  ['rock solid', 2.4], ['game changer', 2.6], ['game-changer', 2.6], ['well done', 2.4],
  ['well organized', 2.0], ['well organised', 2.0], ['well written', 2.0], ['well deserved', 2.2],
  ['hell yeah', 2.4], ['hell yes', 2.4], ['what the hell', -2.0], ['the hell', -1.5],
  ['sick of', -2.3], ['sick and tired', -2.8], ['feel sick', -1.8], ['feeling sick', -1.8],
  ['got sick', -1.2], ['was sick', -1.0], ['out of ideas', -1.6], ['give up', -1.6],
  ['giving up', -1.6], ['gave up', -1.6], ['lost my mind', -2.0], ['losing my mind', -2.0],
  ['waste of time', -2.6], ['waste of money', -2.6], ['not worth', -1.8], ['worth it', 1.8],
  ['thanks for nothing', -2.4], ['no thanks', -1.0], ['yeah right', -1.5], ['oh great', -1.2],
  ['just great', -1.2], ['oh joy', -1.5], ['pay to win', -1.8], ['pay-to-win', -1.8],
  ['last straw', -2.2], ['fed up', -2.4], ['had enough', -2.0], ['not impressed', -2.0],
  ['step backwards', -2.0], ['step back', -1.2], ['goes downhill', -1.8], ['gone downhill', -1.8],
  ['let down', -2.0], ['let me down', -2.0], ['for the win', 2.0], ['ftw', 2.0],
  ['made my day', 2.8], ['makes my day', 2.6], ['love it', 3.0], ['love this', 3.0],
  ['nailed it', 2.6], ['spot on', 2.2], ['high five', 1.6], ['keep it up', 2.0],
  ['keep up the good work', 2.6], ['keep them coming', 2.0], ['keep em coming', 2.0],
  ['sounds good', 1.4], ['looks good', 1.4], ['makes sense', 0.8], ['good to know', 1.0],
  ['good idea', 1.8], ['great idea', 2.6], ['bad idea', -2.0], ['terrible idea', -2.6],
  ['good morning', 0], ['good afternoon', 0], ['good evening', 0], ['good night', 0],
  ['good luck', 0.8], ['good question', 0.6], ['good catch', 2.0], ['great catch', 2.4],
  ['good first issue', 0], ['best practice', 0], ['best practices', 0], ['best way', 0],
  ['the best way', 0], ['best regards', 0], ['kind regards', 0], ['warm regards', 0],
  ['kind of', 0], ['sort of', 0], ['as well', 0], ['pretty much', 0], ['like this', 0],
  ['something like', 0], ['looks like', 0], ['seems like', 0], ['feels like', 0],
  ['i like', 2.0], ['we like', 2.0], ['really like', 2.3], ['i really like', 2.4],
  ['i liked', 1.8], ['would like', 0], ["i'd like", 0], ['id like', 0], ["we'd like", 0],
  // request formulas: polite, not an opinion
  ['thanks in advance', 0], ['thank you in advance', 0], ['thx in advance', 0], ['tia', 0],
  ['any help appreciated', 0], ['any help is appreciated', 0],
  ['any help would be appreciated', 0], ['any help would be greatly appreciated', 0],
  ['appreciate any help', 0], ['would appreciate any help', 0], ['thanks for any help', 0],
  ['thanks for reading', 0], ['happy to help', 1.6], ['glad to help', 1.6],
  // agreement with a complaint in a reply: the replier shares the problem
  ['same here', -1.2], ['me too', -1.0], ['same issue', -1.4], ['same problem', -1.4],
  ['same error', -1.4], ['same bug', -1.4], ['same crash', -1.6], ['same for me', -1.0],
  ['same thing here', -1.2], ['also seeing this', -1.2], ['still happening', -1.8],
  ['still broken', -2.4], ['still not fixed', -2.2], ['still not working', -2.2],
  ["doesn't work", -1.8], ['doesnt work', -1.8], ["don't work", -1.8], ["didn't work", -1.6],
  ['didnt work', -1.6], ['not working', -1.8], ['stopped working', -2.0], ["won't work", -1.6],
  ["won't start", -1.8], ["won't even start", -2.2], ['no longer works', -1.8],
  ['nothing works', -2.4], ['not fixed', -1.6],
  ['works great', 2.6], ['works perfectly', 2.8], ['works fine', 1.8], ['works well', 2.2],
  ['works now', 1.8], ['working now', 1.8], ['now works', 1.8], ['it works', 1.6],
  ['got it working', 2.0], ['finally works', 2.2], ['works for me', 1.2],
  ['fixed it', 1.8], ['that fixed it', 2.2], ['this fixed it', 2.2], ['fixed my', 1.6],
  ['solved it', 1.8], ['friendly ping', 0], ['friendly reminder', 0], ['bad commit', 0],
  ['good commit', 0], ['a joke', -1.8], ['to be honest', 0], ["don't like", -1.8],
  ['dont like', -1.8], ["didn't like", -1.6], ['do not like', -1.8], ["doesn't like", -0.6],
  ['burnt out', -2.0], ['burned out', -2.0], ['burning out', -2.0], ['not a fan', -1.6],
  ['look forward to', 2.0], ['looking forward', 2.0], ['looking forward to', 2.0], ['big fan', 2.2], ['huge fan', 2.4],
  ["can't recommend this enough", 3.0], ["can't recommend it enough", 3.0],
  ["can't recommend enough", 3.0], ["can't thank you enough", 3.0], ["couldn't be happier", 3.0],
  ["couldn't agree more", 1.6], ["can't complain", 1.2], ["couldn't be better", 2.6],
  ['still waiting', -1.6], ['been waiting', -0.8],
  // churn intent
  ['looking at alternatives', -1.8], ['looking for alternatives', -1.8],
  ['look for alternatives', -1.8], ['cancel my subscription', -1.8],
  ['cancelling my subscription', -1.8], ['canceling my subscription', -1.8],
  ['want a refund', -1.8], ['asking for a refund', -1.8],
  // feature-request formulas: a wish, not a verdict
  ['would love', 0.3], ["i'd love", 0.3],
  ['would be nice', 0.3], ['would be great', 0.3], ['would be cool', 0.3], ['would be awesome', 0.3],
  ['would be useful', 0.3], ['would be helpful', 0.3], ['would be good', 0.3],
  ['would be amazing', 0.3], ["it'd be nice", 0.3], ["it'd be great", 0.3],
];

/** Gratitude words: part of a request's politeness when the text asks a question. */
export const GRATITUDE: ReadonlySet<string> = new Set([
  'thanks', 'thank', 'thx', 'thnx', 'ty', 'tysm', 'tyvm', 'cheers', 'appreciated', 'appreciate',
]);

/** Openings of automatic replies, which carry no feeling whatever their wording. */
export const AUTO_REPLY_OPENERS: readonly string[] = [
  'out of office', 'automatic reply', 'auto-reply', 'autoreply', 'auto reply',
  'i am currently out of the office', "i'm currently out of the office", 'i am out of the office',
];

/** Question sentences opening with these keep their feeling ("why is this still broken?"). */
export const RHETORICAL_OPENERS: ReadonlySet<string> = new Set(['why', 'seriously', 'really', 'wtf']);
