package org.trackerkg.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts stated in sentences of prose, in any section (#14): owners and parent chains, acquisitions, customers and
 * clients, investors, partners, integrations, headquarters. Each is kept with the sentence it was read from, so the
 * graph marks it as read from prose and an editor can check it.
 *
 * <p>Precision first: a name is taken only when it reads as an organisation's name (capitalised words, no
 * descriptive noun after it), a list ends at the first item that is not one ("and many more", "for a longer list
 * see …", "and its debt financier is …") and at the end of its sentence, and a fact about "it" is taken only when
 * the sentence's subject is the tracker (its name, an alias, "It", "The company").
 */
final class ProseFacts {
  /** Nouns by which a profile names the tracker's product ("the pixel", "its SDK"). */
  private static final String PRODUCT_NOUNS = "(?:SDKs?|pixel|tag|script|snippet|plugin|plug-in|library|platform|service|kit|"
      + "tool|product|solution|app|network|API|module|software|firmware|beacon|tracker|code|system|engine|widget|"
      + "extension|agent|technology|data)";
  /** One word of an organisation's name: capitalised, a number, or camel case ("mParticle", "iHeartMedia"). */
  private static final Pattern WORD =
      Pattern.compile("(?:[\\p{Lu}\\d][\\p{L}\\p{N}&'’.+!-]*|\\p{Ll}{1,3}\\p{Lu}[\\p{L}\\p{N}&'’.+!-]*)");
  /** Lower-case words that may join the capitalised words of one name ("Bank of America", "Procter & Gamble"). */
  private static final Pattern CONNECTOR =
      Pattern.compile("\\s+(?:(?:of|de|du|des|la|le|von|van|der|&|\\+|for)\\s+(?=[\\p{Lu}\\d])|by\\s+(?=\\p{Lu}))");
  private static final Pattern SPACE_THEN_WORD = Pattern.compile("[ \\t\\n]+(?=[\\p{Lu}\\d]|\\p{Ll}{1,3}\\p{Lu})");
  private static final Pattern LEADING_THE = Pattern.compile("\\s*(?:the\\s+)?");
  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(",?\\s+(?:Inc|Ltd|LLC|GmbH|S\\.A\\.S|SAS|S\\.A|SA|N\\.V|NV|AG|Corp|Co|plc|PLC|Limited)\\b\\.?");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]{0,80}\\)");
  /** What may follow a name: punctuation, the sentence's end, or a function word (not a descriptive noun). */
  private static final Pattern BOUNDARY = Pattern.compile("\\s*(?:$|[,.;:!?)\\]\"”’/–—-]|\\[|(?:and|or|as|in|for|since|"
      + "which|who|that|with|from|to|at|on|until|after|before|when|while|through|via|among|amongst|under|but|is|was|"
      + "are|were|has|had|have|its|their|family|back|during|into|over|use|uses|invested|also|who|whose|partners|"
      + "to|by|each|both|all|among|respectively|itself|themselves|rely|relies|trust|trusts|work|works|chose|choose|depend|"
      + "depends|adopted|participate|participates|employ|employs|run|runs|send|sends|sent|route|routes|power|powers|embed|embeds|"
      + "deploy|deploys|deployed|license|licenses|licensed|serve|serves|served|pay|pays|paid|ship|ships|shipped|measure|"
      + "measures|track|tracks|count|counts|rolled|group|umbrella|stable|portfolio|empire|out|rely|relied|build|builds|built|partner|partnered|signed|joined|"
      + "integrate|integrated|tested|test|tests|picked|selected|licensed|switched|moved|signed up)\\b"
      // a verb of the clause, known by its object ("… Bothy Games carry its banners")
      + "|\\p{Ll}+\\s+(?:it|its|their|them|the)\\b)");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:(?:and|&|as well as|along with|together with|"
      + "alongside|plus)\\s+)?|\\s+/\\s+|\\s+(?:and|&|or|as well as|along with|together with|alongside|plus)\\s+)");
  /** Capitalised words that start sentences, not names. */
  private static final Set<String> NOT_NAMES = Set.of("It", "Its", "They", "Their", "This", "That", "These",
      "Those", "He", "She", "We", "Our", "Us", "You", "The", "A", "An", "In", "On", "At", "By", "For", "Since", "As",
      "Some", "Many", "Most", "Other", "Others", "Several", "All", "Both", "Each", "Such", "Source", "See", "Series",
      "Over", "More", "Less", "About", "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Today", "Currently", "Now", "Then", "There", "Here", "When",
      "While", "If", "However", "Also", "And", "Or", "But", "No", "Not", "Yes", "His", "Her", "Your", "My",
      "Who", "What", "Which", "Where", "Why", "How", "Inc", "Ltd", "LLC", "Company", "Companies", "Customers",
      "Clients", "Partners", "Investors", "Integrations", "Private", "Public", "Privately", "Publicly", "Top", "Leading",
      "Major", "Various", "Multiple", "Numerous", "Publishers", "Advertisers", "Brands", "Users", "Developers", "Apps",
      "Websites", "Sites", "Businesses", "Marketers", "Agencies", "Retailers", "Media", "Products", "Solutions", "Includes",
      "Including", "Notes", "Note", "Among", "Former", "iOS", "Android", "iPhone", "iPad", "Windows", "Linux", "macOS",
      "tvOS", "watchOS", "JavaScript", "Java", "Kotlin", "Swift", "Thus", "Therefore", "Additionally", "Furthermore", "Moreover");
  /** Words that end a name when they follow it: the next sentence's or clause's start, not more of the name. */
  private static final Set<String> NAME_STOPS = Set.of("It", "Its", "They", "Their", "The", "This", "In", "On", "At",
      "See", "Source", "For", "And", "But", "Since");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");
  private static final Set<String> ABBREVIATIONS = Set.of("Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "St.", "Bros.");

  // ------------------------------------------------------------------ triggers (what follows each is a list)
  /** Passive verbs whose agents use the tracker: "is used / deployed / embedded by A". */
  private static final String USED_BY_VERBS = "(?:used|trusted|deployed|embedded|adopted|licensed|installed|bundled|shipped|"
      + "chosen|relied (?:on|upon))";
  private static final Pattern CUSTOMERS = Pattern.compile(
      "\\b(customers|clients|users|advertisers|publishers|brands|retailers|merchants|licensees|accounts|"
          + "customer(?=\\s+(?:list|base|roster))|client(?=\\s+(?:list|base|roster)))"
          + "(?:\\s+(?:list|base|roster))?\\s+(?:(?:now|also|already|currently|today)\\s+)?(?:includes|included|include|are|were|such as|like|"
          + "features|feature|boasts|boast|counts|count|spans|span|"
          + "including|comprise|have included|range from)\\s*:?\\s*|\\b(?:is|are|was|were|being|been)\\s+"
          + "(?:also\\s+|now\\s+|already\\s+|widely\\s+)?(?:" + USED_BY_VERBS + "\\s+by|in\\s+use\\s+(?:at|by|with))\\s+"
          + "|\\b(?:customers|clients)\\s*:\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE_END = Pattern.compile("(?i)\\b(?:which|that|who|whom|these|those)\\s*$");
  private static final Pattern USED_BY = Pattern.compile("(?i)\\b(?:" + USED_BY_VERBS + "\\s+by|in\\s+use)\\b");
  private static final Pattern INVESTORS = Pattern.compile(
      "\\b(?i:investors?|backers?|funders?|venture capital(?:ists?)?(?:\\s+firms?)?|VCs?|shareholders)\\s+(?:(?i:now|also|already|currently)\\s+)?(?i:includes|include|"
          + "included|are|were|such as|like|including)?\\s*:?\\s*(?=(?:the\\s+)?[\\p{Lu}\\d])"
          + "|\\b(?i:backed|funded|financed|crowdfunded|co-led|led|joined)\\s+by\\s+"
          // "capital from A", "seed money came from A", "a round from A", "with participation from A"
          + "|\\b(?i:funding|financing|investments?|capital|backing|rounds?|seed)\\s+"
          + "(?:(?i:came|comes|was provided|were provided)\\s+)?from\\s+|\\b(?i:money|cash)\\s+(?i:came|comes|was provided)"
          + "\\s+from\\s+|\\b(?i:participation)\\s+(?:from|of|by)\\s+|\\bwith\\s+(?:money|cash)\\s+from\\s+"
          + "|\\b(?i:round|rounds|raise|financing)\\s+(?:also\\s+)?(?:included|includes|featured|drew in|brought in)\\s+"
          + "|\\b(?i:raised)\\b[^.;]{0,60}?\\bfrom\\s+"
          // "secured $4 million from A", "received seed funding from B": money words between verb and "from"
          + "|\\b(?:secured|received|obtained|landed|attracted|took in|closed|won)\\s+[^.;]{0,60}?(?:\\$|€|£|\\d\\s*(?:million|"
          + "billion|m|bn)\\b|funding|investment|capital|financing|round|seed|money|backing)[^.;]{0,40}?\\bfrom\\s+");
  private static final Pattern PARTNERS = Pattern.compile(
      "\\b(?:teamed up|teams up|team up|teamed|partnered up|partnered|partners|partnering|partner|joined forces|joins forces|allied|"
          + "joined hands|linked up)\\s+with\\s+"
          // "partnership agreements with A", "an alliance with A", "a tie-up with A"
          + "|\\b(?:partnership|partner|cooperation|co-operation|collaboration|reseller|distribution|alliance)\\s+"
          + "(?:agreements?|deals?|contracts?|arrangements?|programs?|programmes?)\\s+with\\s+"
          + "|\\b(?:partnerships?|alliances?|tie-ups?|joint ventures?|collaborations?)\\s+with\\s+"
          + "|\\b(?:struck|signed|inked|closed|sealed)\\s+(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:deal|agreement|contract)\\s+with\\s+"
          + "|\\bpartners\\s+(?:(?:now|also|already|currently)\\s+)?(?:includes|include|are|such as|including)\\s*:?\\s*"
          + "|\\bpartner\\s+(?:companies|firms|networks|organi[sz]ations|brands|list)\\s+(?:includes|include|are|such as|including)"
          + "\\s*:?\\s*",
      Pattern.CASE_INSENSITIVE);
  /** "It works with A, B and C": partners, when the subject is the tracker. */
  private static final Pattern WORKS_WITH = Pattern.compile("\\b(?:works|worked|working|collaborates|collaborated|cooperates)"
      + "\\s+(?:closely\\s+)?with\\s+");
  private static final Pattern INTEGRATIONS = Pattern.compile(
      "\\b(?:integrates|integrated|integrate|integrating|integration|integrations)\\s+(?:directly\\s+)?with\\s*:?\\s*"
          + "(?:(?:includes|include|are)\\s*:?\\s*)?|\\bintegrations?\\s+(?:includes|include|such as|including)\\s*:?\\s*"
          + "|\\b(?:connectors?|plug-?ins?)\\s+(?:includes|include|such as|including|are|for|to)\\s*:?\\s*"
          + "|\\bintegrations?\\s+(?:for|to)\\s+|\\bsupported\\s+(?:ad\\s+)?(?:networks|partners|destinations|tools|services|"
          + "integrations|exchanges|mediation partners)\\s+(?:includes|include|are|such as|including)\\s*:?\\s*",
      Pattern.CASE_INSENSITIVE);
  /** "A, B and C partners", "A and B are its customers": the list before the word is its subject. */
  private static final Pattern SUBJECT_KIND = Pattern.compile("(\\s+(?:are|were|have been|became|remain|remained|is|has been|"
      + "remains)\\s+"
      + "(?:(?:all|also|now|among)\\s+)?(?:(?:its|their|the company['’]s|[\\p{Lu}][\\p{L}\\d]*['’]s)\\s+)?)?"
      + "(?:(?:key|main|major|strategic|official|technology|launch|early|lead|first|long-time|longtime)\\s+)?"
      + "(partners|customers|clients|investors|backers|shareholders)\\b(?!\\s+(?:includes|include|are|were|such|like|with|of|in|to|"
      + "for|and|who|that|which|have|has|say|said|can|may|use|get)\\b)");
  private static final Pattern INVESTED_IN = Pattern.compile("\\s+(?:(?:have|has|had|also|all|both|each|later|since|jointly|"
      + "then|subsequently)\\s+)*(?:invested|participated)\\s+in\\b");
  /** Verbs by which organisations use the tracker ("A and B ship Ornith", "retailers that rely on the pixel"). */
  private static final String USE_VERBS = "(?:use|uses|rely on|relies on|have adopted|adopted|work with|ship|ships|embed|"
      + "embeds|bundle|bundles|run|runs|deploy|deploys|have deployed|integrate|have integrated|depend on|depends on|license|"
      + "licenses|install|installs|have installed|implement|implements|have implemented|carry|carries|build on|trust|trusts|"
      + "pay for|subscribe to|have chosen|chose|picked|selected|has adopted|has integrated|has deployed|has chosen|"
      + "has implemented|has installed|has embedded|integrated|deployed|implemented|embedded|licensed|bundled|rolled out|"
      + "signed up for|switched to|opted for)";
  private static final Pattern USE_IT = Pattern.compile("\\s+(?:already\\s+|now\\s+|all\\s+|also\\s+|both\\s+)?" + USE_VERBS + "\\s+");
  /** The tracker as the object of a verb: its product ("the SDK", "its pixel") or its name's possessive. */
  private static final Pattern SELF_OBJECT = Pattern.compile("^(?:the|its|this)\\s+(?!own\\b)(?:\\p{Ll}[\\p{L}-]*\\s+)?" + PRODUCT_NOUNS
      + "\\b(?!\\s+[\\p{Lu}\\d])");
  /** The kinds of relationship a noun names ("among its accounts", "as customers", "partners of"). */
  private static final String KIND_NOUNS = "(customers?|clients?|accounts?|users?|licensees?|advertisers?|publishers?|"
      + "partners?|investors?|backers?|shareholders?|integrations?)";
  /** "Among the apps that ship X are A, B and C", "Among its clients are A and B" (at the sentence's start). */
  private static final Pattern AMONG = Pattern.compile("^(?:[^,]{0,40},\\s*)?[Aa]mong\\s+(the|its|their|[\\p{Lu}][\\p{L}\\p{N}]*['’]s)\\s+"
      + "([^,;]{1,80}?)\\s+(?:are|is|were|was|:)\\s+");
  /** "Retailers that rely on the pixel range from A to B", "apps that embed Ornith include A": users of the tracker. */
  private static final Pattern USERS_RELATIVE = Pattern.compile("\\b(\\p{L}+)\\s+(?:that|which|who)\\s+(?:already\\s+|now\\s+|"
      + "currently\\s+)?" + USE_VERBS + "\\s+(it|the\\s+\\p{L}+|its\\s+\\p{L}+|[\\p{Lu}][\\p{L}\\p{N}-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}-]*){0,3})"
      + "\\s+(?:includes|included|include|are|were|range from|such as|like)\\s*:?\\s*");
  /** "Apps built with Examplytics include A", "games running the SDK include B": users of the tracker. */
  private static final Pattern USERS_PARTICIPLE = Pattern.compile("\\b(\\p{L}+)\\s+(?:(?:built|made|powered|instrumented|"
      + "monetised|monetized|measured|tracked)\\s+(?:with|on|by)|running|using|shipping|embedding|bundling|integrating)\\s+"
      + "(it|the\\s+\\p{L}+|its\\s+\\p{L}+|[\\p{Lu}][\\p{L}\\p{N}-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}-]*){0,3})"
      + "\\s+(?:includes|included|include|are|were|range from|such as|like)\\s*:?\\s*");
  /** "It counts among its customers A and B". */
  private static final Pattern COUNTS_AMONG = Pattern.compile("\\bcount(?:s|ed)?\\s+among\\s+(?:its|their|the company['’]s)\\s+"
      + "(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS + "\\s+");
  /** "It counts A among its accounts", "has signed A and B as customers": the list comes before the kind. */
  private static final Pattern LIST_THEN_KIND = Pattern.compile("\\b(?:counts?|counted|lists?|listed|names?|named|signed(?: up)?|"
      + "won|landed|added|welcomed|onboarded|secured|has|have|had)\\s+");
  private static final Pattern AS_KIND = Pattern.compile("\\s+(?:among|as)\\s+(?:(?:its|their|a|an|one of its|the company['’]s)\\s+)?"
      + "(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS + "\\b");
  /** "several large publishers among its customers, including": a description, the kind, then the list. */
  private static final Pattern KIND_THEN_LIST = Pattern.compile("(?:[\\p{Ll}\\d-]+\\s+){1,4}?(?:among|as)\\s+(?:(?:its|their|a|an)\\s+)?"
      + "(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS + ",?\\s+(?:including|such as|like|among them|notably)\\s+");
  /** "A signed on in 2021", "B came on board as a client", "C became a customer": the subject joins as the kind. */
  private static final Pattern SIGNED_ON = Pattern.compile("\\s+(?:also\\s+|later\\s+|recently\\s+)?(?:(signed on|signed up|came on board|"
      + "came aboard|came on)|joined|became|has become)(?:\\s+(?:as\\s+)?(?:(?:an?|its|one of its)\\s+)?(?:[\\p{Ll}-]+\\s+)?"
      + KIND_NOUNS + "\\b)?");
  /** "A is a partner of X", "B is an investor in it", "C and D are long-time customers of the SDK". */
  private static final Pattern KIND_OF = Pattern.compile("\\s+(?:is|are|has been|have been|became|remains|remain)\\s+"
      + "(?:(?:also|now|still|already)\\s+)?(?:(?:an?|the|one of the)\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS
      + "\\s+(?:of|in|to|with)\\s+");
  /** "A led its Series B", "B joined the round": the subject list invested. */
  private static final Pattern ROUND_SUBJECT = Pattern.compile("\\s+(?:also\\s+|later\\s+)?(?:led|co-led|headed|spearheaded|"
      + "anchored|joined|participated in|took part in|followed on in|came in on|invested in|provided|supplied|put up)\\s+(?:(its|the|a|an|this|that|"
      + "their|[\\p{Lu}][\\p{L}\\p{N}]*['’]s)\\s+)?(?:(?:(?!\\bas\\b)[^.;,]){0,40}?\\s+)?(?:round|Series\\s+[A-H]\\b|seed|financing|raise|"
      + "investment|funding|capital|money)");
  /** "A put in a further $20 million", "B invested $5m", "C poured €3 million into it". */
  private static final Pattern PUT_IN = Pattern.compile("\\s+(?:also\\s+|later\\s+)?(?:put|puts|invested|invests|poured|pours|"
      + "injected|injects|pumped|committed|contributed|added|provided)\\s+(?:in\\s+)?(?:(?:a further|another|an additional|"
      + "an extra|a|an|over|more than|some|about|around)\\s+)?(?:US\\$|USD ?|\\$|€|EUR ?|£|GBP ?|R\\$)\\s?\\d");
  /** "The SDK connects to A, B and C", "plugs into A", "can feed its data into B": integrations, said of the tracker. */
  private static final Pattern INTEGRATION_VERBS = Pattern.compile(
      "\\b(?:connects|connect|connected|connecting|hooks|hook|hooked|plugs|plug|plugged|ties|tie|tied)\\s+(?:directly\\s+|natively\\s+|"
          + "straight\\s+|seamlessly\\s+|up\\s+)?(?:in)?(?:to|into|with)\\s+"
          + "|\\b(?:feeds|feed|fed|forwards|forward|forwarded|sends|send|pushes|push|pushed|exports|export|exported|streams|"
          + "stream|streamed|syncs|sync|synced|pipes|pipe|piped|routes|route)\\s+(?:(?:its|their|the|all|your|collected|raw|this|that)\\s+)*(?:[\\p{Ll}-]+\\s+){0,2}?(?:data|"
          + "events|results|reports|conversions|installs|audiences|segments|signals|postbacks|metrics|analytics|information|"
          + "logs|leads|profiles)\\s+(?:directly\\s+|automatically\\s+|straight\\s+|in real time\\s+)?(?:to|into|with)\\s+"
          + "|\\b(?:works|work|interoperates|interoperate)\\s+(?:natively|seamlessly|out of the box|out-of-the-box)\\s+with\\s+"
          + "|\\b(?:is|are)\\s+(?:fully\\s+)?compatible\\s+with\\s+"
          // "its data can be exported to A"
          + "|\\b(?:can be|is|are|gets|get)\\s+(?:automatically\\s+|directly\\s+)?(?:exported|forwarded|sent|pushed|streamed|"
          + "synced|piped|fed|routed)\\s+(?:directly\\s+|automatically\\s+)?(?:to|into)\\s+");
  /** Auxiliaries and adverbs between a clause's subject and its verb ("the SDK can also …"). */
  private static final Pattern TRAILING_AUX = Pattern.compile("(?:\\s*\\b(?:can|will|also|now|already|directly|natively|easily|"
      + "seamlessly|automatically|further|still|even|optionally|additionally|has|have|is able to|are able to))+\\s*$");
  private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?:and|but|also|then|so)\\b\\s*");

  private static final Pattern OWNED = Pattern.compile(
      "\\b(?:is|was|are|were|became|becomes|has become|had become|has been|had been|being|remains|remained|operates as)\\s+"
          + "(?:(?:now|later|also|in turn|itself|ultimately|currently|still|today|since \\d{4})\\s+)*"
          + "(?:(?:a|an|the)\\s+)?(?:(?:wholly|fully|majority)[- ]owned\\s+(?=subsidiary|division|unit|affiliate|arm|brand))?"
          + "(?:(?:(?:wholly|fully|majority|partly|partially|jointly|ultimately|indirectly)[- ])?(?:owned|controlled)\\s+by|"
          + "(?:subsidiary|division|unit|service|brand|business unit|part|daughter company|affiliate|arm)\\s+of)\\s+"
          + "|(?:,|\\()\\s*(?:(?:now|itself|in turn|ultimately|since \\d{4})\\s+)*(?:(?:a|an)\\s+)?(?:(?:wholly|fully|majority)[- ]owned\\s+)?"
          + "(?:subsidiary|division|unit|part|service|arm)\\s+of\\s+"
          + "|(?:,|\\()\\s*(?:(?:now|itself|in turn|ultimately)\\s+)*(?:(?:wholly|fully|majority|partly|jointly|ultimately)[- ])?"
          + "(?:owned|controlled)\\s+by\\s+"
          // "Cypress Commerce belongs to Bayou Holdings"
          + "|\\b(?:belongs|belonged|belonging)\\s+to\\s+"
          // "Examplytics is a Berlin-based company owned by Kvarn Holding"
          + "|\\b(?:company|firm|business|startup|brand|platform|service|subsidiary)\\s+(?:now\\s+)?(?:(?:wholly|fully|"
          + "majority|partly|jointly)[- ])?(?:owned|controlled)\\s+by\\s+");
  /** "The buyer …", "Its parent company …", "Its new owner, Foo, …": the tracker's owner named before. */
  private static final Pattern OWNER_REFERENCE = Pattern.compile("^(?:The|Its|Their)\\s+(?:new\\s+|current\\s+)?(?:buyer|acquirer|"
      + "purchaser|owner|parent(?:\\s+company|\\s+group)?)(?:\\s*,?\\s*(.+?),?)?\\s*$");
  /** "Kvarn Holding owns Norrsken", "Foo holds a majority stake in Bar": the subject owns the object. */
  private static final Pattern OWNS = Pattern.compile("\\s+(?:also\\s+|now\\s+|still\\s+|in turn\\s+|ultimately\\s+)?(?:owns|controls|"
      + "(?:holds|has|took|acquired|bought|owns)\\s+(?:a\\s+)?(?:majority|controlling)\\s+(?:stake|interest|share)\\s+in)\\s+");
  /** Words of a statement that is no fact: a rumour, a plan, a denial, a past state ("was in talks to buy"). */
  private static final Pattern HEDGE = Pattern.compile("\\b(?:(?<!for a )rumou?r\\w*|speculat\\w*|in talks|talks with|talks to|"
      + "negotiat\\w*|considering|considers|considered (?:buying|acquiring|selling|investing|a)|evaluat\\w*|exploring|explored|"
      + "explores|may|might|could|would|plans? to|planned|planning|proposed|proposal|potential|possibly|prospective|"
      + "hopes? to|aims? to|intends? to|expected to|failed|fell through|called off|abandon\\w*|denied|denies|deny|declined|"
      + "rejected|blocked|no longer|not(?! only)(?!-)|never|formerly(?! known)|previously(?! known)|former|used to|until|"
      + "spun off|bid for|bid to|offered to)\\b");
  /** Besides {@link #HEDGE}, what ends or denies a use or partnership: "dropped the SDK", "a competitor", "sued". */
  private static final Pattern HEDGE_USE = Pattern.compile("\\b(?:stopped|stops|ceased|dropped|drops|removed|removes|ditched|"
      + "replaced|switched away|switched from|churned|discontinu\\w*|terminat\\w*|ended|left|quit|tested|testing|trial\\w*|pilot\\w*|"
      + "competitors?|competing|competes|compete|rivals?|sued|sues|suing|lawsuit|litigation|accused|complain\\w*|"
      + "banned|bans|instead of|unlike|lost)\\b");
  /** Where one statement of a sentence ends and the next begins, for {@link #hedged}. */
  private static final String[] SEGMENT_BREAKS = {";", " — ", " – ", ", but ", " but ", ", although ", ", though ",
      ", while ", ", whereas ", " unlike ", ", however", ", and ", " and it ", " and they ", " when ", ", which "};
  /** A subject, a relative clause between commas, and the verb next: "Contoso, which bought X in 2016, is …". */
  private static final Pattern RELATIVE_CLOSED = Pattern.compile("^[^,]+,\\s*(?:which|who|that)\\b[^,]*,\\s*$");
  private static final Pattern WHICH_BEFORE = Pattern.compile("(?:,\\s*)?\\bwhich\\s+(?:itself\\s+)?$|,\\s*$|\\(\\s*$");
  private static final Pattern ACQUIRED_BY = Pattern.compile(
      "\\b(?:acquired|bought|bought out|purchased|taken over|snapped up|absorbed)(?:\\s+(?:in|during|on)\\s+[^,.;]{1,25}?)?"
          + "\\s+by\\s+");
  private static final Pattern SOLD = Pattern.compile("\\b(?:(was|were|has been|had been|got|is being)\\s+(?:later\\s+|then\\s+|"
      + "eventually\\s+)?sold\\s+to\\s+|sold\\s+)");
  private static final Pattern SOLD_TO_BUYER = Pattern.compile("\\s*(?:\\w+\\s+){0,3}?to\\s+");
  private static final Pattern ACQUIRED = Pattern.compile("\\s+(?:acquired|bought|purchased|took over)\\s+");
  private static final Pattern YEAR = Pattern.compile("\\b(?:in|of|since)\\s+(?:(?:early|late|mid)[- ])?(?:\\p{Lu}\\p{Ll}+\\s+)?(?:\\d{1,2},?\\s+)?(19[5-9]\\d|20\\d\\d)\\b");
  private static final Pattern ANY_YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
  private static final Pattern PRICE = Pattern.compile(
      "\\bfor\\s+(?:(a reported|reportedly|a rumou?red|an estimated|approximately|around|about|roughly|nearly|almost|some|"
          + "over|more than|less than|an undisclosed sum of|a sum of|at least|close to|up to)\\s+)?(?:(?:a|an)\\s+)?"
          + "(?:reported\\s+|estimated\\s+)?(US\\$|USD ?|\\$|€|EUR ?|£|GBP ?)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?)"
          + "(\\s*[-–]\\s*\\$?\\d+(?:[.,]\\d+)?)?\\s*(million|billion|thousand|mn|bn|[MBK])?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADQUARTERS = Pattern.compile(
      "\\b(?:(?:[Hh]eadquartered|[Hh]eadquarters|[Bb]ased|HQ|head office|[Hh]ead-quartered|main office|registered office|registered seat)"
          + "\\s+(?:(?:is|are)\\s+)?(?:located\\s+)?in|(?:operates|operating|is run|runs|works|[Bb]ased)\\s+out\\s+of"
          + "|(?:is|are)\\s+(?:located|situated)\\s+in)\\s+(?:the\\s+)?"
          + "([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*)(?:,\\s*([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*))?"
          + "(?:,\\s*(?:the\\s+)?([\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*))?");
  private static final Pattern HEADQUARTERED_FIRST = Pattern.compile("^(?:Headquartered|Based)\\s+in\\s+[^,]+(?:,\\s*[^,]+)?,\\s*");
  private static final Pattern LEADING_ADVERBIAL = Pattern.compile(
      "^(?:(?:In|On|By|Since|As of|After|Before|Until|Later|Then|Today|Now|Currently|Eventually|Finally|Originally|"
          + "Meanwhile|Also|In addition|Out of the box|Additionally|Subsequently|Shortly after)\\b[^,]{0,40},\\s*"
          + "|(?:In|On|By|Since)\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?(?:\\d{1,2},?\\s+)?\\d{4}\\s+"
          // "Two years later Glacier Growth Fund led …", "The following year Acme …": a time before the subject
          + "|(?:(?:One|Two|Three|Four|Five|Six|Several|A few|A|Some)\\s+(?:years?|months?|weeks?)\\s+(?:later|after(?:wards)?)"
          + "|Later that year|Later|The following year|The next year|That same year|That year|Last year|This year|Earlier|"
          + "Recently|Subsequently|In turn|Shortly after(?:wards)?|Then|Now|Today|Also)\\b,?\\s+)");
  private static final Pattern LEADING_YEAR = Pattern.compile("^(?:19|20)\\d\\d\\b,?\\s*");
  private static final Pattern SELF_SUBJECT = Pattern.compile(
      "^(?:It|They|The company|The firm|The startup|The business|This company|"
          // "The SDK", "Its tracking pixel", "The beacon firmware", "The Android SDK": the tracker's own product
          + "(?:The|This|Its)\\s+(?!(?:rival|competing|competitor|competitors|other|parent|former|old|previous)\\b)"
          + "(?:(?:\\p{Ll}[\\p{L}-]*|Android|iOS|Unity|JavaScript|Web|Flutter)\\s+){0,2}?" + PRODUCT_NOUNS + "(?!\\s+[\\p{Lu}\\d]))\\b");
  private static final Pattern POSSESSIVE_START = Pattern.compile("^(.{1,60}?)['’]s\\s+(.{1,60}?)\\s+(?:is|was|are|were)\\b");
  private static final Pattern AMOUNT_THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern KEY_LEGAL_SUFFIX =
      Pattern.compile(" (?:inc|ltd|llc|gmbh|sas|sa|nv|ag|corp|co|plc|limited|group)$");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
      "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI",
      "WY", "DC", "California", "New York", "Massachusetts", "Washington", "Texas", "Illinois", "Florida", "Georgia",
      "Colorado", "Oregon", "Utah", "Virginia", "Pennsylvania", "New Jersey", "Michigan", "Ohio", "North Carolina");

  private ProseFacts() {}

  /** A name found in a sentence and where it ends. */
  record Name(String name, int end) {}

  /** The facts of every prose passage of the draft (about, details, notes), added to the draft. */
  static void read(Draft d, List<LabelledText> prose) {
    Self self = new Self(d);
    for (LabelledText t : prose) {
      if (t.text() == null) {
        continue;
      }
      labelledList(t, d, self);
      for (String sentence : sentences(t.text())) {
        read(sentence, t, d, self);
      }
    }
    ownersFromAcquisitions(d);
  }

  /** "_Clients:_ A / B / C" outside the relationships section (in Notes, About…): the label names the relationship. */
  private static void labelledList(LabelledText t, Draft d, Self self) {
    Relationship.Kind kind = RelationshipLists.kind(t.label());
    if (kind == null || t.text().length() > 2000) {
      return;
    }
    String text = t.text().strip();
    List<String> names = list(text, 0);
    String rebuilt = String.join(" ", names);
    if (names.isEmpty() || rebuilt.length() < text.replaceAll("[,&/.]|\\band\\b", " ").replaceAll("\\s+", " ").trim().length() - 4) {
      return;  // not a list of names only
    }
    for (String name : names) {
      add(d, self, new Relationship(kind, name, t.label(), t.citations(), t.line(), text));
    }
  }

  /**
   * The sentences of a passage: split after {@code . ! ?} (and a closing quote or bracket) where the next word starts
   * with a capital, a quote or a bracket, and at blank lines. The same splits as the regular expression
   * {@code (?<=[.!?]["”)]?)\s+(?=[\p{Lu}"“(\[])|\n\s*\n}, in one pass over the whitespace runs (the expression's
   * look-behind, tried at every character, was a fifth of the reader's prose time).
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!isSpace(text.charAt(i))) {
        continue;
      }
      int j = i;
      int newlines = 0;
      while (j < n && isSpace(text.charAt(j))) {
        newlines += text.charAt(j) == '\n' ? 1 : 0;
        j++;
      }
      if (newlines >= 2 || (endsSentence(text, i) && j < n && startsSentence(text.codePointAt(j)))) {
        addSentence(out, text.substring(start, i));
        start = j;
      }
      i = j - 1;
    }
    addSentence(out, text.substring(start));
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code [.!?]} just before {@code at}, or before a closing quote or bracket just before it. */
  private static boolean endsSentence(String text, int at) {
    if (at < 1) {
      return false;
    }
    char c = text.charAt(at - 1);
    if (c == '"' || c == '”' || c == ')') {
      if (at < 2) {
        return false;
      }
      c = text.charAt(at - 2);
    }
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean startsSentence(int cp) {
    return Character.getType(cp) == Character.UPPERCASE_LETTER || cp == '"' || cp == '“' || cp == '(' || cp == '[';
  }

  private static void addSentence(List<String> out, String s) {
    String t = s.replace('\n', ' ').trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  private static void read(String s, LabelledText t, Draft d, Self self) {
    // Cheap gates first: most sentences state none of these facts.
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("custom") || lower.contains("client") || lower.contains("d by") || lower.contains("relied")
        || lower.contains("users") || lower.contains("advertisers") || lower.contains("publishers") || lower.contains("brands")
        || lower.contains("retailers") || lower.contains("merchants") || lower.contains("licensees") || lower.contains("accounts")) {
      relationships(s, CUSTOMERS, null, t, d, self);
    }
    if (lower.startsWith("among ") || lower.contains(", among ")) {
      among(s, t, d, self);
    }
    // both "users that use it include …" wordings end in a list word after a space; most sentences have none
    if ((lower.contains("that ") || lower.contains("which ") || lower.contains("who ") || lower.contains(" with ")
        || lower.contains(" by ") || lower.contains(" on ") || lower.contains("ing ")) && listWordAfterSpace(lower)) {
      usersRelative(s, t, d, self);
    }
    if (lower.contains(" among ") || lower.contains(" as ")) {
      listThenKind(s, t, d, self);
    }
    if (lower.contains("signed") || lower.contains("came on") || lower.contains("came aboard") || lower.contains("joined")
        || lower.contains("became") || lower.contains("become")) {
      signedOn(s, lower, t, d, self);
    }
    if (lower.contains("invest") || lower.contains("fund") || lower.contains("backe") || lower.contains("financ")
        || lower.contains("raised") || lower.contains("venture") || lower.contains("vc") || lower.contains("led by")
        || lower.contains("shareholder") || lower.contains("capital") || lower.contains("participation")
        || lower.contains("round") || lower.contains("seed") || lower.contains("money") || lower.contains("series")
        || lower.contains("cash") || lower.contains("backing")) {
      relationships(s, INVESTORS, Relationship.Kind.INVESTOR, t, d, self);
      subjectsBefore(s, ROUND_SUBJECT, Relationship.Kind.INVESTOR, t, d, self);
      Matcher m = INVESTED_IN.matcher(s);
      if (m.find()) {
        String after = s.substring(m.end()).trim();
        if ((after.matches("(?i)^(?:it|the company|the firm|the startup)\\b.*") || self.isSelf(name(after, 0)))
            && !hedged(s, m.start(), false)) {
          subjectList(s.substring(0, m.start()), Relationship.Kind.INVESTOR, s, t, d, self);
        }
      }
    }
    if (lower.contains("$") || lower.contains("€") || lower.contains("£") || lower.contains("usd") || lower.contains("eur")
        || lower.contains("gbp")) {
      subjectsBefore(s, PUT_IN, Relationship.Kind.INVESTOR, t, d, self);
    }
    if (lower.contains("partner") || lower.contains("team") || lower.contains("joined forces") || lower.contains("allied")
        || lower.contains("alliance") || lower.contains("tie-up") || lower.contains("joint venture") || lower.contains("collaboration")
        || lower.contains("joined hands") || lower.contains("joins forces") || lower.contains("linked up")
        || lower.contains("agreement") || lower.contains("deal")) {
      relationships(s, PARTNERS, Relationship.Kind.PARTNER, t, d, self);
    }
    if (lower.contains("partners") || lower.contains("customers") || lower.contains("clients") || lower.contains("investors")
        || lower.contains("backers") || lower.contains("shareholders")) {
      Matcher k = SUBJECT_KIND.matcher(s);
      while (k.find()) {
        String word = k.group(2).toLowerCase(Locale.ROOT);
        Relationship.Kind kind = word.startsWith("partner") ? Relationship.Kind.PARTNER
            : word.startsWith("client") ? Relationship.Kind.CLIENT
            : word.startsWith("customer") ? Relationship.Kind.CUSTOMER : Relationship.Kind.INVESTOR;
        if (k.group(1) != null && k.group(1).contains("'") || k.group(1) != null && k.group(1).contains("’")) {
          String owner = k.group(1).replaceAll("(?s).*\\b(\\S+)['’]s\\s.*", "$1");
          if (!self.isSelf(owner)) {
            continue;  // "…are Contoso's partners": someone else's
          }
        }
        if (!hedged(s, k.start(), true)) {
          subjectList(s.substring(0, k.start()), kind, s, t, d, self, k.group(1) == null ? 2 : 1);
        }
      }
    }
    if (lower.contains("partner") || lower.contains("investor") || lower.contains("customer") || lower.contains("client")
        || lower.contains("backer") || lower.contains("shareholder")) {
      Matcher k = KIND_OF.matcher(s);
      while (k.find()) {
        Relationship.Kind kind = kindOf(k.group(1));
        if (kind != null && isSelfObject(s, k.end(), self) && !hedged(s, k.start(), true)) {
          subjectListBefore(s, k.start(), kind, t, d, self, 1);
        }
      }
    }
    if (lower.contains("works with") || lower.contains("worked with") || lower.contains("working with")
        || lower.contains("collaborat") || lower.contains("cooperates")) {
      Matcher w = WORKS_WITH.matcher(s);
      while (w.find()) {
        if (self.isSelfSubject(s.substring(0, w.start())) && !hedged(s, w.start(), true)) {
          // "works with A and B out of the box": integrations; else partners
          Relationship.Kind kind = lower.contains("out of the box") || lower.contains("natively") || lower.contains("integrat")
              ? Relationship.Kind.INTEGRATION : Relationship.Kind.PARTNER;
          addAll(d, self, kind, list(s, w.end()), t, s);
        }
      }
    }
    if (lower.contains("integrat") || lower.contains("connector") || lower.contains("plugin") || lower.contains("plug-in")
        || lower.contains("supported")) {
      relationships(s, INTEGRATIONS, Relationship.Kind.INTEGRATION, t, d, self);
    }
    if (lower.contains("connect") || lower.contains("plug") || lower.contains("hook") || lower.contains("ties ")
        || lower.contains("tie ") || lower.contains("tied ") || lower.contains("feed") || lower.contains("fed ")
        || lower.contains("forward") || lower.contains("send") || lower.contains("push") || lower.contains("export")
        || lower.contains("stream") || lower.contains("sync") || lower.contains("pipe") || lower.contains("pass")
        || lower.contains("route") || lower.contains("share") || lower.contains("deliver") || lower.contains("upload")
        || lower.contains("natively") || lower.contains("seamlessly") || lower.contains("out of the box")
        || lower.contains("out-of-the-box") || lower.contains("compatible") || lower.contains("interoperat")) {
      integrationVerbs(s, t, d, self);
    }
    if (lower.contains(" use") || lower.contains("rel") || lower.contains("adopted") || lower.contains("work with")
        || lower.contains("ship") || lower.contains("embed") || lower.contains("bundle") || lower.contains(" run")
        || lower.contains("deploy") || lower.contains("integrat") || lower.contains("depend") || lower.contains("licens")
        || lower.contains("install") || lower.contains("implement") || lower.contains("carr") || lower.contains("build on")
        || lower.contains("trust") || lower.contains("pay for") || lower.contains("subscribe") || lower.contains("cho")
        || lower.contains("picked") || lower.contains("selected") || lower.contains("rolled out") || lower.contains("switched to")
        || lower.contains("opted for") || lower.contains("signed up for")) {
      Matcher m = USE_IT.matcher(s);
      while (m.find()) {
        if (isSelfObject(s, m.end(), self) && !hedged(s, m.start(), true)
            && subjectListBefore(s, m.start(), Relationship.Kind.CUSTOMER, t, d, self, 1)) {
          break;
        }
      }
    }
    if (lower.contains("owned") || lower.contains(" of ") || lower.contains("'s ") || lower.contains("’s ")
        || lower.contains("controlled") || lower.contains("belong") || lower.contains("owns") || lower.contains("controls")
        || lower.contains("stake") || lower.contains("interest in") || lower.contains("parent") || lower.contains("owner")
        || lower.contains("holding company")) {
      owners(s, t, d, self);
    }
    if (lower.contains("acquired") || lower.contains("bought") || lower.contains("purchased") || lower.contains("took over")
        || lower.contains("taken over") || lower.contains("sold") || lower.contains("snapped up") || lower.contains("absorbed") || lower.contains("acquisition of") || lower.contains("purchase of")
        || lower.contains("takeover of")) {
      acquisitions(s, t, d, self);
    }
    moreWordings(s, lower, t, d, self);
    if (d.location == null && (lower.contains("based in") || lower.contains("-based") || lower.contains(" company")
        || lower.contains(" firm") || lower.contains("startup") || lower.contains("start-up") || lower.contains(" business")
        || lower.contains(" provider") || lower.contains(" vendor") || lower.contains(" developer") || lower.contains(" maker")
        || lower.contains(" group") || lower.contains(" network") || lower.contains(" platform") || lower.contains("headquarter") || lower.contains("hq ")
        || lower.contains("head office") || lower.contains("head-quartered") || lower.contains("main office")
        || lower.contains("registered") || lower.contains("out of") || lower.contains("located in")
        || lower.contains("situated in"))) {
      headquarters(s, t, d, self);
    }
  }

  // ------------------------------------------------------------------ relationships

  private static void relationships(String s, Pattern trigger, Relationship.Kind fixed, LabelledText t, Draft d, Self self) {
    Matcher m = trigger.matcher(s);
    while (m.find()) {
      Relationship.Kind kind = fixed;
      if (kind == null) {
        String word = m.group(1) == null ? m.group().toLowerCase(Locale.ROOT) : m.group(1).toLowerCase(Locale.ROOT);
        kind = word.contains("client") ? Relationship.Kind.CLIENT : Relationship.Kind.CUSTOMER;
      }
      if (USED_BY.matcher(m.group()).find() && !self.isSelfSubject(s.substring(0, m.start()))) {
        continue;  // "device IDs … are used by X": only the tracker's users are its customers
      }
      if (kind == Relationship.Kind.INVESTOR && (m.group().startsWith("led") || m.group().startsWith("joined"))
          && !s.toLowerCase(Locale.ROOT).matches(
          "(?s).*\\b(round|funding|rais|invest|financing|series)\\w*\\b.*")) {
        continue;  // "led by", "joined by" name investors only in a sentence about funding
      }
      if (hedged(s, m.start(), true) || othersPossessive(s, m.start(), self)) {
        continue;  // "former clients include …", "its rival's customers include …"
      }
      int from = m.end();
      Matcher lead = LEAD_IN.matcher(s).region(from, s.length());
      if (name(s, from) == null && lead.lookingAt()) {
        from = lead.end();  // "used by major brands such as A and B", "backed by investors including A"
      }
      List<String> names = m.group().toLowerCase(Locale.ROOT).contains("range from") ? rangeList(s, from) : list(s, from);
      if (kind == Relationship.Kind.PARTNER || kind == Relationship.Kind.INTEGRATION
          || kind == Relationship.Kind.INVESTOR && MONEY_VERB.matcher(m.group()).lookingAt()) {
        String other = otherSubject(s, m.start(), self);
        if (other != null) {
          // another organisation's partner, integration or round: a fact about the tracker only when it names the
          // tracker ("Foo Bank partnered with Examplytics": Foo Bank is its partner)
          if (kind == Relationship.Kind.PARTNER && names.stream().anyMatch(self::isSelf)) {
            add(d, self, new Relationship(kind, other, t.label(), t.citations(), t.line(), s));
          }
          continue;
        }
      }
      addAll(d, self, kind, names, t, s);
    }
  }

  /** "A and B to C" after "range from": the names of the range. */
  private static List<String> rangeList(String s, int from) {
    List<Name> names = names(s, from);
    List<String> out = new ArrayList<>(names.stream().map(Name::name).toList());
    int end = names.isEmpty() ? -1 : names.get(names.size() - 1).end();
    if (names.isEmpty()) {  // "range from small shops to B": a description first
      Matcher to = RANGE_DESCRIBED.matcher(s).region(from, s.length());
      end = to.lookingAt() ? to.end() - to.group(1).length() : -1;
    }
    if (end >= 0) {
      Matcher to = RANGE_TO.matcher(s).region(end, s.length());
      if (to.lookingAt()) {
        out.addAll(list(s, to.end()));
      }
    }
    return out;
  }

  private static final Pattern RANGE_TO = Pattern.compile("\\s+to\\s+");
  private static final Pattern RANGE_DESCRIBED = Pattern.compile("(?:[\\p{Ll}\\d-]+\\s+){0,3}?[\\p{Ll}\\d-]+(\\s+to\\s+)");
  private static final Pattern MONEY_VERB = Pattern.compile("(?i)(?:raised|secured|received|obtained|landed|attracted|took in|"
      + "closed|won)\\b");
  /** A description of the list before its names: "major brands such as", "well-known funds including". */
  private static final Pattern LEAD_IN = Pattern.compile("(?:\\p{Ll}[\\p{Ll}\\d-]*,?\\s+|\\d[\\d,+]*\\s+){0,4}?(?:such as|like|including|"
      + "notably|among them|e\\.g\\.,?|for example,?)\\s+");
  private static final Pattern OTHERS_POSSESSIVE = Pattern.compile("([\\p{Lu}][\\p{L}\\p{N}&.-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}&.-]*){0,3})"
      + "['’]s?\\s+(?:[\\p{Ll}-]+\\s+){0,2}$");

  /** True when the words before a trigger are another organisation's possessive ("Contoso's customers include"). */
  private static boolean othersPossessive(String s, int at, Self self) {
    String before = s.substring(Math.max(0, at - 80), at);
    if (before.indexOf('\'') < 0 && before.indexOf('’') < 0) {
      return false;
    }
    Matcher m = OTHERS_POSSESSIVE.matcher(before);
    return m.find() && !self.isSelf(m.group(1)) && !NOT_NAMES.contains(m.group(1).split("\\s+")[0]);
  }

  /**
   * The organisation other than the tracker that is the subject of the clause before {@code at}, or null: only a
   * subject that is a name and nothing else ("Foo Bank partnered with …", "In 2015 Foo Bank has partnered with …").
   */
  private static String otherSubject(String s, int at, Self self) {
    String clause = LEADING_ADVERBIAL.matcher(s.substring(clauseStart(s, at), at).trim()).replaceFirst("");
    clause = LEADING_CONJUNCTION.matcher(clause).replaceFirst("");
    Name n = name(clause, 0);
    if (n == null || self.isSelf(n) || NOT_NAMES.contains(n.name())) {
      return null;
    }
    String rest = clause.substring(n.end()).trim();
    return OTHER_SUBJECT_REST.matcher(rest).matches() ? n.name() : null;
  }

  private static final Pattern OTHER_SUBJECT_REST = Pattern.compile("(?:(?:has|have|had|also|now|recently|already|later|then|"
      + "since \\d{4}|in \\d{4}|is|was|signed|struck|formed|entered|announced|a|an|strategic|\\(.*?\\)|,)\\s*)*");

  /** "A, B and C use X", "A and B invested in it": the list is the sentence's subject. */
  private static void subjectList(String before, Relationship.Kind kind, String s, LabelledText t, Draft d, Self self) {
    subjectList(before, kind, s, t, d, self, 1);
  }

  /** As above; {@code min} names at least ("A, B and C partners" needs a list, "A is a partner" one name). */
  private static boolean subjectList(String before, Relationship.Kind kind, String s, LabelledText t, Draft d, Self self,
      int min) {
    int clause = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));  // "…; A invested in it": that clause's subject
    String subject = LEADING_ADVERBIAL.matcher(clause < 0 ? before : before.substring(clause + 1).trim()).replaceFirst("");
    if (RELATIVE_END.matcher(subject).find()) {
      return false;  // "Studios that embed the SDK …": the subject of a relative clause, no list of names
    }
    Matcher lead = SUBJECT_LEAD_IN.matcher(subject);
    if (lead.lookingAt()) {
      subject = subject.substring(lead.end());  // "Big names such as A and B rely on X", "Dozens of shops, including A,"
    }
    subject = subject.replaceFirst(",\\s*$", "");
    List<String> names = list(subject, 0);
    // the whole subject must be the list: "Over 300 clients use X" names nobody
    String rebuilt = String.join(" ", names);
    if (names.size() < min || rebuilt.length() < subject.replaceAll("[,&/]|\\band\\b|\\bthe\\b", " ").replaceAll("\\([^)]*\\)", "")
        .replaceAll("\\s+", " ").trim().length() - 12) {
      return false;
    }
    addAll(d, self, kind, names, t, s);
    return true;
  }

  /**
   * The list that is the subject of the verb at {@code at}: the whole clause before it, or the clause after its last
   * ", and" / ", but" ("Saltmarsh counts A among its accounts, and B signed on": B). True when one was taken.
   */
  private static boolean subjectListBefore(String s, int at, Relationship.Kind kind, LabelledText t, Draft d, Self self,
      int min) {
    int hard = Math.max(s.lastIndexOf(';', at - 1), s.lastIndexOf(':', at - 1)) + 1;
    List<Integer> starts = new ArrayList<>();
    starts.add(hard);
    for (String brk : CLAUSE_BREAKS) {
      for (int i = s.indexOf(brk, hard); i >= 0 && i < at; i = s.indexOf(brk, i + 1)) {
        starts.add(i + brk.length());
      }
    }
    starts.sort(null);
    for (int start : starts) {
      String subject = LEADING_CONJUNCTION.matcher(s.substring(start, at).trim()).replaceFirst("");
      if (!subject.isEmpty() && subjectList(subject, kind, s, t, d, self, min)) {
        return true;
      }
    }
    return false;
  }

  /** A description before a subject list: "Big names such as", "Dozens of retailers, including". */
  private static final Pattern SUBJECT_LEAD_IN = Pattern.compile("(?:[\\p{L}\\d-]+,?\\s+){1,5}?(?:such as|including|like|"
      + "notably|among them)\\s+");

  /** Where a coordinated clause begins: after these (its subject follows). */
  private static final String[] CLAUSE_BREAKS = {", and ", ", but ", ", while ", ", whereas ", ", although ", ", though ",
      ", so ", " — ", " – "};

  /** Where the clause holding {@code at} begins: after the last ';', ':' or clause break before it. */
  static int clauseStart(String s, int at) {
    int start = Math.max(s.lastIndexOf(';', at - 1), s.lastIndexOf(':', at - 1)) + 1;
    for (String brk : CLAUSE_BREAKS) {
      int i = s.lastIndexOf(brk, at - 1);
      if (i >= 0 && i + brk.length() <= at) {
        start = Math.max(start, i + brk.length());
      }
    }
    return start;
  }

  /**
   * True when the statement of the sentence that holds {@code at} is no fact: a rumour, a plan, a denial, a past
   * state ({@link #HEDGE}); for uses and partnerships also an ended one or a rival's ({@link #HEDGE_USE}).
   */
  static boolean hedged(String s, int at, boolean use) {
    int start = 0;
    int end = s.length();
    for (String brk : SEGMENT_BREAKS) {
      int b = s.lastIndexOf(brk, at - 1);
      if (b >= 0 && b + brk.length() <= at) {
        start = Math.max(start, b + brk.length());
      }
      int a = s.indexOf(brk, at);
      if (a >= 0) {
        end = Math.min(end, a);
      }
    }
    String segment = s.substring(start, end).stripLeading();
    if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0)) && !segment.startsWith("May ")) {
      // "Former customers …", "Rumours say …": the sentence's first word in lower case (not "May", a month, inside)
      segment = Character.toLowerCase(segment.charAt(0)) + segment.substring(1);
    }
    return HEDGE.matcher(segment).find() || use && HEDGE_USE.matcher(segment).find();
  }

  /** True when the words at {@code at} name the tracker: its name, "the SDK", "its pixel", "Ornith's SDK". */
  private static boolean isSelfObject(String s, int at, Self self) {
    String rest = s.substring(at);
    if (SELF_OBJECT.matcher(rest).find()) {
      return true;
    }
    if (SELF_PRONOUN_OBJECT.matcher(rest).lookingAt()) {
      return !rest.startsWith("it");  // "a stake in the company"; a bare "it" may be any thing named before
    }
    return selfNameAt(s, at, self);
  }

  /** True when the tracker's name (or an alias) starts at {@code at}, whatever follows it ("Examplytics closed …"). */
  private static boolean selfNameAt(String s, int at, Self self) {
    Name object = name(s, at);
    if (object != null) {
      return self.isSelf(object);
    }
    Matcher run = CAPITALISED_RUN.matcher(s).region(at, s.length());
    if (!run.lookingAt()) {
      return false;
    }
    String words = run.group().replaceAll("[.,]$", "");
    while (!words.isEmpty()) {
      if (self.isSelf(words)) {
        return true;
      }
      int cut = words.lastIndexOf(' ');
      words = cut < 0 ? "" : words.substring(0, cut);
    }
    return false;
  }

  private static final Pattern CAPITALISED_RUN = Pattern.compile("[\\p{Lu}\\d][\\p{L}\\p{N}&'’.-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\p{N}&'’.-]*){0,3}");

  /** True when the subject of the clause before {@code at} is the tracker, or the clause has none and the sentence's is. */
  private static boolean selfClause(String s, int at, Self self) {
    int start = clauseStart(s, at);
    String clause = TRAILING_AUX.matcher(s.substring(start, at)).replaceFirst("").trim();
    clause = LEADING_CONJUNCTION.matcher(clause).replaceFirst("").trim();
    if (clause.isEmpty()) {
      return start > 0 && selfClause(s, Math.max(0, start - 2), self);  // "…, and can feed its data into B"
    }
    return self.isSelfSubject(clause) || SELF_DATA.matcher(clause).matches();
  }

  /** "Data", "its events", "collected conversions": what the tracker collects, standing for it as a subject. */
  private static final Pattern SELF_DATA = Pattern.compile("(?i)(?:(?:the|its|all|collected|raw|this)\\s+)*(?:data|events|"
      + "results|reports|conversions|measurements)(?:\\s+(?:can be|is|are|gets|get))?");

  // ------------------------------------------------------------------ customers, investors and partners in other words

  /** "A took a minority stake in X": an investor (a majority or controlling stake makes an owner, {@link #OWNS}). */
  private static final Pattern STAKE = Pattern.compile("\\s+(?:also\\s+|later\\s+)?(?:took|takes|holds|hold|held|has|have|had|"
      + "acquired|bought|owns|own)\\s+(?:a\\s+|an\\s+)?(?:(?:minority|small|significant|sizeable|\\d+(?:\\.\\d+)?\\s*(?:%|per ?cent|"
      + "percent))\\s+)?(?:stake|shareholding|equity stake)\\s+in\\s+");
  /** "X and A have partnered", "A and X teamed up in 2019": a subject list naming the tracker and its partners. */
  private static final Pattern PARTNERED = Pattern.compile("\\s+(?:have\\s+|has\\s+|had\\s+)?(?:partnered|teamed up|joined forces|"
      + "(?:formed|signed|announced|struck|entered into)\\s+(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:partnership|alliance|"
      + "joint venture|tie-up|collaboration))\\b(?!\\s+(?:with|between)\\b)");
  /** "A is a customer.", "B and C are also investors;": the kind closing the clause, its subject a list. */
  private static final Pattern KIND_CLOSES = Pattern.compile("\\s+(?:is|are|has been|have been|remains|remain)\\s+"
      + "(?:(?:also|now|still|already)\\s+)?(?:an?\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS
      + "(?=\\s*(?:[.;,)]|$)|\\s+(?:since|from)\\s+\\d)");
  /** "It serves A, B and C", "the SDK powers A and B": customers, said of the tracker. */
  private static final Pattern SERVES = Pattern.compile("\\b(?:serves|served|powers|powered|works for)\\s+");
  /** "It can be found in apps such as A", "is embedded in the games of B": customers, said of the tracker. */
  private static final Pattern IN_APPS = Pattern.compile("\\b(?:found|embedded|integrated|used|bundled|included|installed|"
      + "present|shipped|running|live|deployed)\\s+(?:in|inside|within|on|into)\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?(?:apps?|"
      + "applications?|games?|sites?|websites?|products?|services?|stores?|shops?|titles?)\\s+(?:such as|like|including|of|"
      + "from|by|made by|published by|built by|run by)\\s+");
  /** "The SDK ships inside A, B and C", "it runs in B and C": customers, said of the tracker. */
  private static final Pattern SHIPS_INSIDE = Pattern.compile("\\b(?:ships|ship|runs|run|lives|sits|is embedded|are embedded)\\s+"
      + "(?:inside|within|in)\\s+(?=(?:the\\s+)?[\\p{Lu}])");
  /** "Customers of X include A", "The partners of the company are B and C". */
  private static final Pattern KIND_OF_SELF = Pattern.compile("\\b" + KIND_NOUNS + "\\s+(?:of|in|at|behind|for)\\s+(.{1,40}?)\\s+(?:includes|include|"
      + "included|are|were|comprise|range from|such as)\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
  /** "The SDK supports A, B and C": integrations, said of the tracker (standards and platforms are none). */
  private static final Pattern SUPPORTS = Pattern.compile("\\b(?:supports|supported|support|offers support for|adds support for|"
      + "exports|export|exported|flows|flow|hands off|ships with adapters for|has adapters for|adapters for)"
      + "\\s+(?:(?:natively|directly|out of the box|to|into)\\s+)*");
  private static final Set<String> NOT_INTEGRATIONS = Set.of("GDPR", "CCPA", "COPPA", "TCF", "IAB", "IDFA", "GAID", "HTTPS",
      "HTTP", "JSON", "REST", "API", "APIs", "SDK", "OAuth", "ATT", "ePrivacy", "HIPAA", "CSV", "XML", "SQL", "HTML5", "HTML",
      "AMP", "VAST", "VPAID", "MRAID", "OpenRTB", "SSL", "TLS", "IPv6", "IPv4", "Bluetooth", "BLE", "NFC", "Wi-Fi", "GPS");
  /** "A and B are supported (out of the box)": integrations as a subject list. */
  private static final Pattern ARE_SUPPORTED = Pattern.compile("\\s+(?:are|is)\\s+(?:also\\s+|all\\s+|fully\\s+|natively\\s+)?"
      + "supported\\b(?!\\s+by)");
  /** "Y is the owner of X", "Z is the parent company of Y". */
  private static final Pattern OWNER_OF = Pattern.compile("\\s+(?:is|became|remains|has been)\\s+(?:now\\s+|also\\s+)?(?:the\\s+)?"
      + "(?:(?:sole|majority|current|new|ultimate|controlling)\\s+)?(?:owner|parent(?:\\s+company|\\s+group)?|holding company)"
      + "\\s+of\\s+");
  /** "Yahoo's acquisition of Flurry", "after Y's $50 million purchase of X". */
  private static final Pattern ACQUISITION_OF = Pattern.compile("(?:([\\p{Lu}][\\p{L}\\p{N}&.-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}&.-]*){0,3})"
      + "['’]s|\\b(?:its|their))\\s+(?:[^\\s]+\\s+){0,3}?(?:acquisition|purchase|takeover)\\s+of\\s+");
  private static final Set<String> NOT_OWNER_ADJECTIVES = Set.of("Family", "State", "Government", "Employee", "Founder",
      "Founders", "Venture", "VC", "Crowd", "Community", "Team", "Management", "Partner", "Investor", "Private", "Public",
      "Privately", "Publicly", "Majority", "Minority", "Wholly", "Fully", "Self", "Angel", "Bank", "Foreign", "Chinese",
      "American", "European", "US", "UK", "EU");
  /** "the Verizon-owned Oath", "Google-backed Examplytics". */
  private static final Pattern OWNED_ADJECTIVE = Pattern.compile("([\\p{Lu}][\\p{L}\\p{N}]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}]*)?)-"
      + "(owned|controlled|backed|funded)\\s+");

  /** "X is a portfolio company of A", "one of A's portfolio companies": A invested. */
  private static final Pattern PORTFOLIO = Pattern.compile("\\bportfolio\\s+compan(?:y|ies)\\s+of\\s+|([\\p{Lu}][\\p{L}\\p{N}&.-]*"
      + "(?:\\s+[\\p{Lu}][\\p{L}\\p{N}&.-]*){0,3})['’]s?\\s+portfolio\\b");
  /** "Its biggest customer is A", "Examplytics's lead investor is B". */
  private static final Pattern SINGULAR_KIND = Pattern.compile("\\b((?i:its|the company['’]s)|[\\p{Lu}][\\p{L}\\p{N}&.-]*(?:\\s+[\\p{Lu}]"
      + "[\\p{L}\\p{N}&.-]*){0,3}['’]s?)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(customer|client|partner|investor|backer|shareholder|"
      + "integration)\\s+(?:is|has long been|has been)\\s+");

  /** The wordings of each family besides the main triggers: each gated by a word it needs. */
  private static void moreWordings(String s, String lower, LabelledText t, Draft d, Self self) {
    if (lower.contains("stake") || lower.contains("share") || lower.contains("holding") || lower.contains("interest in")) {
      Matcher m = STAKE.matcher(s);
      while (m.find()) {
        if (isSelfObject(s, m.end(), self) && !hedged(s, m.start(), false)) {
          subjectListBefore(s, m.start(), Relationship.Kind.INVESTOR, t, d, self, 1);
        }
      }
    }
    if (lower.contains("partnered") || lower.contains("teamed up") || lower.contains("joined forces") || lower.contains("formed")
        || lower.contains("signed") || lower.contains("announced") || lower.contains("struck") || lower.contains("entered into")) {
      Matcher m = PARTNERED.matcher(s);
      while (m.find()) {
        if (hedged(s, m.start(), true)) {
          continue;
        }
        int start = clauseStart(s, m.start());
        String subject = LEADING_ADVERBIAL.matcher(s.substring(start, m.start()).trim()).replaceFirst("");
        List<String> names = list(subject, 0);
        if (names.size() >= 2 && names.stream().anyMatch(self::isSelf)) {
          subjectList(subject, Relationship.Kind.PARTNER, s, t, d, self, 2);
        }
      }
    }
    if (lower.contains("customer") || lower.contains("client") || lower.contains("partner") || lower.contains("investor")
        || lower.contains("backer") || lower.contains("shareholder") || lower.contains("licensee")) {
      Matcher m = KIND_CLOSES.matcher(s);
      while (m.find()) {
        Relationship.Kind kind = kindOf(m.group(1));
        if (kind != null && kind != Relationship.Kind.INTEGRATION && !hedged(s, m.start(), true)) {
          subjectListBefore(s, m.start(), kind, t, d, self, 1);
        }
      }
      Matcher o = KIND_OF_SELF.matcher(s);
      while (o.find()) {
        Relationship.Kind kind = kindOf(o.group(1).toLowerCase(Locale.ROOT));
        if (kind != null && isSelfRef(o.group(2), self) && !hedged(s, o.start(), true)) {
          addAll(d, self, kind, list(s, o.end()), t, s);
        }
      }
    }
    if (lower.contains("portfolio")) {
      Matcher m = PORTFOLIO.matcher(s);
      while (m.find()) {
        if (hedged(s, m.start(), false)) {
          continue;
        }
        if (m.group(1) == null) {  // "a portfolio company of A": said of the tracker
          if (selfClause(s, m.start(), self)) {
            addAll(d, self, Relationship.Kind.INVESTOR, list(s, m.end()), t, s);
          }
        } else if (!NOT_NAMES.contains(m.group(1).split("\\s+")[0]) && selfClause(s, m.start(), self)) {
          add(d, self, new Relationship(Relationship.Kind.INVESTOR, m.group(1), t.label(), t.citations(), t.line(), s));
        }
      }
    }
    if (lower.contains(" is ") || lower.contains(" has been ") || lower.contains(" has long been ")) {
      Matcher m = SINGULAR_KIND.matcher(s);
      while (m.find()) {
        String whose = m.group(1).replaceAll("['’]s?$", "");
        if (!(whose.equalsIgnoreCase("its") || whose.equalsIgnoreCase("the company") || self.isSelf(whose))
            || hedged(s, m.start(), true)) {
          continue;  // "Contoso's biggest customer is …": someone else's
        }
        Relationship.Kind kind = kindOf(m.group(2).toLowerCase(Locale.ROOT));
        Name n = name(s, m.end());
        if (kind != null && n != null) {
          add(d, self, new Relationship(kind, n.name(), t.label(), t.citations(), t.line(), s));
        }
      }
    }
    if (lower.contains("serve") || lower.contains("power") || lower.contains("suppl") || lower.contains("works for")) {
      Matcher m = SERVES.matcher(s);
      while (m.find()) {
        if (selfClause(s, m.start(), self) && !hedged(s, m.start(), true)) {
          addAll(d, self, Relationship.Kind.CUSTOMER, list(s, m.end()), t, s);
        }
      }
    }
    if (lower.contains(" in ") || lower.contains(" inside ") || lower.contains(" within ")) {
      Matcher m = SHIPS_INSIDE.matcher(s);
      while (m.find()) {
        if (selfClause(s, m.start(), self) && !hedged(s, m.start(), true)) {
          List<String> names = new ArrayList<>(list(s, m.end()));
          names.removeIf(n -> Countries.code(n) != null || Countries.ofCity(n) != null);  // "runs in Europe", "in Germany"
          addAll(d, self, Relationship.Kind.CUSTOMER, names, t, s);
        }
      }
    }
    if (lower.contains(" in ") || lower.contains(" inside ") || lower.contains(" within ") || lower.contains(" on ")
        || lower.contains(" into ")) {
      Matcher m = IN_APPS.matcher(s);
      while (m.find()) {
        if (selfClause(s, m.start(), self) && !hedged(s, m.start(), true)) {
          addAll(d, self, Relationship.Kind.CUSTOMER, list(s, m.end()), t, s);
        }
      }
    }
    if (lower.contains("support") || lower.contains("export") || lower.contains("flow") || lower.contains("adapter")
        || lower.contains("hands off")) {
      Matcher m = SUPPORTS.matcher(s);
      while (m.find()) {
        if (!selfClause(s, m.start(), self) || hedged(s, m.start(), true)) {
          continue;
        }
        List<String> names = new ArrayList<>(list(s, m.end()));
        names.removeIf(NOT_INTEGRATIONS::contains);  // "supports GDPR and TCF": standards, not products
        addAll(d, self, Relationship.Kind.INTEGRATION, names, t, s);
      }
      Matcher a = ARE_SUPPORTED.matcher(s);
      while (a.find()) {
        if (!hedged(s, a.start(), true)) {
          subjectListBefore(s, a.start(), Relationship.Kind.INTEGRATION, t, d, self, 1);
        }
      }
    }
    if (lower.contains("owner of") || lower.contains("parent") || lower.contains("holding company")) {
      Matcher m = OWNER_OF.matcher(s);
      while (m.find()) {
        if (hedged(s, m.start(), false)) {
          continue;
        }
        String owner = self.subjectOf(s.substring(clauseStart(s, m.start()), m.start()));
        if (owner == null || Self.SELF.equals(owner)) {
          continue;
        }
        String rest = s.substring(m.end());
        Name owned = name(s, m.end());
        String o = SELF_PRONOUN_OBJECT.matcher(rest).lookingAt() ? Self.SELF
            : owned == null ? null : self.isSelf(owned) ? Self.SELF : owned.name();
        if (o != null) {
          addOwner(d, self, o, owner, s, t);
        }
      }
    }
    if (lower.contains("acquisition of") || lower.contains("purchase of") || lower.contains("takeover of")) {
      Matcher m = ACQUISITION_OF.matcher(s);
      while (m.find()) {
        if (hedged(s, m.start(), false)) {
          continue;  // "its planned acquisition of …"
        }
        String buyer = m.group(1);
        if (buyer == null) {  // "Norrsken Digital completed its acquisition of X": the clause's subject
          buyer = leadingName(s.substring(clauseStart(s, m.start()), m.start()), self);
          if (buyer == null) {
            continue;
          }
        } else if (NOT_NAMES.contains(buyer.split("\\s+")[0])) {
          continue;
        }
        buyer = Self.SELF.equals(buyer) || self.isSelf(buyer) ? self.name : buyer;
        String acquired;
        int after;
        Name n = name(s, m.end());
        if (selfNameAt(s, m.end(), self)) {
          acquired = Self.SELF;
          after = n != null ? n.end() : m.end();
        } else if (n != null) {
          acquired = n.name();
          after = n.end();
        } else {
          continue;
        }
        addAcquisition(d, self, acquired, buyer, s, m.start(), after, t);
      }
    }
    if (lower.contains("-owned") || lower.contains("-controlled") || lower.contains("-backed") || lower.contains("-funded")) {
      Matcher m = OWNED_ADJECTIVE.matcher(s);
      while (m.find()) {
        Name n = name(s, m.end());
        String holder = m.group(1);
        if (NOT_NAMES.contains(holder.split("\\s+")[0]) && holder.indexOf(' ') > 0) {
          holder = holder.substring(holder.indexOf(' ') + 1);  // "The Verizon-owned Oath"
        }
        if (n == null || hedged(s, m.start(), false) || NOT_NAMES.contains(holder) || NOT_OWNER_ADJECTIVES.contains(holder)) {
          continue;  // "Family-owned", "Venture-backed": no organisation
        }
        boolean selfNamed = self.isSelf(n);
        if (m.group(2).equals("owned") || m.group(2).equals("controlled")) {
          addOwner(d, self, selfNamed ? Self.SELF : n.name(), holder, s, t);
        } else if (selfNamed) {
          add(d, self, new Relationship(Relationship.Kind.INVESTOR, holder, t.label(), t.citations(), t.line(), s));
        }
      }
    }
  }

  /** "Among the apps that ship X are A and B", "Among its clients are A": the kind from the phrase. */
  private static void among(String s, LabelledText t, Draft d, Self self) {
    Matcher m = AMONG.matcher(s);
    if (!m.find() || hedged(s, m.end(), true)) {
      return;
    }
    String determiner = m.group(1);
    String phrase = m.group(2);
    if ((determiner.endsWith("'s") || determiner.endsWith("’s")) && !self.isSelf(determiner)) {
      return;  // "Among Contoso's clients are …": another company's
    }
    Relationship.Kind kind;
    Matcher rel = AMONG_RELATIVE.matcher(phrase);
    if (rel.find()) {
      if (!isSelfRef(rel.group(1), self)) {
        return;  // "Among the apps that use Rival SDK are …"
      }
      kind = Relationship.Kind.CUSTOMER;
    } else {
      kind = kindOf(phrase);
      if (kind == null) {
        return;  // "Among its competitors are …"
      }
    }
    addAll(d, self, kind, list(s, m.end()), t, s);
  }

  private static final Pattern AMONG_RELATIVE = Pattern.compile("\\b(?:that|which|who)\\s+(?:already\\s+|now\\s+|currently\\s+)?"
      + USE_VERBS + "\\s+(.+)$");

  /** The relationship a phrase's head noun names ("biggest accounts" → customer), or null. */
  private static Relationship.Kind kindOf(String phrase) {
    Matcher k = KIND_WORD.matcher(phrase);
    if (!k.find()) {
      return null;
    }
    String w = k.group(1).toLowerCase(Locale.ROOT);
    return w.startsWith("client") ? Relationship.Kind.CLIENT
        : w.startsWith("partner") ? Relationship.Kind.PARTNER
        : w.startsWith("investor") || w.startsWith("backer") || w.startsWith("shareholder") ? Relationship.Kind.INVESTOR
        : w.startsWith("integration") ? Relationship.Kind.INTEGRATION : Relationship.Kind.CUSTOMER;
  }

  private static final Pattern KIND_WORD = Pattern.compile("^(?:[\\p{Ll}-]+\\s+){0,2}?" + KIND_NOUNS + "$");

  /** "it", "the pixel", "its SDK", the tracker's name: a reference to the tracker. */
  private static boolean isSelfRef(String ref, Self self) {
    String r = ref.trim();
    return r.equals("it") || SELF_OBJECT.matcher(r).find() || SELF_PRONOUN_OBJECT.matcher(r).matches()
        || self.isSelf(r.replaceAll("['’]s\\s+.*$", ""));
  }

  /** "Retailers that rely on the pixel range from A to B", "apps that embed Ornith include A and B". */
  /**
   * Whether {@code lower} could hold what USERS_RELATIVE and USERS_PARTICIPLE end with: whitespace, then "include…",
   * "are", "were", "range from", "such as" or "like". Exact when a space is the only whitespace in the sentence.
   */
  static boolean listWordAfterSpace(String lower) {
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c != ' ' && Character.isWhitespace(c) && c <= ' ') {
        return true;  // a tab, line break …: let the expressions decide
      }
    }
    return lower.contains(" includ") || lower.contains(" are") || lower.contains(" were") || lower.contains(" range from")
        || lower.contains(" such as") || lower.contains(" like");
  }

  private static void usersRelative(String s, LabelledText t, Draft d, Self self) {
    usersRelative(s, USERS_RELATIVE.matcher(s), t, d, self);
    usersRelative(s, USERS_PARTICIPLE.matcher(s), t, d, self);
  }

  private static void usersRelative(String s, Matcher m, LabelledText t, Draft d, Self self) {
    while (m.find()) {
      String noun = m.group(1).toLowerCase(Locale.ROOT);
      if (NOT_USERS.contains(noun) || !isSelfRef(m.group(2), self) || hedged(s, m.start(), true)) {
        continue;
      }
      List<String> names = m.group().toLowerCase(Locale.ROOT).contains("range from") ? rangeList(s, m.end()) : list(s, m.end());
      addAll(d, self, Relationship.Kind.CUSTOMER, names, t, s);
    }
  }

  /** Nouns before "that use it …" that are not its users. */
  private static final Set<String> NOT_USERS = Set.of("competitors", "rivals", "trackers", "sdks", "libraries", "tools",
      "products", "services", "alternatives", "companies", "firms", "vendors", "networks", "platforms", "researchers", "studies",
      "reports", "regulators", "authorities");

  /** "It counts A among its accounts", "counts among its customers A and B", "has signed A and B as clients". */
  private static void listThenKind(String s, LabelledText t, Draft d, Self self) {
    Matcher c = COUNTS_AMONG.matcher(s);
    while (c.find()) {
      Relationship.Kind kind = kindOf(c.group(1));
      if (kind != null && selfClause(s, c.start(), self) && !hedged(s, c.start(), true)) {
        addAll(d, self, kind, list(s, c.end()), t, s);
      }
    }
    Matcher v = LIST_THEN_KIND.matcher(s);
    while (v.find()) {
      List<Name> names = names(s, v.end());
      if (names.isEmpty()) {
        // "counts several large publishers among its customers, including A and B"
        Matcher later = KIND_THEN_LIST.matcher(s).region(v.end(), s.length());
        if (later.lookingAt() && kindOf(later.group(1)) != null && selfClause(s, v.start(), self)
            && !hedged(s, v.start(), true)) {
          Relationship.Kind kind = kindOf(later.group(1));
          addAll(d, self, kind, list(s, later.end()), t, s);
        }
        continue;
      }
      Matcher as = AS_KIND.matcher(s).region(names.get(names.size() - 1).end(), s.length());
      if (!as.lookingAt()) {
        continue;
      }
      Relationship.Kind kind = kindOf(as.group(1));
      if (kind == null || !selfClause(s, v.start(), self) || hedged(s, v.start(), true)) {
        continue;
      }
      for (Name n : names) {
        add(d, self, new Relationship(kind, n.name(), t.label(), t.citations(), t.line(), s));
      }
    }
  }

  /**
   * "A signed on in 2021", "B came on board as a client", "C became a customer": the clause's subject joins. Without
   * a kind named, a customer only in a sentence about customers.
   */
  private static void signedOn(String s, String lower, LabelledText t, Draft d, Self self) {
    Matcher m = SIGNED_ON.matcher(s);
    while (m.find()) {
      Relationship.Kind kind;
      if (m.group(2) != null) {
        kind = kindOf(m.group(2));
      } else if (m.group(1) != null && CUSTOMER_CONTEXT.matcher(lower).find()) {
        kind = Relationship.Kind.CUSTOMER;
      } else {
        continue;  // "Jane Doe joined in 2019", "Foo signed on as CTO"
      }
      if (kind == null || hedged(s, m.start(), true)) {
        continue;
      }
      Matcher after = AS_SOMETHING.matcher(s).region(m.end(), s.length());
      if (m.group(2) == null && after.lookingAt()) {
        continue;  // "signed on as chief technology officer"
      }
      subjectListBefore(s, m.start(), kind, t, d, self, 1);
    }
  }

  private static final Pattern CUSTOMER_CONTEXT = Pattern.compile("\\b(?:customers?|clients?|accounts?|users?|advertisers?|"
      + "publishers?|retailers?|merchants?|brands?|licensees?)\\b");
  private static final Pattern AS_SOMETHING = Pattern.compile("\\s+as\\b");

  /** "A led its Series B", "B put in a further $20 million": the subject list of the verb, not the tracker. */
  private static void subjectsBefore(String s, Pattern verb, Relationship.Kind kind, LabelledText t, Draft d, Self self) {
    Matcher m = verb.matcher(s);
    while (m.find()) {
      if (hedged(s, m.start(), false)) {
        continue;
      }
      if (verb == ROUND_SUBJECT && m.group(1) != null && (m.group(1).endsWith("'s") || m.group(1).endsWith("’s"))
          && !self.isSelf(m.group(1))) {
        continue;  // "led Contoso's Series A": another company's round
      }
      if ((verb == PUT_IN || verb == ROUND_SUBJECT) && INTO_OTHER.matcher(s.substring(m.end())).find()) {
        String rest = s.substring(m.end());
        Matcher into = INTO_OTHER.matcher(rest);
        into.find();
        Name target = name(rest, into.end());
        if (target != null && !self.isSelf(target)) {
          continue;  // "put $5 million into Contoso"
        }
      }
      subjectListBefore(s, m.start(), kind, t, d, self, 1);
    }
  }

  private static final Pattern INTO_OTHER = Pattern.compile("^[^,;]{0,40}?\\b(?:into|in)\\s+");

  /** "The SDK connects to A, B and C", "it can feed its data into B": integrations, when the tracker is the subject. */
  private static void integrationVerbs(String s, LabelledText t, Draft d, Self self) {
    Matcher m = INTEGRATION_VERBS.matcher(s);
    while (m.find()) {
      if (!selfClause(s, m.start(), self) || hedged(s, m.start(), true)) {
        continue;
      }
      addAll(d, self, Relationship.Kind.INTEGRATION, list(s, m.end()), t, s);
    }
  }

  /** Each name a relationship of the given kind, read from the sentence {@code s}. */
  private static void addAll(Draft d, Self self, Relationship.Kind kind, List<String> names, LabelledText t, String s) {
    for (String name : names) {
      add(d, self, new Relationship(kind, name, t.label(), t.citations(), t.line(), s));
    }
  }

  private static void add(Draft d, Self self, Relationship r) {
    if (self.isSelf(r.name())) {
      return;
    }
    String k = key(r.name());
    for (Relationship x : d.relationships) {
      if (x.kind() == r.kind() && key(x.name()).equals(k)) {
        return;
      }
    }
    d.relationships.add(r);
  }

  // ------------------------------------------------------------------ owners and parent chains

  private static void owners(String s, LabelledText t, Draft d, Self self) {
    // "Yahoo's Flurry is …": the possessive owner of the tracker, at the start of the sentence
    Matcher p = POSSESSIVE_START.matcher(s);
    if (p.find()) {
      Name owner = name(p.group(1), 0);
      if (owner != null && owner.end() == p.group(1).length() && self.isSelf(p.group(2))) {
        addOwner(d, self, null, owner.name(), s, t);
      }
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("owns") || lower.contains("controls") || lower.contains("stake in") || lower.contains("interest in")) {
      activeOwners(s, t, d, self);
    }
    if (lower.contains("parent") || lower.contains("owner") || lower.contains("holding company")) {
      parentIs(s, t, d, self);
    }
    if (!mayStateOwner(lower)) {
      return;
    }
    Matcher m = OWNED.matcher(s);
    String previousOwner = null;
    int previousEnd = -1;
    while (m.find()) {
      Name owner = name(s, m.end());
      if (owner == null || hedged(s, m.start(), false)) {
        continue;
      }
      String before = s.substring(0, m.start());
      String subject;
      if (m.group().startsWith(",") || m.group().startsWith("(")) {
        subject = trailingName(before);  // "Oath (a subsidiary of Verizon)"
      } else if (RELATIVE_CLOSED.matcher(before).matches() && self.subjectOf(before) != null) {
        subject = self.subjectOf(before);  // "Contoso, which bought it in 2016, is itself owned by Z": Contoso
      } else if (WHICH_BEFORE.matcher(before).find()) {
        // "… part of Y, which is owned by Z": Z owns the last organisation named before "which"
        String named = trailingName(WHICH_BEFORE.matcher(before).replaceFirst(""));
        // "Fabrikam, in turn, is a subsidiary of Z": no name before the comma, the sentence's subject
        subject = named != null ? named : previousOwner != null ? previousOwner : self.subjectOf(before);
      } else {
        subject = self.subjectOf(before);
        if (subject == null) {
          subject = ownerReference(before.substring(clauseStart(s, m.start())), d);  // "The buyer is controlled by Z"
        }
      }
      if (subject != null) {
        addOwner(d, self, subject, owner.name(), s, t);
      }
      previousOwner = owner.name();
      previousEnd = owner.end();
    }
  }

  /**
   * "The buyer", "Its parent company", "Its new owner, Foo,": the owner of the tracker named before (its latest
   * buyer, else its stated owner), or the name given; null when the words are no such reference.
   */
  private static String ownerReference(String subjectText, Draft d) {
    String b = LEADING_ADVERBIAL.matcher(subjectText.trim()).replaceFirst("");
    Matcher r = OWNER_REFERENCE.matcher(b);
    if (!r.matches()) {
      return null;
    }
    if (r.group(1) != null) {
      Name n = name(r.group(1).trim(), 0);
      return n == null ? null : n.name();
    }
    for (int i = d.acquisitions.size() - 1; i >= 0; i--) {
      if (d.acquisitions.get(i).acquired() == null) {
        return d.acquisitions.get(i).acquirer();
      }
    }
    return d.owners.isEmpty() ? null : d.owners.get(d.owners.size() - 1).name();
  }

  /**
   * The subject of a clause that goes on with its verb ("Ibis Media completed its …"): {@link Self#subjectOf}, else
   * the capitalised words it opens with when a verb in -ed or -s follows them; null when neither.
   */
  private static String leadingName(String clause, Self self) {
    String subject = self.subjectOf(clause);
    if (subject != null) {
      return subject;
    }
    String b = LEADING_ADVERBIAL.matcher(clause.trim()).replaceFirst("");
    Matcher run = CAPITALISED_RUN.matcher(b);
    if (!run.lookingAt() || NOT_NAMES.contains(b.split("\\s+")[0])) {
      return null;
    }
    Matcher verb = VERB_NEXT.matcher(b).region(run.end(), b.length());
    return verb.lookingAt() ? (self.isSelf(run.group()) ? Self.SELF : run.group()) : null;
  }

  private static final Pattern VERB_NEXT = Pattern.compile("\\s+(?:has\\s+|had\\s+|have\\s+)?\\p{Ll}+(?:ed|s)\\b");

  /** "Kvarn Holding owns Norrsken Digital", "Foo holds a majority stake in it": the subject owns the object. */
  private static void activeOwners(String s, LabelledText t, Draft d, Self self) {
    Matcher m = OWNS.matcher(s);
    while (m.find()) {
      if (hedged(s, m.start(), false)) {
        continue;
      }
      String owner = self.subjectOf(s.substring(clauseStart(s, m.start()), m.start()));
      if (owner == null || Self.SELF.equals(owner)) {
        continue;  // what the tracker's company owns is no fact about its owners
      }
      String rest = s.substring(m.end());
      String owned;
      if (SELF_PRONOUN_OBJECT.matcher(rest).lookingAt()) {
        owned = Self.SELF;
      } else {
        Name n = name(s, m.end());
        if (n == null) {
          continue;
        }
        owned = self.isSelf(n) ? Self.SELF : n.name();
      }
      addOwner(d, self, owned, owner, s, t);
    }
  }

  /** "Its parent company is Y", "X's owner is Y", "Its parent, Y, …": Y owns the tracker (or X). */
  private static void parentIs(String s, LabelledText t, Draft d, Self self) {
    Matcher m = PARENT_IS.matcher(s);
    while (m.find()) {
      Name owner = name(s, m.end());
      if (owner == null || hedged(s, m.start(), false)) {
        continue;
      }
      String whose = m.group(1);
      String owned;
      if (whose.equalsIgnoreCase("its") || whose.equalsIgnoreCase("their")) {
        String subject = self.subjectOf(s.substring(clauseStart(s, m.start()), m.start()));
        // "Its parent company is Y" opens a sentence (or follows the tracker as subject); else "its" is someone else's
        if (!(s.substring(clauseStart(s, m.start()), m.start()).isBlank() || Self.SELF.equals(subject))) {
          continue;
        }
        owned = Self.SELF;
      } else {
        owned = whose.replaceAll("['’]s$", "");
        owned = self.isSelf(owned) ? Self.SELF : owned;
      }
      addOwner(d, self, owned, owner.name(), s, t);
    }
  }

  private static final Pattern PARENT_IS = Pattern.compile("\\b([Ii]ts|[Tt]heir|[\\p{Lu}][\\p{L}\\p{N}]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}]*){0,3}['’]s)"
      + "\\s+(?:ultimate\\s+|current\\s+|new\\s+)?(?:parent(?:\\s+company|\\s+group)?|owner|holding company)"
      + "(?:\\s+is|\\s*,|(?=\\s+(?:the\\s+)?[\\p{Lu}]))\\s+");

  private static final Pattern SELF_PRONOUN_OBJECT = Pattern.compile("(?:it|the company|the firm|the startup)\\b");

  /** subject owned by owner: an owner of the company when subject is the tracker ({@link Self#SELF}), else a chain link. */
  /** Whether {@link #OWNED} can match at all: every one of its forms has one of these words. */
  private static boolean mayStateOwner(String lower) {
    for (String w : OWNER_WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] OWNER_WORDS = {"owned", "controlled", "subsidiary", "division", "unit", "service", "brand",
      "part", "daughter", "affiliate", "belong", "arm"};

  private static void addOwner(Draft d, Self self, String subject, String owner, String s, LabelledText t) {
    if (self.isSelf(owner)) {
      return;
    }
    if (subject == null || subject.equals(Self.SELF) || self.isSelf(subject)) {
      String k = key(owner);
      if (d.owners.stream().noneMatch(o -> key(o.name()).equals(k))) {
        d.owners.add(new OrgMention(owner, t.label(), t.citations(), t.line(), s));
      }
      return;
    }
    String ks = key(subject);
    String ko = key(owner);
    if (ks.equals(ko) || d.ownerships.stream().anyMatch(o -> key(o.owned()).equals(ks) && key(o.owner()).equals(ko))) {
      return;
    }
    d.ownerships.add(new Ownership(subject, owner, s, t.citations(), t.line()));
  }

  // ------------------------------------------------------------------ acquisitions

  private static void acquisitions(String s, LabelledText t, Draft d, Self self) {
    // "X was sold to Y (in YEAR)", "Y sold X to Z": a sale is an acquisition by its buyer
    Matcher sold = SOLD.matcher(s);
    while (sold.find()) {
      if (hedged(s, sold.start(), false)) {
        continue;
      }
      if (sold.group(1) != null) {  // passive: the clause's subject was sold
        Name buyer = name(s, sold.end());
        String before = s.substring(clauseStart(s, sold.start()), sold.start());
        String acquired = WHICH_BEFORE.matcher(before).find() ? trailingName(WHICH_BEFORE.matcher(before).replaceFirst(""))
            : self.subjectOf(before);
        if (buyer != null && acquired != null) {
          addAcquisition(d, self, acquired, buyer.name(), s, sold.start(), buyer.end(), t);
        }
      } else {  // active: "Y sold X to Z"
        String seller = self.subjectOf(s.substring(clauseStart(s, sold.start()), sold.start()));
        Name object = name(s, sold.end());
        String acquired = object != null ? (self.isSelf(object) ? Self.SELF : object.name())
            : SELF_PRONOUN_OBJECT.matcher(s.substring(sold.end())).lookingAt() ? Self.SELF : null;
        int after = object != null ? object.end() : s.indexOf(' ', sold.end());
        Matcher to = SOLD_TO_BUYER.matcher(s).region(Math.max(after, sold.end()), s.length());
        if (seller == null || acquired == null || !to.lookingAt()) {
          continue;
        }
        Name buyer = name(s, to.end());
        if (buyer != null) {
          addAcquisition(d, self, acquired, buyer.name(), s, sold.start(), buyer.end(), t);
        }
      }
    }
    Matcher m = ACQUIRED_BY.matcher(s);
    while (m.find()) {
      Name acquirer = name(s, m.end());
      if (acquirer == null || hedged(s, m.start(), false)) {
        continue;  // "was in talks to be acquired by …", "a rumoured sale"
      }
      String before = s.substring(0, m.start());
      String acquired = WHICH_BEFORE.matcher(before).find() ? trailingName(WHICH_BEFORE.matcher(before).replaceFirst(""))
          : self.subjectOf(before);
      if (acquired == null) {
        continue;
      }
      addAcquisition(d, self, acquired, acquirer.name(), s, m.end(), acquirer.end(), t);  // "acquired in 2020 by Y"
    }
    Matcher a = ACQUIRED.matcher(s);
    while (a.find()) {
      if (hedged(s, a.start(), false)) {
        continue;
      }
      String before = s.substring(clauseStart(s, a.start()), a.start());
      String buyer = self.subjectOf(before);
      if (buyer == null) {
        continue;
      }
      String objectText = s.substring(a.end());
      String acquired;
      Name object = name(s, a.end());
      int end;
      if (object != null) {
        acquired = object.name();
        end = object.end();
      } else if (objectText.matches("(?i)^(?:it|the company)\\b.*")) {
        acquired = Self.SELF;
        end = a.end() + objectText.indexOf(' ') + 1;
      } else {
        continue;
      }
      if (buyer.equals(Self.SELF)) {
        buyer = self.name;
      }
      addAcquisition(d, self, acquired, buyer, s, a.start(), end, t);
    }
  }

  private static void addAcquisition(Draft d, Self self, String acquired, String acquirer, String s, int verbAt, int after,
      LabelledText t) {
    boolean selfAcquired = acquired.equals(Self.SELF) || self.isSelf(acquired);
    if (key(acquired).equals(key(acquirer)) || selfAcquired && self.isExactlySelf(acquirer)) {
      return;  // "OpenCensus and OpenTracing merged into OpenTelemetry", profiled as one tracker
    }
    // the clause the deal is stated in: up to the next ';' (another fact may follow)
    int clauseEnd = s.indexOf(';', after);
    String clause = s.substring(after, clauseEnd < 0 ? s.length() : clauseEnd);
    Integer year = null;
    Matcher y = YEAR.matcher(clause);
    if (y.find()) {
      year = Integer.valueOf(y.group(1));
    } else {
      Matcher any = ANY_YEAR.matcher(s.substring(0, verbAt));
      Set<String> years = new HashSet<>();
      String last = null;
      while (any.find()) {
        years.add(any.group(1));
        last = any.group(1);
      }
      if (years.size() == 1) {
        year = Integer.valueOf(last);  // "On July 21, 2014 Yahoo bought Flurry"
      }
    }
    BigDecimal amount = null;
    String currency = null;
    String qualifier = null;
    Matcher p = PRICE.matcher(clause);
    if (p.find()) {
      qualifier = p.group(1) == null ? null : p.group(1).toLowerCase(Locale.ROOT).replaceFirst("^an? ", "");
      if (p.group(4) == null) {  // a range ("$200-300 million") is no one amount: the text keeps it
        amount = amount(p.group(3), p.group(5));
        currency = currency(p.group(2));
      }
    }
    String acq = selfAcquired ? null : acquired;
    for (Acquisition x : d.acquisitions) {
      if (key(x.acquirer()).equals(key(acquirer)) && (x.acquired() == null ? acq == null : acq != null && key(x.acquired()).equals(key(acq)))) {
        return;
      }
    }
    d.acquisitions.add(new Acquisition(acq, acquirer, year, amount, currency, qualifier, s, t.citations(), t.line()));
  }

  static BigDecimal amount(String number, String unit) {
    String n = AMOUNT_THOUSANDS.matcher(number).matches() ? number.replace(",", "") : number.replace(',', '.');
    BigDecimal factor = switch (unit == null ? "" : unit.toLowerCase(Locale.ROOT)) {
      case "million", "mn", "m" -> BigDecimal.valueOf(1_000_000);
      case "billion", "bn", "b" -> BigDecimal.valueOf(1_000_000_000);
      case "thousand", "k" -> BigDecimal.valueOf(1_000);
      default -> BigDecimal.ONE;
    };
    return new BigDecimal(n).multiply(factor).stripTrailingZeros().setScale(0, RoundingMode.HALF_UP);
  }

  static String currency(String symbol) {
    String c = symbol.trim().toUpperCase(Locale.ROOT);
    return c.contains("€") || c.equals("EUR") ? "EUR" : c.contains("£") || c.equals("GBP") ? "GBP" : "USD";
  }

  /**
   * An acquisition makes the acquirer an owner only where the document states no owner of that organisation
   * otherwise (a later sale would make an old acquirer a wrong owner), and only the latest acquisition of it.
   */
  private static void ownersFromAcquisitions(Draft d) {
    List<Acquisition> latest = new ArrayList<>();
    for (Acquisition a : d.acquisitions) {
      latest.removeIf(x -> sameAcquired(x, a) && (a.year() != null && (x.year() == null || x.year() < a.year())));
      if (latest.stream().noneMatch(x -> sameAcquired(x, a))) {
        latest.add(a);
      }
    }
    boolean companyOwned = !d.owners.isEmpty() || !d.ownerHints.isEmpty();
    for (Acquisition a : latest) {
      if (a.acquired() == null) {
        if (!companyOwned) {
          d.owners.add(new OrgMention(a.acquirer(), null, a.citations(), a.line(), a.passage()));
        }
      } else if (d.ownerships.stream().noneMatch(o -> key(o.owned()).equals(key(a.acquired())))) {
        d.ownerships.add(new Ownership(a.acquired(), a.acquirer(), a.passage(), a.citations(), a.line()));
      }
    }
  }

  private static boolean sameAcquired(Acquisition x, Acquisition a) {
    return x.acquired() == null ? a.acquired() == null : a.acquired() != null && key(x.acquired()).equals(key(a.acquired()));
  }

  // ------------------------------------------------------------------ headquarters

  private static void headquarters(String s, LabelledText t, Draft d, Self self) {
    Matcher m = HEADQUARTERS.matcher(s);
    if (!m.find()) {
      cityBased(s, t, d, self);
      return;
    }
    Matcher first = HEADQUARTERED_FIRST.matcher(s);
    String subject;
    if (first.find()) {
      subject = selfNameAt(s, first.end(), self) ? Self.SELF : SELF_SUBJECT.matcher(s.substring(first.end())).find() ? Self.SELF : null;
    } else {
      subject = self.subjectOf(s.substring(0, m.start()));
    }
    if (!Self.SELF.equals(subject)) {
      return;  // another organisation's seat ("Its parent company … is based in …")
    }
    List<String> parts = new ArrayList<>();
    int placeEnd = first.find(0) ? first.end() : s.length();  // "Headquartered in Toronto, Canada, Examplytics …"
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null && m.start(g) < placeEnd) {
        parts.add(m.group(g).replaceAll("[.]+$", ""));
      }
    }
    String last = parts.get(parts.size() - 1);
    String city = parts.size() > 1 ? parts.get(0) : null;
    String country;
    String code;
    if (US_STATES.contains(last) && parts.size() > 1) {
      country = "United States";
      code = "US";
    } else if ((last.length() > 2 || last.equals("UK") || last.equals("US")) && Countries.code(last) != null) {
      country = last;
      code = Countries.code(last);
    } else if (parts.size() == 1 && Countries.ofCity(last) != null) {
      code = Countries.ofCity(last);  // "based in Oslo": a well-known city names its country
      country = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      city = last;
    } else {
      return;  // a city alone, or a place not known as a country: not guessed
    }
    String text = s.substring(m.start(), m.end());
    d.location = new Location(country, code, city, text, t.citations(), t.line(), s);
  }

  /** "Examplytics is an Oslo-based company", "Oslo-based Examplytics": a well-known city or a country before "-based". */
  private static void cityBased(String s, LabelledText t, Draft d, Self self) {
    Matcher n = NATIONALITY.matcher(s);
    if (n.find() && DEMONYMS.containsKey(n.group(1)) && Self.SELF.equals(self.subjectOf(s.substring(0, n.start())))) {
      String code = DEMONYMS.get(n.group(1));
      d.location = new Location(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code, null, n.group(), t.citations(),
          t.line(), s);
      return;
    }
    Matcher m = CITY_BASED.matcher(s);
    while (m.find()) {
      String place = m.group(1);
      String code = Countries.ofCity(place) != null ? Countries.ofCity(place)
          : place.length() > 2 || place.equals("UK") || place.equals("US") ? Countries.code(place) : null;
      if (code == null) {
        continue;
      }
      boolean aboutSelf = selfNameAt(s, m.end(), self) || Self.SELF.equals(self.subjectOf(s.substring(0, m.start())))
          && IS_A_BEFORE.matcher(s.substring(0, m.start())).find();
      if (!aboutSelf) {
        continue;
      }
      String city = Countries.ofCity(place) != null ? place : null;
      String country = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      d.location = new Location(country, code, city, m.group(), t.citations(), t.line(), s);
      return;
    }
  }

  /** "Examplytics is a Norwegian company": the tracker's nationality names its country. */
  private static final Pattern NATIONALITY = Pattern.compile("\\b(?:is|was|remains)\\s+(?:now\\s+)?an?\\s+(\\p{Lu}\\p{Ll}+)\\s+"
      + "(?:[\\p{Ll}-]+\\s+){0,3}?(?:company|firm|startup|start-up|business|provider|vendor|developer|maker|group|network|"
      + "platform|scale-up|scaleup)\\b");
  private static final Map<String, String> DEMONYMS = Map.ofEntries(Map.entry("Norwegian", "NO"), Map.entry("Swedish", "SE"),
      Map.entry("Danish", "DK"), Map.entry("Finnish", "FI"), Map.entry("Icelandic", "IS"), Map.entry("German", "DE"),
      Map.entry("French", "FR"), Map.entry("Dutch", "NL"), Map.entry("Belgian", "BE"), Map.entry("Swiss", "CH"),
      Map.entry("Austrian", "AT"), Map.entry("Spanish", "ES"), Map.entry("Portuguese", "PT"), Map.entry("Italian", "IT"),
      Map.entry("Irish", "IE"), Map.entry("British", "GB"), Map.entry("Scottish", "GB"), Map.entry("English", "GB"),
      Map.entry("Polish", "PL"), Map.entry("Czech", "CZ"), Map.entry("Estonian", "EE"), Map.entry("Latvian", "LV"),
      Map.entry("Lithuanian", "LT"), Map.entry("Ukrainian", "UA"), Map.entry("Russian", "RU"), Map.entry("Turkish", "TR"),
      Map.entry("Israeli", "IL"), Map.entry("Indian", "IN"), Map.entry("Chinese", "CN"), Map.entry("Japanese", "JP"),
      Map.entry("Korean", "KR"), Map.entry("Singaporean", "SG"), Map.entry("Australian", "AU"), Map.entry("Canadian", "CA"),
      Map.entry("American", "US"), Map.entry("Brazilian", "BR"), Map.entry("Mexican", "MX"), Map.entry("Argentinian", "AR"),
      Map.entry("Greek", "GR"), Map.entry("Hungarian", "HU"), Map.entry("Romanian", "RO"), Map.entry("Croatian", "HR"));
  private static final Pattern CITY_BASED = Pattern.compile("([\\p{Lu}][\\p{L}.'’]*(?:\\s+[\\p{Lu}][\\p{L}.'’]*){0,2})-based\\b");
  /** "… is a / an " right before the place: the sentence says what the tracker is. */
  private static final Pattern IS_A_BEFORE = Pattern.compile("\\b(?:is|was|remains)\\s+(?:now\\s+)?(?:an?|the)\\s+$");

  // ------------------------------------------------------------------ names

  /** The list of names starting at {@code from}: it ends at the first item that is not a name. */
  static List<String> list(String s, int from) {
    return names(s, from).stream().map(Name::name).toList();
  }

  /** As {@link #list}, each name with where it ends. */
  static List<Name> names(String s, int from) {
    List<Name> out = new ArrayList<>();
    int i = from;
    while (out.size() < 200) {
      Name n = name(s, i);
      if (n == null) {
        break;
      }
      out.add(n);
      Matcher sep = LIST_SEPARATOR.matcher(s).region(n.end(), s.length());
      if (!sep.lookingAt()) {
        break;
      }
      i = sep.end();
    }
    return out;
  }

  /**
   * The organisation's name at {@code from} (after an optional "the"), or null when none starts there. An article
   * and a descriptive phrase ending in a common noun may come first: "the weather app Fjordcast", "the Swedish adtech
   * group Norrsken Digital" name Fjordcast and Norrsken Digital (the phrase says what they are).
   */
  static Name name(String s, int from) {
    Name n = bareName(s, from);
    if (n != null || from < 0 || from > s.length()) {
      return n;
    }
    Matcher a = DESCRIPTOR.matcher(s).region(from, s.length());
    if (!a.lookingAt()) {
      return null;
    }
    if (a.group(1) != null) {
      String[] words = a.group(1).trim().split("\\s+");
      for (String w : words) {
        if (NOT_DESCRIPTORS.contains(w.toLowerCase(Locale.ROOT))) {
          return null;  // "the company behind Foo", "the founder Jane Doe", "the parent of Foo": not Foo itself
        }
      }
      if (!DESCRIPTOR_NOUNS.matcher(words[words.length - 1]).matches()) {
        return null;  // "a big French Insurance Company (MMA)": an adjective, so no appositive naming one
      }
    }
    return bareName(s, a.end());
  }

  /** An article and up to five words, the last a lower-case noun, before a capitalised name. */
  private static final Pattern DESCRIPTOR = Pattern.compile("\\s*(?:[Tt]he\\s+likes\\s+of\\s+|(?:[Tt]he|[Aa]n?)\\s+"
      + "((?:[\\p{L}\\d-]+\\s+){0,4}?\\p{Ll}[\\p{Ll}-]*\\s+)(?=[\\p{Lu}\\d]|\\p{Ll}{1,3}\\p{Lu}))");
  /** The nouns that end an appositive before a name: what kind of organisation or product it is. */
  private static final Pattern DESCRIPTOR_NOUNS = Pattern.compile("(?:app|service|group|company|firm|network|bank|retailer|"
      + "publisher|studio|operator|carrier|fund|player|platform|startup|start-up|maker|developer|brand|chain|agency|exchange|"
      + "conglomerate|giant|holding|outlet|newspaper|broadcaster|marketplace|store|shop|site|website|game|provider|insurer|"
      + "telco|airline|vendor|producer|manufacturer|business|specialist|house|label|magazine|portal|tool|platform|engine|"
      + "investor|firm|lender|bookseller|grocer|supermarket|department|operator|subsidiary|unit|arm|venture|consortium|"
      + "partnership|trust|foundation|office|outfit|collective|cooperative|co-op|utility|university|hospital|charity|"
      + "organi[sz]ation|association|agency|ministry|broker|consultancy|integrator|reseller|distributor|mediator|"
      + "mediation|SDK|library|framework|suite|product|solution|system|CRM|DMP|SSP|DSP|SaaS)(?:e?s)?");
  /** Words that make a descriptive phrase about another organisation or a person, not an appositive of the name. */
  private static final Set<String> NOT_DESCRIPTORS = Set.of("of", "behind", "with", "from", "for", "to", "by", "in", "on",
      "at", "that", "which", "who", "whose", "and", "or", "but", "as", "its", "their", "his", "her", "owner", "owners",
      "parent", "maker", "makers", "creator", "creators", "founder", "founders", "co-founder", "rival", "rivals",
      "competitor", "competitors", "competing", "former", "ex", "previous", "old", "late", "ceo", "cto", "chief",
      "president", "director", "head", "manager", "engineer", "analyst", "investor", "journalist", "researcher",
      "researchers", "lawyer", "regulator", "court", "judge", "plaintiff", "defendant", "is", "was", "are", "were",
      "be", "been", "has", "have", "had", "not", "no", "same", "other", "another");

  private static Name bareName(String s, int from) {
    if (from < 0 || from > s.length()) {
      return null;
    }
    Matcher the = LEADING_THE.matcher(s).region(from, s.length());
    int i = the.lookingAt() ? the.end() : from;
    StringBuilder name = new StringBuilder();
    int words = 0;
    Matcher w = WORD.matcher(s);
    while (true) {
      w.region(i, s.length());
      if (!w.lookingAt()) {
        break;
      }
      String token = w.group();
      int end = w.end();
      // a sentence's final period is no part of the name; "Inc." and "N.V." keep theirs
      while (token.endsWith(".") && !ABBREVIATIONS.contains(token) && !INITIALS.matcher(token).matches()) {
        token = token.substring(0, token.length() - 1);
        end--;
      }
      if (token.endsWith("-") || token.isEmpty()) {
        break;
      }
      if (words == 0 && NOT_NAMES.contains(token)) {
        return null;
      }
      name.append(token);
      words++;
      i = end;
      Matcher c = CONNECTOR.matcher(s).region(i, s.length());
      Matcher sp = SPACE_THEN_WORD.matcher(s).region(i, s.length());
      if (c.lookingAt()) {
        name.append(s, i, c.end());
        i = c.end();
      } else if (sp.lookingAt() && !NAME_STOPS.contains(nextWord(s, sp.end()))) {
        name.append(' ');
        i = sp.end();
      } else {
        break;
      }
    }
    if (words == 0 || words > 7) {
      return null;
    }
    String n = name.toString().trim();
    Matcher legal = LEGAL_SUFFIX.matcher(s).region(i, s.length());
    if (legal.lookingAt()) {
      n = n + s.substring(i, legal.end());
      i = legal.end();
    }
    Matcher paren = PARENTHETICAL.matcher(s).region(i, s.length());
    if (paren.lookingAt()) {
      i = paren.end();  // "(NASDAQ: FB)", "(PSI)": said of the name, no part of it
    }
    if (!BOUNDARY.matcher(s).region(i, s.length()).lookingAt()) {
      return null;  // "the Yahoo Developer network suite": a name followed by a descriptive noun is none
    }
    if (n.matches("[\\d\\s.,]+") || n.length() < 2 || POSSESSIVE_INSIDE.matcher(n).find() && PRODUCT_LAST.matcher(n).find()) {
      return null;  // "Google's Universal Analytics SDK": a product of someone's, no organisation
    }
    return new Name(n, i);
  }

  private static final Pattern POSSESSIVE_INSIDE = Pattern.compile("['’]s\\s");
  private static final Pattern PRODUCT_LAST = Pattern.compile("\\b(?:SDKs?|APIs?|[Ll]ibrary|[Pp]lugin|[Pp]latform|[Aa]pp|"
      + "[Ss]ervice|[Kk]it|[Tt]ool|[Pp]roduct|[Ss]olution|[Ss]oftware|[Ee]ngine|[Mm]odule|[Ff]ramework)$");

  private static String nextWord(String s, int at) {
    int e = at;
    while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)))) {
      e++;
    }
    return s.substring(at, e);
  }

  /** The name that ends the text ("…, Millennial Media" → "Millennial Media"), or null. */
  static String trailingName(String before) {
    String b = before.replaceAll("\\s*\\([^()]*\\)\\s*$", "").replaceAll("[\\s,]+$", "");
    Matcher m = Pattern.compile("((?:[\\p{Lu}\\d][\\p{L}\\p{N}&'’.!-]*|\\p{Ll}{1,3}\\p{Lu}[\\p{L}\\p{N}]*)"
        + "(?:\\s+(?:of|de|&)\\s+[\\p{Lu}][\\p{L}\\p{N}&'’.!-]*|\\s+[\\p{Lu}\\d][\\p{L}\\p{N}&'’.!-]*)*)$").matcher(b);
    if (!m.find()) {
      return null;
    }
    String n = m.group(1).replaceAll("^(?:\\d+,?\\s+)+", "").replaceAll("[.]$", "");
    String firstWord = n.split("\\s+")[0];
    if (NOT_NAMES.contains(firstWord)) {
      n = n.substring(firstWord.length()).trim();
    }
    return n.isEmpty() || n.matches("[\\d\\s.,]+") ? null : n;
  }

  /** Comparison key of a name: lower case, letters and digits, legal suffixes off. */
  static String key(String name) {
    String k = NON_ALNUM.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    k = k.startsWith("the ") ? k.substring(4) : k;
    return KEY_LEGAL_SUFFIX.matcher(k).replaceAll("");
  }

  /** Who "the tracker" is in its own document: its name and aliases, and the pronouns that stand for it. */
  static final class Self {
    static final String SELF = "\u0000self";
    final String name;
    private final List<String> keys = new ArrayList<>();

    Self(Draft d) {
      this.name = d.name;
      if (d.name != null) {
        keys.add(key(d.name));
      }
      d.aliases.forEach(a -> keys.add(key(a)));
      keys.removeIf(String::isEmpty);
    }

    /** The tracker's name or an alias exactly (not a longer or shorter form: "Twitter" is no "Twitter MoPub"). */
    boolean isExactlySelf(String candidate) {
      return keys.contains(key(candidate));
    }

    boolean isSelf(Name n) {
      return n != null && isSelf(n.name());
    }

    /** The tracker's name or an alias, or a longer or shorter form of it ("Umeng" for "Umeng Analytics"). */
    boolean isSelf(String candidate) {
      if (candidate == null) {
        return false;
      }
      if (candidate.equals(SELF)) {
        return true;
      }
      String k = key(candidate.replaceAll("['’]s$", ""));
      if (k.isEmpty()) {
        return false;
      }
      for (String s : keys) {
        if (k.equals(s) || s.startsWith(k + " ") || k.startsWith(s + " ") || s.endsWith(" " + k)) {
          return true;
        }
      }
      return false;
    }

    /** True when the clause before a verb is about the tracker: its subject is it, or names it ("The X platform"). */
    boolean isSelfSubject(String before) {
      if (RELATIVE_END.matcher(before).find()) {
        return false;  // "… IDs which are used by X": the relative clause is about something else
      }
      if (SELF.equals(subjectOf(before))) {
        return true;
      }
      String k = " " + key(before) + " ";
      return keys.stream().anyMatch(s -> k.contains(" " + s + " ")) && !before.contains(",");
    }

    /**
     * The subject of a clause given the text before its verb: {@link #SELF} for the tracker ("It", "The company",
     * its name), another organisation's name, or null when it reads as neither.
     */
    String subjectOf(String before) {
      String b = before.trim();
      for (int i = 0; i < 3; i++) {  // "On July 21, 2014 Yahoo …", "In 2007, Axel Springer …"
        b = LEADING_YEAR.matcher(LEADING_ADVERBIAL.matcher(b).replaceFirst("")).replaceFirst("");
      }
      String capitalised = b.isEmpty() ? b : Character.toUpperCase(b.charAt(0)) + b.substring(1);
      if (SELF_SUBJECT.matcher(capitalised).find()) {
        return SELF;  // also after a clause's "and": "…, and the SDK …"
      }
      Name n = name(b, 0);
      if (n == null) {
        return null;
      }
      if (n.name().endsWith("'s") || n.name().endsWith("’s")) {
        return null;  // "Flurry's product …": the subject is something of Flurry's
      }
      // the rest up to the verb is an apposition ("Omniture, originally an analytics company,") or a relative
      // clause ("Umeng is a company founded … and"): the sentence is still about its first name
      return isSelf(n.name()) ? SELF : n.name();
    }
  }
}
