package io.jenkins.plugins.retrogate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Names and build URLs are checked by loops (start-up: the regex engine's first use costs a CLI run
 * milliseconds); these properties hold the loops to the regexes the rules are written in, on text made
 * of the characters that decide them.
 */
class NamesTest {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String NOT_URL = "\\s\\p{Cc}\\p{Cf}\\p{Z}";
    private static final Pattern BUILD_URL = Pattern.compile("(?U)(?i)https?://[^/" + NOT_URL + "][^" + NOT_URL
            + "]*|[^/\\\\:" + NOT_URL + "][^:" + NOT_URL + "]*");

    @Property(tries = 3000)
    void aServiceNameIsAcceptedExactlyWhenTheRegexMatches(@ForAll("names") String raw) {
        String stripped = raw.strip();
        if (NAME.matcher(stripped).matches()) {
            assertThat(Names.service("service", raw)).isEqualTo(stripped.toLowerCase(Locale.ROOT));
            assertThat(Names.environment("environment", raw)).isEqualTo(stripped.toLowerCase(Locale.ROOT));
        } else {
            assertThatThrownBy(() -> Names.service("service", raw)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("service");
        }
    }

    @Property(tries = 5000)
    void aBuildUrlIsAcceptedExactlyWhenTheRegexMatches(@ForAll("urls") String raw) {
        String stripped = raw.strip();
        if (stripped.isEmpty()) {
            assertThat(Names.buildUrl("buildUrl", raw)).isNull();
        } else if (BUILD_URL.matcher(stripped).matches()) {
            assertThat(Names.buildUrl("buildUrl", raw)).startsWith(stripped.replaceAll("/+$", "")).endsWith("/");
        } else {
            assertThatThrownBy(() -> Names.buildUrl("buildUrl", raw)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("buildUrl");
        }
    }

    @Example
    void theRegexsUnicodeCaseRulesStillHold() {
        assertThat(Names.buildUrl("u", "HTTPS://ci.example/job/a/1")).isEqualTo("HTTPS://ci.example/job/a/1/");
        assertThat(Names.buildUrl("u", "httpſ://ci.example/1")).isEqualTo("httpſ://ci.example/1/");   // long s: an s to the regex
        assertThatThrownBy(() -> Names.buildUrl("u", "https:///evil")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Names.buildUrl("u", "javascript:alert(1)")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Names.buildUrl("u", "job/a\u200b/1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Names.buildUrl("u", "\\\\host/share")).isInstanceOf(InvalidInputException.class);
        assertThat(Names.buildUrl("u", "job/a/12")).isEqualTo("job/a/12/");
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.chars().with("abzAZ09._-")),
                Tuple.of(1, Arbitraries.chars().with(" \t/:*@`[{\u00e9\u0130\u212a\u017f\u0000")),
                Tuple.of(1, Arbitraries.chars()));
        return Arbitraries.oneOf(chars.list().ofMaxSize(12).map(NamesTest::text),
                chars.list().ofMinSize(95).ofMaxSize(105).map(NamesTest::text));
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> pieces = Arbitraries.of("http", "https", "HTTP", "hTtPs", "httpſ", "ſ", "://", ":", "/", "//",
                "\\", "host", "job/a/1", "a", "K", "\u212a", " ", "\t", "\u00a0", "\u200b", "\u2028", "\u0085",
                "\u202e", "\ud834\udd73", "\ud83d\ude80", "\ud800", "javascript:", "?x=1#y", "%20", "é");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(3);
        return Arbitraries.frequencyOf(Tuple.of(8, pieces), Tuple.of(1, any))
                .list().ofMaxSize(7).map(list -> String.join("", list));
    }

    private static String text(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }
}
