package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void matchesTheUsualShapesCaseInsensitively() {
        assertThat(Glob.parse("p", "prod").matches("PROD")).isTrue();
        assertThat(Glob.parse("p", "prod").matches("prod-eu")).isFalse();
        assertThat(Glob.parse("p", "prod-*").matches("Prod-EU")).isTrue();
        assertThat(Glob.parse("p", "prod-*").matches("prod")).isFalse();
        assertThat(Glob.parse("p", "*-prod").matches("eu-prod")).isTrue();
        assertThat(Glob.parse("p", "*-prod").matches("-prod")).isTrue();
        assertThat(Glob.parse("p", "*-prod").matches("prod")).isFalse();
        assertThat(Glob.parse("p", "pay*/de?loy").matches("payments/deploy")).isTrue();
    }

    @Test
    void refusesCharactersNamesCannotHave() {
        assertThatThrownBy(() -> Glob.parse("productionPatterns", "prod|live"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("productionPatterns 'prod|live'");
    }

    /** The fast paths agree with the plain regular expression a glob stands for. */
    @Property(tries = 2000)
    void fastPathsAgreeWithTheRegularExpression(
            @ForAll @StringLength(min = 1, max = 6) @CharRange(from = 'a', to = 'c') String stem,
            @ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'c') String name,
            @ForAll boolean starFirst, @ForAll boolean starLast) {
        String glob = (starFirst ? "*" : "") + stem + (starLast ? "*" : "");
        Pattern regex = Pattern.compile((starFirst ? ".*" : "") + Pattern.quote(stem) + (starLast ? ".*" : ""),
                Pattern.CASE_INSENSITIVE);

        assertThat(Glob.parse("p", glob).matches(name.toUpperCase(Locale.ROOT))).isEqualTo(regex.matcher(name).matches());
    }

    /** A pattern is accepted exactly when it is 1-200 characters of [A-Za-z0-9._/*?-] (checked by a loop). */
    @Property(tries = 3000)
    void acceptsExactlyThePatternsOfItsCharacterSet(@ForAll("patterns") String raw) {
        String stripped = raw.strip();
        if (ALLOWED.matcher(stripped).matches()) {
            assertThat(Glob.parse("p", raw).toString()).isEqualTo(stripped.toLowerCase(Locale.ROOT));
        } else {
            assertThatThrownBy(() -> Glob.parse("productionPatterns", raw)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("productionPatterns '");
        }
    }

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/*?-]{1,200}");

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.chars().with("azAZ09._/*?-")),
                Tuple.of(1, Arbitraries.chars().with(" |\\[]()+^$\u0130\u212a\u017f\u00e9")),
                Tuple.of(1, Arbitraries.chars()));
        return Arbitraries.oneOf(chars.list().ofMaxSize(10), chars.list().ofMinSize(195).ofMaxSize(205))
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
