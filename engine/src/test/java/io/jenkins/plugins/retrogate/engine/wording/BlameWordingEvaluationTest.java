package io.jenkins.plugins.retrogate.engine.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Measures the blame wording check on a labelled set of sentences (src/test/resources/wording/
 * blame-sentences.tsv): precision and recall of the "blame" class. A false accusation of blame is
 * worse than a miss, so the bar is on precision. Run alone to see the figures and every mistake:
 * {@code ./mvnw -B -o test -pl engine -Dtest=BlameWordingEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BlameWordingEvaluationTest {

    record Labelled(boolean blame, String sentence) {
    }

    static List<Labelled> sentences() throws IOException {
        List<Labelled> result = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                BlameWordingEvaluationTest.class.getResourceAsStream("/wording/blame-sentences.tsv"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                assertThat(parts[0]).as("label of: %s", line).isIn("blame", "systems");
                result.add(new Labelled(parts[0].equals("blame"), parts[1]));
            }
        }
        return result;
    }

    @Test
    void blameIsFoundWithAtLeastNinetyPercentPrecisionOnTheLabelledSet() throws IOException {
        List<Labelled> set = sentences();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (Labelled labelled : set) {
            List<WordingHint> hints = BlameWording.check("text", labelled.sentence());
            boolean found = !hints.isEmpty();
            if (found && labelled.blame()) {
                truePositives++;
            } else if (found) {
                falsePositives++;
                mistakes.add("false blame: " + labelled.sentence() + "  <- " + hints.get(0).rule() + " \""
                        + hints.get(0).phrase() + "\"");
            } else if (labelled.blame()) {
                falseNegatives++;
                mistakes.add("missed:      " + labelled.sentence());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("blame wording: %d sentences (%d blame), precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n",
                set.size(), set.stream().filter(Labelled::blame).count(), precision, recall, truePositives,
                falsePositives, falseNegatives);
        mistakes.forEach(System.out::println);
        assertThat(set).hasSizeGreaterThanOrEqualTo(150);
        assertThat(precision).as("precision on the blame class; mistakes:%n%s", String.join("\n", mistakes))
                .isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("recall on the blame class; mistakes:%n%s", String.join("\n", mistakes))
                .isGreaterThanOrEqualTo(0.75);
    }
}
