/**
 * English inflections of lexicon words, generated when the lexicon is compiled.
 *
 * Instead of lemmatising every token of every document (which needs part-of-speech tagging, the most expensive
 * step of the NLP pipeline), framelens expands each lowercase pattern word into its inflected forms once, and a
 * document token matches when its normal form is the pattern word or one of those forms. "militia" thus matches
 * "militias" and "Militias"; "kill" matches "kills", "killed", "killing". Over-generated forms ("forceses") are
 * harmless: they are only ever compared with real tokens.
 */

/** Irregular verb forms (base → past, past participle, …) common in conflict reporting. */
const IRREGULAR_VERBS: Record<string, string[]> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'],
  say: ['says', 'said', 'saying'],
  make: ['makes', 'made', 'making'],
  take: ['takes', 'took', 'taken', 'taking'],
  give: ['gives', 'gave', 'given', 'giving'],
  get: ['gets', 'got', 'gotten', 'getting'],
  come: ['comes', 'came', 'coming'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  know: ['knows', 'knew', 'known', 'knowing'],
  think: ['thinks', 'thought', 'thinking'],
  tell: ['tells', 'told', 'telling'],
  fight: ['fights', 'fought', 'fighting'],
  shoot: ['shoots', 'shot', 'shooting'],
  hit: ['hits', 'hitting'],
  strike: ['strikes', 'struck', 'stricken', 'striking'],
  lead: ['leads', 'led', 'leading'],
  flee: ['flees', 'fled', 'fleeing'],
  seek: ['seeks', 'sought', 'seeking'],
  bring: ['brings', 'brought', 'bringing'],
  buy: ['buys', 'bought', 'buying'],
  catch: ['catches', 'caught', 'catching'],
  teach: ['teaches', 'taught', 'teaching'],
  hold: ['holds', 'held', 'holding'],
  keep: ['keeps', 'kept', 'keeping'],
  leave: ['leaves', 'left', 'leaving'],
  lose: ['loses', 'lost', 'losing'],
  mean: ['means', 'meant', 'meaning'],
  meet: ['meets', 'met', 'meeting'],
  pay: ['pays', 'paid', 'paying'],
  send: ['sends', 'sent', 'sending'],
  spend: ['spends', 'spent', 'spending'],
  build: ['builds', 'built', 'building'],
  stand: ['stands', 'stood', 'standing'],
  understand: ['understands', 'understood', 'understanding'],
  win: ['wins', 'won', 'winning'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  break: ['breaks', 'broke', 'broken', 'breaking'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  drive: ['drives', 'drove', 'driven', 'driving'],
  fall: ['falls', 'fell', 'fallen', 'falling'],
  fly: ['flies', 'flew', 'flown', 'flying'],
  forget: ['forgets', 'forgot', 'forgotten', 'forgetting'],
  hide: ['hides', 'hid', 'hidden', 'hiding'],
  rise: ['rises', 'rose', 'risen', 'rising'],
  run: ['runs', 'ran', 'running'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  steal: ['steals', 'stole', 'stolen', 'stealing'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  throw: ['throws', 'threw', 'thrown', 'throwing'],
  wake: ['wakes', 'woke', 'woken', 'waking'],
  wear: ['wears', 'wore', 'worn', 'wearing'],
  write: ['writes', 'wrote', 'written', 'writing'],
  blow: ['blows', 'blew', 'blown', 'blowing'],
  die: ['dies', 'died', 'dying'],
  lie: ['lies', 'lay', 'lain', 'lying', 'lied'],
  put: ['puts', 'putting'],
  set: ['sets', 'setting'],
  cut: ['cuts', 'cutting'],
  let: ['lets', 'letting'],
  quit: ['quits', 'quitting'],
  spread: ['spreads', 'spreading'],
  bear: ['bears', 'bore', 'borne', 'born', 'bearing'],
  beat: ['beats', 'beaten', 'beating'],
  bite: ['bites', 'bit', 'bitten', 'biting'],
  feel: ['feels', 'felt', 'feeling'],
  find: ['finds', 'found', 'finding'],
  hear: ['hears', 'heard', 'hearing'],
  sell: ['sells', 'sold', 'selling'],
  show: ['shows', 'showed', 'shown', 'showing'],
  sink: ['sinks', 'sank', 'sunk', 'sinking'],
  slay: ['slays', 'slew', 'slain', 'slaying'],
  undergo: ['undergoes', 'underwent', 'undergone', 'undergoing'],
  overthrow: ['overthrows', 'overthrew', 'overthrown', 'overthrowing'],
  withdraw: ['withdraws', 'withdrew', 'withdrawn', 'withdrawing'],
  arise: ['arises', 'arose', 'arisen', 'arising'],
};

/** Irregular noun plurals. */
const IRREGULAR_NOUNS: Record<string, string[]> = {
  man: ['men'],
  woman: ['women'],
  child: ['children'],
  person: ['people'],
  foot: ['feet'],
  tooth: ['teeth'],
  mouse: ['mice'],
  life: ['lives'],
  wife: ['wives'],
  thief: ['thieves'],
  leaf: ['leaves'],
  half: ['halves'],
  crisis: ['crises'],
  analysis: ['analyses'],
  thesis: ['theses'],
  basis: ['bases'],
  criterion: ['criteria'],
  phenomenon: ['phenomena'],
  medium: ['media'],
  datum: ['data'],
  militiaman: ['militiamen'],
  serviceman: ['servicemen'],
  gunman: ['gunmen'],
  spokesman: ['spokesmen'],
  chairman: ['chairmen'],
  policeman: ['policemen'],
  fisherman: ['fishermen'],
  tribesman: ['tribesmen'],
  kinsman: ['kinsmen'],
  countryman: ['countrymen'],
  congressman: ['congressmen'],
  clergyman: ['clergymen'],
};

/** Short function words never expand: "us" must not become "uses", "as" must not become "ases". */
const NO_EXPANSION = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'as', 'us',
  'it', 'its', 'is', 'he', 'she', 'we', 'they', 'them', 'his', 'her', 'our', 'their', 'this', 'that', 'these',
  'those', 'so', 'no', 'not', 'nor', 'than', 'then', 'there', 'here', 'who', 'whom', 'whose', 'which', 'what',
  'when', 'where', 'why', 'how', 'all', 'any', 'some', 'most', 'more', 'less', 'very', 'such', 'own', 'same',
  'into', 'onto', 'upon', 'over', 'under', 'about', 'against', 'between', 'during', 'after', 'before', 'since',
  'until', 'while', 'also', 'only', 'just', 'even', 'still', 'yet', 'ever', 'never', 'may', 'might', 'must',
  'can', 'could', 'would', 'should', 'will', 'shall', 'one', "'s", 'self', 'news', 'bus', 'gas', 'yes',
]);

/**
 * Nouns of the lexicons whose verb forms are other words in the news: "US base" must not match "US-based", "US
 * force" not "the US forced", "proxy group" not "grouped". They take plural forms only.
 */
const NOUN_ONLY = new Set(['base', 'force', 'post', 'station', 'camp', 'group', 'front', 'troop', 'site', 'man', 'outpost', 'garrison']);

const VOWEL = /[aeiou]/;

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z]/.test(ch) && !VOWEL.test(ch);
}

/** Regular forms of a word read as a noun (plural) and as a verb (-s, -ed, -ing). */
function regularForms(w: string): string[] {
  const forms: string[] = [];
  const last = w[w.length - 1];
  const beforeLast = w[w.length - 2];
  // Plural / third person singular.
  if (/(s|x|z|ch|sh)$/.test(w)) forms.push(`${w}es`);
  else if (last === 'y' && isConsonant(beforeLast)) forms.push(`${w.slice(0, -1)}ies`);
  else forms.push(`${w}s`);
  if (/[^f]f$/.test(w)) forms.push(`${w.slice(0, -1)}ves`);
  if (w.endsWith('fe')) forms.push(`${w.slice(0, -2)}ves`);
  // Past and participles.
  if (last === 'e') {
    forms.push(`${w}d`, `${w.slice(0, -1)}ing`);
    if (w.endsWith('ie')) forms.push(`${w.slice(0, -2)}ying`);
  } else if (last === 'y' && isConsonant(beforeLast)) {
    forms.push(`${w.slice(0, -1)}ied`, `${w}ing`);
  } else {
    forms.push(`${w}ed`, `${w}ing`);
    // Consonant doubling after a single stressed vowel ("stop" → "stopped", "target" keeps "targeted"): both
    // spellings are generated; the wrong one never occurs in text.
    if (isConsonant(last) && !/[wxy]/.test(last) && VOWEL.test(beforeLast ?? '') && !VOWEL.test(w[w.length - 3] ?? 'a')) {
      forms.push(`${w}${last}ed`, `${w}${last}ing`);
    }
  }
  if (w.endsWith('ic')) forms.push(`${w}ked`, `${w}king`);
  return forms;
}

/**
 * The inflected forms of a lowercase word (not including the word itself). Words with non-letters (digits,
 * apostrophes, dots), words shorter than three letters and function words have none. `asVerb`: the word is listed as
 * a verb (the voice vocabulary's verb lists: "post" of "posted on X that …"), so a noun kept to its plurals in the
 * label patterns still gets its verb forms.
 */
export function inflections(word: string, asVerb = false): string[] {
  if (word.length < 3 || NO_EXPANSION.has(word) || !/^[a-z]+$/.test(word)) return [];
  const regular = regularForms(word);
  // regularForms lists the plural forms first: -s/-es/-ies, then -ves; verb forms follow.
  const forms = new Set<string>(NOUN_ONLY.has(word) && !asVerb ? regular.filter((f) => !/(ed|ing)$/.test(f)) : regular);
  for (const f of IRREGULAR_VERBS[word] ?? []) forms.add(f);
  for (const f of IRREGULAR_NOUNS[word] ?? []) forms.add(f);
  forms.delete(word);
  return [...forms];
}
