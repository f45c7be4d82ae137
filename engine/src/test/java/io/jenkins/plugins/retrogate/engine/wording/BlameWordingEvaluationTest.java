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
 * Measures the blame wording check on labelled sentences (src/test/resources/wording): precision and
 * recall of the "blame" class. A false accusation of blame is worse than a miss, so the bar is on
 * precision (0.9). Two sets: the development set the rules were written and tuned against, and a
 * held-out set written by another author who never saw the rules, measured as it came. Run alone to
 * see the figures and every mistake:
 * {@code ./mvnw -B -o test -pl engine -Dtest=BlameWordingEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BlameWordingEvaluationTest {

    record Labelled(boolean blame, String sentence) {
    }

    record Figures(int sentences, int blame, int truePositives, int falsePositives, int falseNegatives,
            List<String> mistakes) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("%d sentences (%d blame): precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%s",
                    sentences, blame, precision(), recall(), truePositives, falsePositives, falseNegatives,
                    mistakes.isEmpty() ? "" : "\n  " + String.join("\n  ", mistakes));
        }
    }

    static Figures measure(String resource) throws IOException {
        List<Labelled> set = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(BlameWordingEvaluationTest.class.getResourceAsStream(resource))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                assertThat(parts[0]).as("label of: %s", line).isIn("blame", "systems");
                set.add(new Labelled(parts[0].equals("blame"), parts[1]));
            }
        }
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (Labelled labelled : set) {
            List<WordingHint> hints = BlameWording.check("text", labelled.sentence());
            if (!hints.isEmpty() && labelled.blame()) {
                truePositives++;
            } else if (!hints.isEmpty()) {
                falsePositives++;
                mistakes.add("false blame: " + labelled.sentence() + "  <- " + hints.get(0).rule() + " \""
                        + hints.get(0).phrase() + "\"");
            } else if (labelled.blame()) {
                falseNegatives++;
                mistakes.add("missed:      " + labelled.sentence());
            }
        }
        return new Figures(set.size(), (int) set.stream().filter(Labelled::blame).count(), truePositives,
                falsePositives, falseNegatives, mistakes);
    }

    @Test
    void onTheDevelopmentSetBlameIsFoundWithAtLeastNinetyPercentPrecision() throws IOException {
        Figures figures = measure("/wording/blame-sentences.tsv");
        System.out.println("blame wording, development set: " + figures);

        assertThat(figures.sentences()).isGreaterThanOrEqualTo(150);
        assertThat(figures.precision()).as("%s", figures).isGreaterThanOrEqualTo(0.9);
        assertThat(figures.recall()).as("%s", figures).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void onTheHeldOutSetBlameIsFoundWithAtLeastNinetyPercentPrecision() throws IOException {
        Figures figures = measure("/wording/heldout-sentences.tsv");
        System.out.println("blame wording, held-out set: " + figures);

        assertThat(figures.sentences()).isGreaterThanOrEqualTo(50);
        assertThat(figures.precision()).as("%s", figures).isGreaterThanOrEqualTo(0.9);
    }
}
