package io.jenkins.plugins.retrogate.engine.wording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One explainable rule of the blame wording check: a pattern, what its subject must be (a person,
 * never a system), why it is blame, and the question a blameless retrospective asks instead. The
 * rules favour precision: a false accusation of blame costs more trust than a miss.
 */
public enum BlameRule {
    /** "human error", "operator error", "PEBKAC": a person named as the cause. */
    HUMAN_ERROR("(?<phrase>\\b(?:human|operator|pilot|user|engineer|developer)[ -]errors?\\b"
            + "(?!\\s+(?:codes?|pages?|messages?|responses?|status|class|rates?|counts?|handling))"
            + "|\\bPEB[CK]AC\\b|\\blayer[ -]8\\b|\\bbetween\\s+the\\s+keyboard\\s+and\\s+the\\s+chair\\b)",
            Subject.NONE, "names a person as the cause",
            "Ask what in the system let the mistake through: which check, guard rail or automation was missing?"),
    /** Words about a person's character or care: careless, negligent, lazy, sloppy… */
    CHARACTER("(?<phrase>\\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppiness"
            + "|lazy(?!\\s+(?:load|loading|loaded|init|initiali[sz]ation|evaluation|evaluated|fetch|fetching|val|list|sequence|stream|iterator))"
            + "|laziness|incompeten(?:t|tly|ce)|reckless(?:ly|ness)?|irresponsibl[ey]|stupid(?:ity|ly)?|idiot(?:ic|s)?"
            + "|clueless|inattenti(?:ve|veness|on)|(?:not|n't|never)\\s+paying\\s+attention|asleep\\s+at\\s+the\\s+wheel"
            + "|dropped\\s+the\\s+ball|(?:rookie|dumb|stupid|silly|careless)\\s+mistake|fat[- ]finger(?:ed|ing|s)?"
            + "|without\\s+(?:due\\s+)?care|lack\\s+of\\s+(?:diligence|care|attention|discipline|rigou?r|ownership)"
            + "|not\\s+(?:careful|vigilant|diligent|attentive)\\s+enough|be\\s+more\\s+(?:careful|attentive|diligent|vigilant)"
            + "|(?:didn't|did\\s+not)\\s+know\\s+what\\s+(?:he|she|they|I|we|you)\\s+(?:was|were|am|are)\\s+doing)\\b)",
            Subject.NONE, "judges a person's care or competence",
            "Describe the conditions instead: what made the wrong step easy and the right one hard?"),
    /** "should have known (better)", "should have been more careful": hindsight aimed at a person. */
    HINDSIGHT("(?<phrase>\\b(?:should(?:n't|\\s+not)?|ought\\s+to)\\s+have\\s+(?:known(?:\\s+better)?|been\\s+(?:more\\s+)?careful"
            + "|paid\\s+(?:more\\s+)?attention|reali[sz]ed|thought\\s+(?:of|about)\\s+it)\\b"
            + "|\\bshould\\s+never\\s+have\\s+been\\s+allowed\\b)",
            Subject.NONE, "is hindsight aimed at a person",
            "Ask what information was missing at the time, and how the system could have surfaced it."),
    /** A person who forgot, neglected, overlooked, messed up, did not bother…: the failure is theirs. */
    PERSON_FORGOT("(?<subject>" + Subjects.ANY + ")\\s+(?:(?:" + Subjects.ADVERBS + ")\\s+){0,2}"
            + "(?<phrase>(?:forgot|forgets|forgotten|had\\s+forgotten|neglected|neglects|overlooked|overlooks|ignored|ignores"
            + "|messed\\s+up|screwed\\s+up|botched|blundered|fumbled|fat-fingered|didn't\\s+bother|did\\s+not\\s+bother"
            + "|made\\s+(?:a|an|the)\\s+(?:mistake|error|typo|blunder)|mistakenly\\s+\\w+|accidentally\\s+\\w+"
            + "|carelessly\\s+\\w+|wrongly\\s+\\w+"
            + "|(?:pushed|merged|deployed|approved|released|shipped|clicked|ran\\s+it)(?:\\s+\\S+)?\\s+without\\s+"
            + "(?:a\\s+)?(?:review|reviewing|reading|testing|checking|approval|looking))(?:\\s+to\\s+(?<task>[^.;:!?,\\n]{3,80}))?)",
            Subject.PERSON, "makes a person the subject of the failure",
            null),
    /** Someone (a role, he/she, or a first name) who failed to, missed, broke, skipped, did not check… */
    PERSON_FAILED("(?<subject>" + Subjects.ANY + ")\\s+(?:(?:" + Subjects.ADVERBS + ")\\s+){0,2}"
            + "(?<phrase>(?:failed\\s+to\\s+(?<task>[^.;:!?,\\n]{3,80})|missed|broke|skipped|bypassed|deleted|disabled"
            + "|(?:didn't|did\\s+not|never)\\s+(?:check|test|read|follow|verify|notice|review|update|run|look\\s+at|wait|ask"
            + "|validate|double-check|think|escalate|communicate|tell)"
            + "|(?:deployed|pushed|merged|ran|applied|typed|entered|used|chose|picked|edited)\\s+(?:the|a|an)\\s+(?:wrong|incorrect|bad)"
            + ")"
            + "(?:\\s+(?:(?!\\b(?:and|but|so|then|while|because|which)\\b)[^.;:!?,\\n]){1,80})?)",
            Subject.NAMED_PERSON, "makes a person the subject of the failure",
            null),
    /** "Alice should have checked": what a person should have done, not what the system should do. */
    PERSON_SHOULD_HAVE("(?<subject>" + Subjects.ANY + ")\\s+(?<phrase>should(?:n't|\\s+not)?\\s+have\\s+"
            + "(?:checked|caught|noticed|tested|asked|read|verified|waited|double-checked|looked|reviewed|known|been))\\b",
            Subject.PERSON, "puts a person's choices at the centre",
            "Ask what the system should do so that nobody has to remember: which check could run on its own?"),
    /** "make sure Mark double-checks next time": the fix is a person trying harder, not a system. */
    PERSON_TRY_HARDER("(?<phrase>\\b(?:make\\s+sure|ensure|remind|tell|ask|get)\\s+(?<subject>" + Subjects.ANY + ")\\s+"
            + "(?:to\\s+)?(?:double-checks?|checks?|remembers?|is\\s+more\\s+careful|pays?\\s+(?:more\\s+)?attention|reads?|tests?"
            + "|be\\s+more\\s+careful|pay\\s+(?:more\\s+)?attention|remember|double-check)\\b)",
            Subject.NAMED_PERSON, "asks a person to try harder instead of changing the system",
            "Ask what could do the check every time: a test, a guard rail or automation, so nobody has to remember."),
    /** A failure done "by" a person: "was missed by the on-call", "deleted by Bob". */
    BY_PERSON("(?<phrase>\\b(?:forgotten|missed|overlooked|ignored|neglected|deleted|broken|skipped|botched|caused|introduced"
            + "|pushed|deployed)\\s+by\\s+(?<subject>" + Subjects.ANY + "))(?!\\s*'s?\\s+(?:script|job|pipeline|tool|bot))",
            Subject.NAMED_PERSON, "names a person as the one who failed",
            "Name the step and the system instead: what let the change through unchecked?"),
    /** "Bob's mistake", "the intern's fault", "his carelessness". */
    PERSONS_FAULT("(?<phrase>(?<subject>" + Subjects.ANY + "|his|her|their)(?:'s|'|’s)?\\s+"
            + "(?:(?:mistake|error|fault|typo|oversight|blunder|screw-?up|carelessness|negligence)\\b"
            + "|(?:change|commit|pull\\s+request|PR|deploy|push|query|migration|edit|script)\\s+"
            + "(?:took\\s+down|brought\\s+down|broke|crashed|killed|wiped|caused)\\b)"
            + "|\\b(?:mistake|error|typo|oversight|blunder|screw-?up)\\s+(?:made\\s+)?by\\s+(?<subject2>" + Subjects.ANY + "))",
            Subject.PERSON, "attributes the failure to a person",
            "Say which safeguard was missing rather than whose mistake it was."),
    /** Blame named outright: "blame the intern", "X is to blame", "because of Bob", "whoever broke it". */
    BLAME("(?<phrase>\\bblam(?:e|ed|es|ing)\\s+(?:it\\s+on\\s+|on\\s+|(?:lies|rests)\\s+with\\s+)?(?<subject>" + Subjects.ANY + ")"
            + "|\\b(?:retrain|re-train|discipline|reprimand|punish|fire|sack|write\\s+up)\\s+(?<subject4>" + Subjects.ANY + ")"
            + "|\\b(?:needs?|has|have)\\s+to\\s+answer\\s+for\\b|\\bheld\\s+(?:personally\\s+)?(?:accountable|responsible)\\s+for\\b"
            + "|(?<subject2>" + Subjects.ANY + ")\\s+(?:is|was|are|were)\\s+to\\s+blame"
            + "|\\bbecause\\s+of\\s+(?<subject3>" + Subjects.ANY + ")(?!\\s*'s?\\s+(?:script|job|pipeline|tool|bot))"
            + "|\\b(?:(?:the\\s+(?:person|one|people|engineer|developer|dev)\\s+(?:who|that)|whoever|who)\\s+"
            + "(?:forgot|broke|caused|messed\\s+up|screwed\\s+up|missed|deleted|is\\s+to\\s+blame)"
            + "|the\\s+(?:person|one|people|engineer|developer|dev)\\s+(?:who|that)\\s+(?:is|was|were)\\s+responsible))\\b",
            Subject.BLAMED, "looks for someone to blame",
            "Look for the system that needs improving rather than the person: what would have caught it?");

    private final Pattern pattern;
    private final Subject subject;
    private final String reason;
    @CheckForNull
    private final String suggestion; // null: asked about the task the match names

    BlameRule(String regex, Subject subject, String reason, @CheckForNull String suggestion) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.subject = subject;
        this.reason = reason;
        this.suggestion = suggestion;
    }

    /** The rule's name, as hints and the documentation show it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether a match of this rule's pattern is blame: its subject is a person, not a system. */
    boolean accepts(Matcher match, String text) {
        if (negated(text, match.start())) {
            return false;
        }
        return switch (subject) {
            case NONE -> true;
            case PERSON -> Subjects.isPerson(firstGroup(match, "subject", "subject2"), false);
            case NAMED_PERSON -> Subjects.isPerson(firstGroup(match, "subject", "subject2"), true);
            case BLAMED -> {
                String blamed = firstGroup(match, "subject", "subject2", "subject3", "subject4");
                yield blamed == null || Subjects.isPerson(blamed, false);
            }
        };
    }

    String reason() {
        return reason;
    }

    /** The question to ask instead; for a forgotten task, about that task. */
    String suggestion(Matcher match) {
        if (suggestion != null) {
            return suggestion;
        }
        String task = hasTask() ? match.group("task") : null;
        if (task != null && !task.isBlank()) {
            return "Is there anything in our automation that would ensure \"" + task.strip()
                    + "\" happens every time, without relying on someone to remember it?";
        }
        return "Is there anything in our automation that would make this step happen, or be checked,"
                + " without relying on a person to remember it?";
    }

    private boolean hasTask() {
        return this == PERSON_FORGOT || this == PERSON_FAILED;
    }

    @CheckForNull
    private static String firstGroup(Matcher match, String... names) {
        String regex = match.pattern().pattern();
        for (String name : names) {
            String value = regex.contains("(?<" + name + ">") ? match.group(name) : null;
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|no|without|don't|doesn't|didn't|won't)\\s+(?:\\w+\\s+){0,2}$",
            Pattern.CASE_INSENSITIVE);

    /** "we do not blame the on-call", "nobody is to blame": blamelessness stated, not blame. */
    private static boolean negated(String text, int start) {
        return NEGATION.matcher(text.substring(Math.max(0, start - 30), start)).find();
    }

    /** What a rule's subject must be for a match to count. */
    enum Subject {
        /** The words alone are blame. */
        NONE,
        /** Any person: a pronoun, a role, or a capitalised name that is not a system's. */
        PERSON,
        /** A person named or singled out: a role, he/she/someone, or a known first name. */
        NAMED_PERSON,
        /** The person blamed, if the phrase names one; nobody named is blame-seeking too. */
        BLAMED
    }

    /** Used by the rules' patterns and their subject checks. */
    static final class Subjects {
        static final String ROLES = "developers?|devs?|engineers?|operators?|admins?|administrators?|sysadmins?"
                + "|on-?call(?:\\s+engineers?)?|oncaller|interns?|new\\s+hires?|contractors?|reviewers?|testers?"
                + "|release\\s+managers?|deployers?|committers?|team\\s+members?|colleagues?|teammates?|sres?|dbas?"
                + "|person|employees?|programmers?|coders?|juniors?";
        static final String DETERMINERS = "the|a|an|our|their|his|her|one|another|that|this|some|whichever|which";
        static final String ANY = "(?:(?:(?:" + DETERMINERS + ")\\s+(?:(?:junior|senior|new|other|same|responsible|on-call)\\s+)?(?:"
                + ROLES + ")(?:\\s+(?:on[- ]call|on\\s+duty|in\\s+charge|on\\s+shift))?"
                + "|(?:the|our|their)\\s+(?:[\\w-]+\\s+)?team"
                + "|\\b(?:he|she|they|someone|somebody|i|we|you)\\b(?:\\s+(?:on|from|in)\\s+the\\s+[\\w-]+\\s+team)?"
                + "|(?-i:\\b\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?:\\s+\\p{Lu}\\p{Ll}+)?\\b)))";
        static final String ADVERBS = "just|simply|also|again|accidentally|mistakenly|then|clearly|apparently|obviously"
                + "|completely|totally|probably|somehow|never|already|still|once\\s+again|carelessly";

        /** Pronouns that may stand for a system too ("they failed to restart"), so only for the clearer verbs. */
        private static final Set<String> LOOSE_PRONOUNS = Set.of("they", "we", "i", "you");
        private static final Set<String> CLEAR_PRONOUNS = Set.of("he", "she", "someone", "somebody", "his", "her");

        /** Capitalised words that begin sentences or name no one. */
        private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "it",
                "its", "we", "our", "they", "their", "then", "when", "after", "before", "during", "while", "if",
                "because", "since", "so", "but", "and", "also", "nobody", "everyone", "everybody", "nothing", "there",
                "here", "what", "which", "who", "why", "how", "no", "not", "one", "all", "some", "any", "each", "every",
                "both", "either", "neither", "once", "later", "earlier", "today", "yesterday", "tomorrow", "finally",
                "again", "still", "yet", "however", "although", "though", "unfortunately", "apparently", "clearly",
                "meanwhile", "instead", "otherwise", "eventually", "initially", "first", "second", "third", "next",
                "last", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "you",
                "he", "she", "someone", "somebody", "prod", "production", "staging", "canary", "release", "build",
                "deploy", "deploys", "deployment", "deployments", "rollback", "monitoring", "alerting", "alerts",
                "tests", "testing", "nightly", "cron", "ci", "cd", "qa", "my", "your", "his", "her",
                "migration", "migrations", "config", "traffic", "users", "customers", "requests", "everything",
                "cache", "caches", "backups", "logs", "metrics", "dashboards", "health", "checks", "pods", "nodes");
        /** Capitalised names of systems, products and places: never a person. */
        private static final Set<String> SYSTEMS = Set.of("jenkins", "kubernetes", "terraform", "kafka", "postgres",
                "postgresql", "mysql", "redis", "nginx", "envoy", "istio", "helm", "ansible", "puppet", "chef", "docker",
                "linux", "java", "python", "node", "github", "gitlab", "bitbucket", "jira", "slack", "pagerduty",
                "opsgenie", "datadog", "prometheus", "grafana", "splunk", "elasticsearch", "kibana", "consul", "vault",
                "aws", "gcp", "azure", "argo", "argocd", "flux", "spinnaker", "sonar", "sonarqube", "dependabot",
                "renovate", "cloudflare", "akamai", "fastly", "route53", "lambda", "spark", "airflow", "celery",
                "rabbitmq", "zookeeper", "etcd", "coredns", "maven", "gradle", "npm", "yarn", "webpack", "chrome",
                "firefox", "safari", "android", "ios", "windows", "macos", "ubuntu", "debian", "centos", "rhel",
                "openssl", "letsencrypt", "certbot", "oauth", "okta", "ldap", "sentry", "newrelic", "honeycomb",
                "heroku", "vercel", "netlify", "snowflake", "bigquery", "dynamodb", "cassandra", "mongodb", "mongo",
                "memcached", "haproxy", "traefik", "calico", "cilium", "keda", "karpenter", "retro", "gate", "git",
                "api", "dns", "cdn", "ssl", "tls", "http", "https", "sql", "json", "yaml", "s3", "ec2", "eks", "gke",
                "aks", "rds", "sqs", "sns", "iam", "vpc");
        /** First names seen in teams; a capitalised word that is one of these is a person for the looser verbs. */
        private static final Set<String> FIRST_NAMES = Set.of("alice", "bob", "carol", "dave", "david", "eve", "frank",
                "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter", "john",
                "jane", "james", "mary", "michael", "sarah", "robert", "linda", "william", "will", "elizabeth", "richard",
                "susan", "joseph", "jessica", "thomas", "karen", "charles", "nancy", "daniel", "lisa", "matthew", "betty",
                "anthony", "sandra", "mark", "ashley", "paul", "emily", "steven", "donna", "andrew", "michelle", "joshua",
                "kevin", "amanda", "brian", "melissa", "george", "deborah", "tim", "timothy", "ronald", "rebecca",
                "jason", "laura", "jeff", "jeffrey", "ryan", "amy", "jacob", "anna", "gary", "nicole", "eric", "helen",
                "jonathan", "stephanie", "larry", "emma", "justin", "olivia", "scott", "sophia", "brandon", "mia",
                "ben", "benjamin", "noah", "liam", "lucas", "leo", "hugo", "louis", "jules", "chloe", "lea", "manon",
                "camille", "pierre", "jean", "marie", "sophie", "julien", "nicolas", "hans", "jurgen",
                "klaus", "stefan", "anja", "katrin", "priya", "raj", "rahul", "arjun", "ananya", "deepak", "wei",
                "li", "chen", "yuki", "hiroshi", "kenji", "sakura", "min", "ji-woo", "seo-yeon", "ahmed", "fatima",
                "omar", "layla", "yusuf", "mohammed", "ali", "sara", "carlos", "maria", "jose", "juan", "ana", "luis",
                "sofia", "diego", "lucia", "pedro", "joao", "olga", "dmitri", "natasha", "sven", "lars",
                "ingrid", "astrid", "bill", "jack", "harry", "rose", "max", "sam", "alex", "chris", "pat", "kim",
                "jo", "mike", "tom", "nick", "dan", "joe", "jim", "bart", "homer", "kate", "tina", "nina", "rob",
                "ted", "fred", "greg", "pete", "dean", "chase", "penny", "amber", "dawn", "hope", "joy", "faith",
                "ray", "guy", "art", "bo", "rita", "vera", "ines", "lena");

        private Subjects() {
        }

        /**
         * Whether a subject names a person: a role ("the on-call engineer"), a pronoun or a capitalised
         * word that is neither a sentence opener nor a system. With {@code named}, only people singled out:
         * roles, he/she/someone and known first names (verbs like "missed" and "failed to" are said of
         * systems just as often).
         */
        static boolean isPerson(@CheckForNull String subject, boolean named) {
            if (subject == null) {
                return false;
            }
            String words = subject.strip();
            String lower = words.toLowerCase(Locale.ROOT);
            if (!Character.isUpperCase(words.charAt(0)) && lower.contains(" ")) {
                return true; // a determiner and a role or a team, or "someone on the … team"
            }
            if (lower.contains(" ")) { // "Sam Jenkins", "The Engineer", "Apache Kafka"
                String first = lower.substring(0, lower.indexOf(' '));
                if (FIRST_NAMES.contains(first) || CLEAR_PRONOUNS.contains(first)) {
                    return true;
                }
                if (first.matches(DETERMINERS)) {
                    return true; // a determiner and a role at the start of a sentence
                }
                return isPerson(words.substring(words.lastIndexOf(' ') + 1), named);
            }
            if (CLEAR_PRONOUNS.contains(lower)) {
                return true;
            }
            if (LOOSE_PRONOUNS.contains(lower)) {
                return !named;
            }
            if (!Character.isUpperCase(words.charAt(0))) {
                return false; // a role without a determiner is written in lower case only in the pattern's ANY
            }
            if (NOT_NAMES.contains(lower) || SYSTEMS.contains(lower)) {
                return false;
            }
            return !named || FIRST_NAMES.contains(lower);
        }
    }
}
