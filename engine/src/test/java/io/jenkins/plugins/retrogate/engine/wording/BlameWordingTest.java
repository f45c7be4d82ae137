package io.jenkins.plugins.retrogate.engine.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlameWordingTest {

    @Test
    void theSeedsExampleGetsTheSeedsQuestionAboutTheForgottenStep() {
        List<WordingHint> hints = BlameWording.check("rootCause",
                "Bob forgot to update environment variables before running the deployment script.");

        assertThat(hints).singleElement().satisfies(hint -> {
            assertThat(hint.field()).isEqualTo("rootCause");
            assertThat(hint.phrase()).startsWith("Bob forgot to update environment variables");
            assertThat(hint.start()).isZero();
            assertThat(hint.rule()).isEqualTo("person-forgot");
            assertThat(hint.suggestion()).isEqualTo("Is there anything in our automation that would ensure"
                    + " \"update environment variables before running the deployment script\" happens every time,"
                    + " without relying on someone to remember it?");
            assertThat(hint.message()).startsWith("rootCause: \"Bob forgot to update").contains("makes a person the subject");
        });
    }

    @Test
    void aSystemThatForgetsIsNotBlame() {
        assertThat(BlameWording.check("rootCause", "The deploy script forgot to export the database URL.")).isEmpty();
        assertThat(BlameWording.check("rootCause", "Jenkins failed to archive the artifacts.")).isEmpty();
    }

    @Test
    void quotedTextIsNeverJudgedButTheWordsAroundItAre() {
        assertThat(BlameWording.check("title", "The validator logged \"human error: careless input\"")).isEmpty();
        assertThat(BlameWording.check("title", "The CLI printed `user forgot to set PATH`")).isEmpty();

        List<WordingHint> hints = BlameWording.check("title", "Human error: the tool said 'invalid region'");
        assertThat(hints).extracting(WordingHint::phrase).containsExactly("Human error");
    }

    @Test
    void anApostropheInsideAWordDoesNotHideTheRestAsAQuote() {
        assertThat(BlameWording.check("title", "It wasn't the cache; it's Bob's mistake"))
                .extracting(WordingHint::rule).containsExactly("persons-fault");
    }

    @Test
    void blamelessnessStatedIsNotBlame() {
        assertThat(BlameWording.check("rootCause", "Nobody is to blame; the threshold was wrong.")).isEmpty();
        assertThat(BlameWording.check("rootCause", "We do not blame the on-call engineer.")).isEmpty();
        assertThat(BlameWording.check("rootCause", "It was not human error but a missing guard.")).isEmpty();
    }

    @Test
    void aPersonDoingSomethingNeutralOrHelpfulIsNotBlame() {
        assertThat(BlameWording.check("mitigation", "Carlos noticed the spike and rolled back in five minutes."))
                .isEmpty();
        assertThat(BlameWording.check("title", "Mark the release as failed; Will the retry cover it?")).isEmpty();
        assertThat(BlameWording.check("title", "Lazy loading made the page slow.")).isEmpty();
    }

    @Test
    void everyHintInOneTextIsFoundInOrderWithItsOwnRule() {
        List<WordingHint> hints = BlameWording.check("rootCause",
                "Careless review; then the intern deleted the bucket and somebody should have known.");

        assertThat(hints).extracting(WordingHint::rule).containsExactly("character", "person-failed", "hindsight");
        assertThat(hints).allSatisfy(hint -> assertThat(hint.reason()).isNotBlank());
    }

    @Test
    void aPolicyThatRequiresBlameFreeTextRefusesWithTheFieldTheWordsAndTheRewording() {
        assertThatThrownBy(() -> BlameWording.requireBlameFree("rootCause", "Human error in the firewall rules"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rootCause 'Human error in the firewall rules'")
                .hasMessageContaining("\"Human error\" names a person as the cause")
                .hasMessageContaining("which check, guard rail or automation was missing?");

        BlameWording.requireBlameFree("rootCause", "The firewall rules were changed without a dry run.");
        BlameWording.requireBlameFree("rootCause", null);
    }

    @Test
    void anIncidentsRecordedTextsAreCheckedFieldByFieldWithTheItemsNamed() {
        io.jenkins.plugins.retrogate.engine.model.Incident incident = io.jenkins.plugins.retrogate.engine.model.Incident
                .builder().id("INC-1").title("Checkout timeouts").affectedServices(List.of("checkout-api"))
                .detection(io.jenkins.plugins.retrogate.engine.model.Detection.MANUAL)
                .detectedAt(java.time.Instant.EPOCH).rootCause("Human error in the pool settings")
                .status(io.jenkins.plugins.retrogate.engine.model.IncidentStatus.OPEN).build();
        io.jenkins.plugins.retrogate.engine.model.ActionItem item = io.jenkins.plugins.retrogate.engine.model.ActionItem
                .builder().id("INC-1-A1").incidentId("INC-1").title("Make sure Mark double-checks the pool size")
                .priority(io.jenkins.plugins.retrogate.engine.model.Priority.P0)
                .type(io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE).services(java.util.Set.of("checkout-api"))
                .status(io.jenkins.plugins.retrogate.engine.model.ItemStatus.OPEN).createdAt(java.time.Instant.EPOCH).build();

        assertThat(BlameWording.of(incident, List.of(item))).extracting(WordingHint::field, WordingHint::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rootCause", "human-error"),
                        org.assertj.core.groups.Tuple.tuple("items.INC-1-A1.title", "person-try-harder"));
    }
}
