// The words the measurability classifier reads: what a statement is about (subject) and how it measures (form).
// Kept apart from the rules in measurable.ts so a reader can check each list against the seeds on its own.
// Every pattern is lower case and case-sensitive: measurable.ts lower-cases a statement once and reads it with all of
// them (a case-insensitive pattern costs more on every cell the functions read).

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * One pattern of alternatives. Those that open on a word boundary share it: the engine tests `\b` once per position
 * and tries the alternatives only where a word starts, instead of entering each of them at every character (a third
 * of what the per-cell functions cost). The others (`^…`, a lookbehind, a digit) follow, tried as written. A word
 * with a condition on the words before it checks them after the word (`\bone\b(?<!\bthe\s+one)`), so it shares the
 * boundary and its lookbehind runs only where the word is, not at every character.
 */
const re = (parts: readonly string[], flags = '') => {
  const atWord = parts.filter((p) => p.startsWith('\\b')).map((p) => p.slice(2));
  const rest = parts.filter((p) => !p.startsWith('\\b'));
  const alternatives = atWord.length > 1 ? [`\\b(?:${atWord.join('|')})`, ...rest] : parts;
  return new RegExp(alternatives.join('|'), flags);
};

/**
 * When, not how much: dates, quarters, halves, fiscal years and years (Q3, H1, FY26, 2027-03-31). A 19xx/20xx
 * number is a year when it stands alone — at the end, before punctuation or a joining word — and not after money
 * ("$2000") or before a thing counted ("2000 tickets").
 */
export const CALENDAR = re(
  [
    String.raw`\b\d{4}-\d{1,2}(?:-\d{1,2})?\b`,
    String.raw`\b\d{1,2}/\d{1,2}/\d{2,4}\b`,
    String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`,
    String.raw`\b(?:q[1-4]|h[12]|[fc]y\s?'?\d{2}(?:\d{2})?)\b`,
    String.raw`\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b`,
    String.raw`\b(?:on|by|before|after|until)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b`,
    String.raw`(?<![$€£¥\d.,])\b(?:19|20)\d\d\b(?=\s*(?:$|[^\w\s%$€£¥×]|(?:and|or|to|through|until|for|in|on|at|by|with|from|than|vs|versus|when|so|as|q[1-4]|h[12])\b))`,
  ],
  'g',
);

/** Digits inside a name (B2B, G2, Office365) are part of the name; "x3" is a multiple. */
export const NAMED = /\b(?!x\d)[a-z]+\d\w*/g;

/**
 * Form 1, a quantity: digits (money, percentages, "from 5 to 2"), multiples like 2x / 3×, and number words.
 * "one", "third", "quarter" and "half" count only where they are amounts ("one day", "a third of", "by a
 * quarter"), not in "the one tool", "third-party", "this quarter" or "the second half". After a preposition "one" is
 * "a single" ("sign off from one dashboard", "all in one place") unless a period follows ("in one day").
 */
export const QUANTITY = re([
  String.raw`\d`,
  String.raw`\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)s?\b`,
  String.raw`\bone\b(?<!\b(?:the|this|that|no|any|each|every|which|some)\s+one)(?!\s*(?:-|of\b|another\b))(?<!\b(?:from|in|into|on|onto|via|through|with|under)\s+one(?!\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|seasons?|years?|shifts?)\b))`,
  String.raw`\b(?:a|one|two)\s+thirds?\b(?!-)`,
  String.raw`\b(?:a|one|two|three)\s+(?:fifth|tenth)s?\b`,
  String.raw`\b(?:takes?|took|taking|in|within|under|over|about|nearly|almost|only)\s+(?:a|an|one)\s+(?:minute|hour|day|week|month|year)\b`,
  String.raw`\b(?:(?:a|one|three)\s+quarters?\s+of|by\s+(?:a|one|three)\s+quarters?)\b(?!-)`,
  String.raw`\bhalf\b(?<!\b(?:first|second|this|next|last)\s+half)(?!-)`,
  String.raw`\b(?:once|twice|thrice|double[ds]?|doubling|triple[ds]?|tripling|quadruple[ds]?|halve[ds]?|halving)\b`,
  String.raw`\b(?:two|three|four|five|ten|hundred)fold\b`,
  String.raw`\bpercent\b`,
  String.raw`\ban?\s+(?:minute|hour|day|week|month|quarter|year)\s+(?:less|more|sooner|earlier|faster|quicker|shorter|fewer|later)\b`,
]);

/** A number that names a stage rather than counting ("phase two", "tier 1", "wave 3"). */
export const NUMBERED_NAME =
  /\b(?:phase|step|stage|tier|level|version|round|part|wave|release|sprint|region|pod)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/g;

/** Words that are only amounts: they name nothing that is measured. */
export const AMOUNT_WORD =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|once|twice|thrice|double[ds]?|triple[ds]?|half|halve[ds]?|third|quarter|percent|\w*fold)s?$/;

/**
 * Words that say nothing about what is measured: a statement of only these and a number is not a result. An aim's own
 * words and a season name nothing either ("Target: 25% by year end", "on track to hit 30% by Q4", "hit 95% by next
 * winter").
 */
export const FILLER = new Set(
  [
    'a an the by of to from in on at for with and or per than more less about up down over under each every x end start beginning',
    "hit target targets targeting aim aiming goal goals ask track next this that's year yr month week quarter winter summer spring fall autumn holiday holidays yet",
  ]
    .join(' ')
    .split(' '),
);

/**
 * Form 2, a status change: something stops, ends, or is passed for good — "eliminate manual data entry", "pass the
 * audit with no exceptions", "no longer happening", "for the first time". "Automate" counts as a verb ("automate
 * invoice matching"), not as the adjective of a feature name ("automated report builder").
 */
export const STATUS_CHANGE = re([
  String.raw`\beliminat(?:e|es|ed|ing)\b`,
  String.raw`\b(?:get|gets|getting|got) rid of\b`,
  String.raw`\b(?:retir|dec?omm?iss?ion|sunsett?|abolish|scrapp?)(?:e|es|ed|ing|s)?\b`,
  String.raw`\b(?:dropped|ditched|killed|dumped)\s+(?:the\s+|their\s+|its\s+)?(?:old|paper|manual|legacy|spreadsheet|excel|fax|whiteboard|clipboards?|binders?)\b`,
  String.raw`\b(?:ditched|dumped)\s+(?:the|their|its|all)\b`,
  // An old way of working gone, or a problem none since ("paper job tickets gone from all 5 vans", "lost-piece claims:
  // none since we added the photo step").
  String.raw`\b(?:paper|manual|fax|spreadsheets?|whiteboards?|clipboards?|binders?)\b[^.;]{0,30}\bgone\b`,
  String.raw`\bnone since\b`,
  String.raw`\bcleared\s+(?:the|their|its|our)\s+(?:[\w-]+\s+){0,3}?(?:order|findings?|backlog|violations?|citations?|deficienc\w+|audit)\b`,
  // A competitive win ("the competitive win they can point to", the Three-Link Chain).
  String.raw`\bwon\s+(?:the|a|an|their)\s+(?:[\w'’-]+\s+){0,4}?(?:deal|bid|contract|tender|account|business|rfp|service|award)\b`,
  String.raw`\breplac(?:e|es|ed|ing)\b`,
  String.raw`\bstop(?:s|ped|ping)?\b(?<!\b(?:unplanned|line|machine|production|short|full|pit|bus|truck)\s+stop\w*)`,
  String.raw`\bend(?:s|ed|ing)?\s+(?:the|all|their|our|its|manual|duplicate|double|paper)\b`,
  String.raw`\bno longer\b`,
  String.raw`^no\s+(?:more\s+)?(?:missed|lost|late|failed|duplicate|manual|paper|double|unplanned|surprise|overdue)\b`,
  String.raw`\b(?:is|are|was|were|now|all)\s+gone\b`,
  String.raw`\b(?:ended|disappeared|vanished|went away)\b`,
  String.raw`\bno more\b`,
  String.raw`\bnever again\b`,
  String.raw`\bfor the first time\b`,
  String.raw`\bfirst (?:time|year) (?:ever|in (?:\d+|two|three|four|five|ten) (?:years?|yrs?))\b`,
  // Leaving a system or a supplier, or winning a customer back ("exited the legacy booking vendor", "Zuora instance
  // switched off end of Q2", "won back the regional pharmacy contract").
  String.raw`\bexit(?:s|ed|ing)?\s+(?:the|their|its|our)\b`,
  String.raw`\b(?:switch(?:es|ed|ing)?|shut(?:s|ting)?|turn(?:s|ed|ing)?)\s+off\b`,
  String.raw`\bwon\s+back\b`,
  String.raw`\bwith no\b`,
  String.raw`\bwithout (?:a single|any)\b`,
  String.raw`\bpass(?:es|ed|ing)?\s+(?:\S+\s+){0,3}?(?:audits?|reviews?|inspections?|exams?|assessments?|certifications?)\b`,
  String.raw`\b(?:clean|passed) (?:audit|inspection)\b`,
  String.raw`\b(?:achiev|earn|obtain|gain|secur|receiv)(?:e|es|ed|ing)\s+(?:\S+\s+){0,3}?(?:certification|compliance|accreditation|soc ?2|iso ?\d+|hipaa|gdpr|pci)\b`,
  String.raw`\b(?:became|become|becomes|now|fully|went|go|goes)\s+(?:compliant|certified|automated|paperless|self-serve|audit-ready)\b`,
  String.raw`\b(?:automate|automates|automating)\b`,
  String.raw`\b(?:we|they|is|are|was|were|been)\s+automated\b`,
  String.raw`\b(?:off|out of)\s+(?:spreadsheets|paper|email|excel)\b`,
]);

/** Form 3, a before-and-after a customer can point to: "from paper to e-invoicing", "in Slack instead of email". */
export const BEFORE_AFTER = re([
  String.raw`\b(?:went|go|goes|gone|move|moved|moves|moving|shift|shifted|shifts|switch|switched|switches|change|changed|changes|cut|dropped|fell|rose|grew|reduced?|increased?|improved?|shortened|turned)\b[^.;]{0,40}?\bfrom\s+\S+(?:\s+\S+){0,3}?\s+(?:to|into)\s+\w`,
  String.raw`\bfrom\s+(?:manual|paper|spreadsheets?|email|excel|weekly|monthly|quarterly|annual|reactive|ad hoc)\b(?:\s+\S+){0,3}?\s+(?:to|into)\s+\w`,
  String.raw`\b(?:vs\.?|versus|compared (?:to|with))\s+(?:\S+\s+){0,3}?(?:last|prior|previous|before|a year ago)\b`,
  String.raw`\bused to\b.*\bnow\b`,
  String.raw`\bnow\b.*\bused to\b`,
]);

/**
 * Attribution: the product named as the cause, as a side phrase ("using this tool", "since using the platform",
 * "after rolling out the workflow"). The seed asks for this wording, so it is removed before the subject is read:
 * it is never a sign of activity. As the main verb ("the team is using the product") it is activity, so "using"
 * after a form of be/keep/start is left in place.
 */
const PRODUCT_OBJECT = String.raw`(?:(?:the|this|our|your|their|a|an|its)\s+)?(?:(?!(?:and|so|to|in|for|which|that|we|they|from|by|on|at|with)\b)[\w'’-]+\s*){1,4}`;
export const ATTRIBUTION = new RegExp(
  [
    String.raw`\b(?:ever\s+)?(?:since|after|by|through|with|thanks to|once|when|while|from)\s+(?:(?:we|they|the team|the customer)\s+)?(?:(?:started|began|start)\s+)?(?:using|rolling out|rolled out|adopting|adopted|deploying|deployed|implementing|implemented|launching|launched|switching to|switched to|moving to|moved to|introducing|introduced|bringing in|brought in|turning on|turned on|connecting|connected)\s+${PRODUCT_OBJECT}`,
    String.raw`(?<!\b(?:am|is|are|was|were|be|been|being|start|started|starts|keep|keeps|kept|began|begin|begins|stopped|not|still|now|'re|’re)\s+)\busing\s+(?:the|this|our|your|their|its)\s+${PRODUCT_OBJECT}`,
  ].join('|'),
  'g',
);

/** The cheap sign that ATTRIBUTION can match: one of its verbs. */
export const ATTRIBUTION_VERB =
  /\b(?:using|roll|adopt|deploy|implement|launch|switch|mov|introduc|bring|brought|turn|connect)/;

/**
 * The subject is the product's own use (docs/rules.md §3): logins, usage, sessions, reports run, dashboards built, seats
 * activated, training completed, a rollout. Such a statement is activity or adoption even when it has a number.
 * Usage words followed by a problem word ("login errors", "usage tickets") are the customer's world.
 */
export const USAGE = re([
  String.raw`\blog(?:s|ged|ging)?[ -]?(?:ins?|on|into)\b(?!\s*(?:errors?|issues?|problems?|failures?|tickets?|requests?|lockouts?))`,
  String.raw`\b(?:dashboard|report|page|profile|portal|app)\s+(?:views|opens|visits|exports|downloads)\b`,
  String.raw`\blogins?\b(?!\s*(?:errors?|issues?|problems?|failures?|tickets?|requests?|lockouts?))`,
  String.raw`\busage\b(?!\s*(?:errors?|issues?|problems?|failures?|tickets?|requests?|fees?|bills?|costs?))`,
  String.raw`\b(?:sessions?|clicks?(?![- ]?(?:through|rate))|clicked|pageviews?|page views?)\b`,
  String.raw`^(?:product |user |app |platform )?activity\b|\b(?:product|user|app|platform) activity\b`,
  String.raw`\b(?:dau|mau|wau)\b`,
  String.raw`\b(?:active|daily|weekly|monthly) (?:active )?users?\b`,
  String.raw`\badopt(?:s|ed|ion|ing)?\b`,
  // Utilisation of the product; "service bay utilization" or "fleet utilization" is the customer's business.
  String.raw`\b(?:seat|licen[cs]e|product|platform|feature|tool|app|user|module)s?\s+utili[sz]ation\b|^utili[sz]ation\b|\butili[sz](?:ed|ing|es?)\b`,
  String.raw`\bengagement\b`,
  String.raw`\b(?:seats?|licen[cs]es?)\b.{0,30}\b(?:activated|activation|used|assigned|provisioned|utili[sz]ation|usage)\b`,
  String.raw`\b(?:activated|assigned|provisioned)\b.{0,20}\b(?:seats?|licen[cs]es?)\b`,
  String.raw`\b(?:run|runs|ran|running|review|reviews|reviewed|reviewing|view|views|viewed|viewing|open|opens|opened|opening|check|checks|checked|export|exports|exported|exporting|schedule|schedules|scheduled|generate|generates|generated|pull|pulls|pulled|pulling)\s+(?:(?:a|an|the|their|our|his|her|its|more|new|all|\S*\d\S*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|forty|fifty|hundred|dozens? of|several|many)\s+)*(?:\w+\s+)?(?:reports?|quer(?:y|ies)|dashboards?|scans?|workflows?|jobs?|searches|playbooks?|automations?|pipelines?|digests?|analytics|maps|queues?)\b`,
  String.raw`\b(?:create|creates|created|build|builds|built)\s+(?:\S*\d\S*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|forty|fifty|dozens? of|several|many|more|new)\s+(?:\w+\s+)?(?:reports?|dashboards?|workflows?|automations?|playbooks?)\b`,
  String.raw`\b(?:reports?|quer(?:y|ies)|dashboards?|scans?|searches)\s+(?:were\s+|are\s+|was\s+|is\s+|have been\s+|got\s+)?(?:run|viewed|opened|exported|scheduled)\b`,
  String.raw`\bworkflow completion\b`,
  String.raw`\b(?:training|onboarding|courses?|modules?|certification course|webinars?|enablement)\b.{0,30}\b(?:complete|completed|finished|done|attended|delivered)\b`,
  String.raw`\b(?:complete|completes|completed|finished|attended|delivered)\b.{0,30}\b(?:training|onboarding|courses?|modules?|webinars?|enablement)\b`,
  String.raw`\b(?:users?|people|staff|employees|seats?|team members?|reps|agents|admins?)\s+(?:were\s+|are\s+|have been\s+|got\s+|has been\s+)?(?:onboarded|trained|activated|invited|provisioned|enabled)\b`,
  String.raw`\b(?:onboarded|trained|activated|invited|provisioned)\s+(?:\S+\s+){0,2}?(?:users?|seats?|reps|staff|admins?|team members?)\b`,
  String.raw`\broll(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?out\b`,
  String.raw`\brollout\b`,
  String.raw`\b(?:deployed|installed)\s+(?:the|our|this|it)\b`,
  String.raw`\b(?:deployed|installed|live)\s+(?:\S+\s+){0,2}?(?:to|in|across|at)\s+(?:all\s+)?(?:\S+\s+)?(?:regions?|sites?|offices?|teams?|departments?|stores?|locations?|users?)\b`,
  String.raw`\bwent live (?:on|with)\b`,
  String.raw`\b(?:from|in|on|via)\s+(?:the|our)\s+(?:app|portal)\b`,
  String.raw`\b(?:in|into)\s+(?:the|our)\s+(?:crm|workspace)\b`,
  String.raw`\b(?:downloaded|installed|imported|uploaded|invited)\b`,
  String.raw`\b(?:created|built|launched|sent|published|ran|set up)\s+(?:the|their|our|its|a)\s+first\b`,
  String.raw`\b(?:use|uses|used|using)\s+(?:of\s+)?(?:(?:the|our|this|their|a|it|its)\s+)?(?:new\s+)?(?:product|platform|tool|app|software|system|dashboards?|features?|reports?|integration|it)\b`,
  String.raw`\b(?:am|is|are|was|were|been|being|start|started|starts|keep|keeps|kept|began|still|now|'re|’re)\s+using\b`,
  String.raw`\bfeatures? (?:are |were |is |was )?(?:being )?(?:touched|used|clicked|explored|tried)\b`,
  String.raw`\b(?:configured|set up)\b`,
  String.raw`\bconfiguration\b(?!\s*(?:errors?|drift|changes?|time))`,
]);

/** Adoption: usage that repeats across users and weeks, or is measured as a rate of use (docs/rules.md §1, rung 2). */
export const REPEATING = re([
  String.raw`\b(?:weekly|daily|monthly|hourly|nightly)\b`,
  String.raw`\b(?:every|each)\s+\w+`,
  String.raw`\b(?:per|a)\s+(?:day|week|month|morning|quarter|sprint|shift)\b`,
  String.raw`\b(?:regularly|routinely|consistently|habit(?:ually)?|repeating|repeatedly)\b`,
  String.raw`\bmost (?:days|weeks|months)\b`,
  String.raw`\b(?:\d+|two|three|four|five) of the (?:last|past)\b`,
  String.raw`\bmost\b`,
  String.raw`\d[\d.,]*%\s+of\b`,
  String.raw`\b\d+\s+of\s+(?:the\s+|their\s+)?\d+\b`,
  String.raw`\bacross (?:the |all |every |most )?(?:\w+ )?(?:teams?|users?|departments?|regions?|weeks?|sites?|offices?|pods?|units?)\b`,
  String.raw`\b(?:active users?|dau|mau|wau)\b`,
  String.raw`\badopt(?:s|ed|ion|ing)?\b`,
  String.raw`\butili[sz](?:ation|ed|ing|es?)\b`,
  String.raw`\bactivation\b`,
]);

/**
 * Sentiment (seed: "Satisfaction is what the customer feels. A result is what the customer can prove."). A
 * sentiment score (NPS, CSAT) is sentiment even with a number; a feeling beside a measured change is not.
 */
export const SENTIMENT = re([
  String.raw`\b(?:love|loves|loved|loving|adore|adores|enjoy|enjoys|enjoyed|likes|liked)\b`,
  String.raw`\blike\s+(?:it|the|using|our|this|how|that)\b`,
  String.raw`\b(?:happy|happier|satisfied|delighted|thrilled|excited|pleased|impressed|fans?|raving|rave|champions?|enthusiastic|grateful)\b`,
  String.raw`\b(?:feel|feels|felt|feeling)\b(?!\s+(?:chaotic|dated|stretched|understaffed|overwhelmed|behind|reactive|siloed|manual))`,
  String.raw`\bbest (?:tool|product|platform|vendor|partner|app|software|money|investment|decision|purchase|thing)\b`,
  // Sentiment without the usual words (issue 24): advocacy, trust, relief, "couldn't go back", a relationship.
  String.raw`\bgame[- ]?changer\b|\bjust works\b|\bswears? by\b|\ball smiles\b|\bbought in\b|\bbuy-in\b|\bbelievers?\b`,
  String.raw`\b(?:is|are|was|were|stays?|very|fully|highly|and)\s+engaged\b|\b(?:praise\w*|kudos|sleeps? better|peace of mind)\b|\b(?:'d|would) (?:pick|choose|buy|sign)\b|\b(?:advocat\w*|recommend(?:s|ed|ing)?|supportive|responsive|relationship(?!\s+managers?)|trusts?(?!\s*(?:&|and)\s*safety)|trusted|listens|enthusiastic|raving|calmer|relieved)\b`,
  String.raw`\b(?:couldn't|could not|can't|cannot|won't|wouldn't|would never|'d never|never)\b[^.;]{0,25}\bgo(?:ing)? back\b|\bcan'?t imagine\b`,
  String.raw`\b(?:would|'d) (?:be lost|renew)\b|\btell(?:s|ing)? (?:peers|others|everyone|people|colleagues)\b`,
  String.raw`\b(?:less|more|much less|no longer)\s+(?:stressed|scary|anxious|worried|nervous)\b`,
  // Shown rather than said (issue 24's fresh statements): doubt, complaint about us, advocacy acted out.
  String.raw`\b(?:skeptic\w*|sceptic\w*|wary|lukewarm|clunky|useless|resents?|referenceable|unprompted|vouch\w*|grumbl\w*|grip(?:e|es|ing))\b|\bconvert\b(?!\s+(?:to|the|their|our|it|them|\d))|\bmore trouble than\b|\b(?:be|as|for) a reference\b|\bcase study\b|\bshout-?out\b|\bthanked\b|\bvolunteer(?:s|ed)?\s+(?:to|for)\b|\boffered to\b|\btalking us up\b|\bfought to keep\b|\btake (?:this|it) away\b|\bforced on\b|\bburned by\b|\bgiven up on\b`,
  String.raw`\b(?:great|good|strong|positive|warm|solid)\s+(?:year|relationship|partnership|feedback|rapport|vibes?|quarter|conversation|qbr|meeting)s?\b`,
]);
/** A sentiment score, named as a whole word: a number on it is sentiment, never a result (docs/rules.md §3). */
export const SENTIMENT_METRIC_WORDS = ['nps', 'csat', 'satisfaction', 'sentiment', 'happiness'] as const;
export const SENTIMENT_METRIC = new RegExp(`\\b(?:${SENTIMENT_METRIC_WORDS.join('|')})\\b`);

/** A verb of aim or direction with no magnitude: "improve conversion", "they wanted to…", "error rate dropped". */
const AIM_OPENING = String.raw`^(?:to\s+)?(?:improve|increase|boost|grow|reduce|lower|cut|save|drive|enhance|optimi[sz]e|streamline|accelerate|speed up|moderni[sz]e|standardi[sz]e|digiti[sz]e|centrali[sz]e|harden|tighten|unify|align|raise|keep|ensure|make sure|transform|maximi[sz]e|minimi[sz]e|simplify|strengthen|scale|unlock|empower|enable|help|support|deliver|achieve|make|get|become|win)\b`;
export const AIM_VERB = re([
  AIM_OPENING,
  String.raw`\b(?:want|wants|wanted|looking|aim|aims|aimed|hope|hopes|hoped|trying|plan|plans|planned)\s+to\b`,
  String.raw`\b(?:want|wants|wanted)\b`,
  String.raw`\b(?:improved?|improves|improving|increased?|increases|increasing|boosted|grew|grows|growing|reduced?|reduces|reducing|lowered|dropped|drops|fell|falls|falling|rose|rises|rising|declined?|shrank|moved|moving|saved|saves|saving|sped up|(?:went|goes|go|came|comes) (?:down|up))\b`,
]);

/** An aim verb that opens the statement ("Optimise picking…", "to improve…"): a wish, unless it has an amount. */
export const AIM_START = new RegExp(AIM_OPENING, 'y');

/** A vague aim or state: an aim verb, a bare comparison ("faster", "better"), or "is slow / they're green". */
export const VAGUE = re([
  AIM_VERB.source,
  String.raw`\b(?:faster|slower|better|worse|more|less|higher|lower|easier|smoother)\b`,
  String.raw`\b(?:is|are|was|were|'s|’s|'re|’re|be|been|feels?)\s+(?:\w+\s+)?(?:green|healthy|slow|fast|good|fine|ok|okay|strong|weak|efficient|inefficient|painful|manual|broken|messy|hard|difficult|expensive|costly)\b`,
  String.raw`\b(?:here are|here's|here is)\b`,
]);

/** A pain stated as a feeling or a state, not a measure: "bookkeeping is a mess", "the team is drowning in tickets". */
export const PAIN_STATE = re([
  String.raw`\b(?:mess|messy|painful|drown\w*|bottlenecks?|lacks?|lacking|never|risk|risky|struggl\w*|chaos|chaotic|frustrat\w*|error-prone|waste[sd]?|stuck|blind|unreliable|inconsistent|broken|siloed|silos|leak\w*|overwhelmed)\b`,
  String.raw`\btoo (?:long|slow|much|many|hard|manual)\b`,
  String.raw`\b(?:can't|cannot|can’t|don't|doesn't|don’t|doesn’t)\b`,
  String.raw`\bno (?:visibility|view|way|idea|insight)\b`,
  String.raw`\bup at night\b`,
  String.raw`\b(?:nightmare|headache|killing|buried|burning|swamped|forever|chas(?:e|es|ing)|guess(?:es|ing)?|blame|ghost|complain\w*|by hand|still|lost|repeat themselves)\b`,
]);

/**
 * What makes a line a value statement rather than a vague aim: it says how things work differently for the customer
 * ("so fixes land in days", "in their pull requests", "without chasing", "reports build themselves").
 */
export const VALUE_MARKER = re([
  String.raw`\bso\b`,
  String.raw`\bwithout\b`,
  String.raw`\bbecause\b`,
  String.raw`\bwhich means\b`,
  String.raw`\b(?:lets|letting|frees|freeing)\b`,
  String.raw`\bin (?:their|your|its|the customer's) (?:own )?\w+`,
  String.raw`\b(?:automatically|themselves|on their own|by themselves|no need)\b`,
  String.raw`\bbefore (?:they|it|the|anyone)\b`,
]);

/** The head noun of a product capability: a line that is only such a noun phrase is a feature name. */
export const FEATURE_HEAD =
  /\b(?:builder|tests?|alerts?|dashboards?|integrations?|sync|sso|sign-on|workflows?|engine|module|scanner|scanning|reports?|reporting|api|templates?|automation|remediation|analytics|scoring|routing|connectors?|notifications?|insights|tracking|portal|app|plugin|extension|view|editor|search|exports?|imports?|scheduler|checks?|rules|playbooks?|triggers?|bot|assistant|copilot|forecasting|matching|reconciliation|workspace|hub|library|feed|widgets?|visibility|page|screen|reminders?|form|wizard|console|scorecards?|planner|calendar|emails?|controls?|permissions?|webhooks?|access|classification|detection|prediction|optimi[sz]ation|consolidation|inspection|instructions|check-in|payments|viewer|capture|triage|management|pages|records|maps|inbox|ocr|trail|e-signatures|tool|environments|recommendations|monitoring|integration|sso|sensors?|heatmaps?|kiosks?|\w{3,}ing)$/;

/** Words that make a noun phrase a sentence or a pain, not a feature name. */
export const NOT_A_NAME =
  /\b(?:we|they|you|it|their|your|our|them|us|he|she|i|is|are|was|were|be|been|has|have|had|will|can|could|would|should|do|does|did|slow|manual|late|broken|missed|painful|costly|expensive|inconsistent|duplicate|lost|no|not)\b/;

/**
 * The few words whose misspelling changes a verdict ("loging went up 20%", "Custmer is very satisifed"): a word one
 * insertion, deletion or swap of neighbours away from one of these is read as it (issue 24). No substitutions, so
 * real words stay themselves ("adapted" is not "adopted", "logic" is not "login"); the first two letters must be as
 * written (TYPO_CANDIDATE), which keeps the check to a few words a cell. Business words ("invocie errors") need no
 * correction: their misspelling does not change what the statement is about.
 */
export const TYPO_VOCABULARY = [
  'login',
  'logins',
  'logged',
  'logging',
  'usage',
  'adoption',
  'adopted',
  'utilization',
  'engagement',
  'dashboard',
  'dashboards',
  'report',
  'reports',
  'session',
  'sessions',
  'activated',
  'activation',
  'onboarded',
  'satisfied',
  'satisfaction',
  'happy',
  'delighted',
  'excited',
  'impressed',
] as const;

/** The words worth checking for a misspelling: five letters or more, opening like a TYPO_VOCABULARY word (its first
 * two letters for the short ones, three for the rest). */
export const TYPO_CANDIDATE = /\b(?:lo|us|ado|uti|eng|das|rep|ses|act|onb|sat|hap|del|exc|imp)[a-z]{2,}/g;

/**
 * Context, not subject (issue 24): a leading or trailing clause that says how or when the change came about — "after
 * rollout of the workflow", "Because of adoption across AP,", "since go-live", "With 90% of reps logging calls,".
 * It never decides the verdict; the rest of the sentence does.
 */
/** The cheap sign that a trailing context clause may be there (CONTEXT_LEAD is sticky: tried at the start only). */
export const CONTEXT_WORD = /\b(?:after|since|because|thanks to|following|once|as a result)\b/;
export const CONTEXT_LEAD =
  /^(?:ever\s+)?(?:after|since|because of|thanks to|following|once|with|using|now that|as a result of)\b[^,;]{2,80},\s*(?=\S)/y;
export const CONTEXT_TRAIL =
  /[,;]?\s+(?:ever\s+)?(?:after|since|because|thanks to|following|once|as a result of)\b(?!\s+(?:the\s+)?(?:first|last|\d))[^,;]*$/;

/**
 * A number that only sizes the scope ("in the 2 warehouses", "our 40 clinics", "for 1.2M customers", "24/7"): it
 * counts where the change should happen, not the change, so it never makes a wish measurable.
 */
export const SCOPE =
  /\b(?:our|the|their|its|all|across|for|at|in|on)\s+(\d[\d,.]*(?:\s*(?:k|m|million|thousand))?|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\s+(?!(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?|points?|pts|times|percent|cents?|dollars?|of)\b)((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s\b|staff\b|people\b)/g;
export const ROUND_THE_CLOCK =
  /\b24\s*[/x×]\s*7\b|\b(?:one|two|three|four|\d+)-(?:way|factor|click|step|stop|degree|tier)\b/g;

/**
 * Work done by the vendor — for the customer, not by them (issue 24; the seed's relationship QBR: "Recap of
 * activity, training delivered, support tickets closed"): activity, whatever its numbers.
 */
export const VENDOR_WORK = re(
  [
    String.raw`^(?:we|our\s+(?:[\w-]+\s+){0,2}?(?:team|csms?|se|engineers?|consultants?|recruiters?|trainers?|services team|implementation team|field engineer|support team|people|staff))\s+(?:also\s+)?(?:trained|delivered|held|ran|hosted|migrated|integrated|validated|calibrated|configured|set up|stood up|did|led|facilitated|conducted|resolved|closed|fixed|sourced|installed|onboarded|imported|uploaded|connected|built|created|deployed|wrote|designed|mapped|cleaned|provisioned|enabled|completed|answered|handled)\b[^,;.]*`,
    String.raw`^(?:trained|delivered|held|hosted|migrated|integrated|validated|calibrated|did|stood up|facilitated|conducted)\b[^,;.]*`,
    String.raw`^(?:cleared|closed(?: out)?|resolved|fixed|worked)\s+(?:\S+\s+){0,4}?(?:tickets?|cases?|bugs?)\b`,
    String.raw`^ran\s+(?:a|an|\d+|two|three|four|five|six)\s+(?:[\w-]+\s+)?(?:sessions?|workshops?|trainings?|webinars?|lunch-and-learns?|health checks?|kickoffs?|demos?|enablement)\b`,
  ],
  'y',
);
/** The cheap sign that VENDOR_WORK can match: it starts with "we", "our" or one of its verbs. */
export const VENDOR_START =
  /^(?:we|our|trained|delivered|held|hosted|migrated|integrated|validated|calibrated|ran|did|stood up|facilitated|conducted|cleared|closed|resolved|fixed|worked)\b/y;
/** "Closed 14 support tickets for them": work done for the customer, wherever the verb is. */
export const VENDOR_FOR_THEM =
  /\b(?:closed|resolved|fixed|handled|answered|built|created|configured|set up|ran|delivered|migrated|sourced|wrote)\s+(?:\S+\s+){0,5}?for (?:them|their\s+\w+|the customer)\b/;

/**
 * A count of things done in the product ("Merchandisers built 25 promo rules", "Tagged 10,000 archive photos",
 * "Sent 4 email campaigns from the platform"): activity, unless the sentence names a change.
 */
export const PRODUCT_ACTION =
  /^(?:(?!(?:are|is|were|was|be|been|got|get|gets)\b)[\w'’-]+\s+){0,3}?(?:built|created|entered|scanned|uploaded|imported|tagged|logged|opened|sent|published|added|approved|connected|installed|configured|onboarded|loaded|mapped|keyed|pushed|captured|generated|pulled)\s+(?:\d[\d,.]*k?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|dozens?|a|an|the|their|its|all)\b/y;

/** Use of the product named by its place or verb ("in the portal", "agents use the guided flow"): weaker than a
 * usage subject, so a named change ("30% faster in the system") outranks it. */
export const USAGE_WEAK = re([
  String.raw`\b(?:in|into|through|via|on)\s+(?:the|our|their)\s+(?:[\w-]+\s+)?(?:app|portal|tool|console|dashboard|lms|crm|system|platform|workbench|workspace|hris|ats|cms)\b`,
  // The verb is found first and its subject checked behind it: scanning for "use" is cheap, a subject at every
  // position is not.
  String.raw`\b(?<=(?:^|\b(?:[a-z-]+s|staff|team|everyone|people|they|we|both|all|who|now|still)\s+))(?:use|uses|used)\s+(?!to\b|less\b|more\b|fewer\b|\d|half\b)`,
]);

/** The cheap sign that USAGE_WEAK can match: a use verb or a place in the product. */
export const USAGE_WEAK_WORD =
  /\b(?:use[sd]?|app|portal|tool|console|dashboard|lms|crm|system|platform|workbench|workspace|hris|ats|cms)\b/;

/** Words that name a change: with one, a weak usage cue or a count of actions is context, not the subject. */
export const CHANGE =
  /\b(?:more|fewer|less|faster|slower|sooner|earlier|quicker|shorter|higher|lower|up|down|cut|reduced?|saved?|dropped|fell|rose|grew|halved|doubled|tripled|instead of|rather than)\b|\bfrom\b[^.;]{1,40}\bto\b/;

/** A quantity with a unit of measure — time, money, percentage, points, multiples — or a from-to. */
export const MEASURE_QTY =
  /%|\bpercent\b|[$€£¥]\s?\d|\d\s*(?:k|m|bn|x|×)\b|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|ninety|a|an)\s*-?\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|points?|pts|times|cents?|dollars?)\b|\b(?:half|twice|double[ds]?|halve[ds]?|tripled?)\b|\bfrom\b[^.;]{1,40}\bto\b/;

/** A consequence named ("…, so fixes land in days", "which means …"): the statement's value is the change it names. */
export const CONSEQUENCE = /\bso\b(?!\s+(?:far|much|many)\b)|\bwhich means\b/;

/** Weaker signs that a line says how things work for them ("automatically", "in their inbox", "now"). */
export const VALUE_HINT = re([
  String.raw`\bwithout\b`,
  String.raw`\b(?:lets|letting|frees|freeing)\b`,
  String.raw`\bin (?:their|your|its|the customer's) (?:own )?\w+`,
  String.raw`\b(?:automatically|themselves|on their own|by themselves|no need|now)\b`,
  String.raw`\bbefore (?:they|it|the|anyone|customers|a|an)\b`,
]);

/**
 * Vendor events (the seed's QBR recap: "training delivered, support tickets closed"): a workshop, onsite days,
 * hypercare, office hours, a QBR, a go-live done. Activity, unless the sentence names a change for the customer.
 */
export const VENDOR_EVENT =
  /\b(?:workshops?|lunch\s?(?:&|and|-and-)\s?learns?|(?:onsite|on-site)\s+(?:days?|visits?|support|sessions?|trainings?|weeks?|workshops?|hypercare)|\d+\s+(?:onsite|on-site)|hypercare|office hours|ride-alongs?|trainings|qbrs?|ebrs?|kick-?offs?|cutover|health checks?|webinars?|walk-throughs?|go-live\s+(?:support|completed|done|of|for))\b/;

/** A count of items put through the product, said passively ("4,200 client docs pushed to the vault"): activity. */
export const PRODUCT_COUNT =
  /^(?:zero|no|\d[\d,.]*k?)\s+(?!(?:[\w-]+\s+){0,3}?(?:errors?|defects?|incidents?|complaints?|exceptions?|findings?|outages?|escalations?|chargebacks?|returns?|injur\w+|fines?|penalt\w+)\b)(?:[\w-]+\s+){0,3}?(?:pushed|keyed|loaded|mapped|captured|generated|pulled|entered|uploaded|imported|scanned|tagged|logged|created|built|sent|published)\b/y;

/** A value named by contrast ("… instead of by phone", "…, not at the end of the week"): how work changes, no measure. */
export const INSTEAD =
  /\b(?:instead of|rather than)\b|,\s*not\s+(?:at|after|before|in|on|by|every|just|the|a|when|until|from|weeks)\b/;

/** The product as the place of use ("in it", "from the tablet", "on the board"): with a repeat, the use is adoption. */
export const USE_PLACE =
  /\b(?:in|from|through|on|off|via|into)\s+(?:it|them)\b(?!\s+(?:is|was|were|are|to|and)\b)|\b(?:in|from|through|on|off|via|into)\s+(?:the|their|our)\s+(?:[\w-]+\s+){0,2}?(?:tablets?|app|portal|board|console|screen|dashboard|queue|list|panel|system|platform|tool|handhelds?|phones?|kiosks?|eln|lms|crm|scorecards?)\b|\bon\s+(?:mobile|tablets?)\b|\bin-app\b/;

/** A share of the people who use it ("22 of 25 advisors", "85% of teachers", "all 11 inspectors", "every QC analyst"). */
export const PEOPLE_SHARE =
  /\b\d+\s+of\s+(?:the\s+|their\s+|our\s+)?\d+\b|\d[\d.,]*%\s+of\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+)?[a-z]+s\b|\b(?:all|every)\s+(?!(?:day|week|month|morning|evening|shift|time|night|year|quarter|call|order|invoice|page|step)s?\b)(?:\d+\s+)?(?:[\w.'’-]+\s+){0,2}?[a-z]+\b/;

/** A use that keeps happening: every shift, most weeks, 6 weeks running, shift after shift. */
export const REPEAT_STRONG =
  /\b(?:daily|weekly|nightly|monthly)\b|\b(?:every|each)\s+(?:day|week|month|morning|evening|night|shift|monday|tuesday|wednesday|thursday|friday|weekday|sprint|meeting|alert|call|visit|ro|order)\b|\b(?:most|all)\s+(?:days|weeks|shifts|mornings)\b|\bshift after shift\b|\b\d+\s+(?:straight\s+)?(?:wks?|weeks|months|days|shifts)\s+(?:running|in a row|straight)\b|\bround the clock\b/;

/** A measure with a unit that adoption never has: money, hours, days, points. */
export const UNIT_QTY =
  /[$€£¥]\s?\d|\d\s*(?:k|m|bn)\b|\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|points?|pts|cents?|dollars?)\b/;

/** "They think / say / call it …": a person's word about the product or us, reported. */
export const REPORTED =
  /\b(?:thinks?|says?|said|calls?|called|describes?|described|told|tells)\b\s+(?:\S+\s+){0,6}?(?:it|it's|us|we|we're|our|the\s+(?:[\w-]+\s+)?(?:app|tool|platform|system|portal|software|product|crm|lims|dashboard|vendor))\b/;

/** Asking for a capability ("they want …", "district asked for …", "Want …"): what follows is judged as a name. */
export const REQUEST =
  /^(?:(?!(?:to|we)\b)[\w.'’&-]+\s+){0,4}?(?:(?:keeps?|kept|also|still|is|are|has been|have been)\s+)?(?:want|wants|wanted|asking for|asked for|asks for|ask for|requested|requesting|need|needs|would like|wish(?:es)? for|looking for)\s+(?:a\s+|an\s+|the\s+|some\s+)?(?!to\b|(?:more\s+|better\s+|real\s+)?(?:visibility|insights?|clarity|control|confidence|transparency|accuracy|consistency|speed|growth|efficiency|compliance|help|support|guidance|answers)\b)/y;
