package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.json.Json;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps the store's shared hash chain ({@link HashChain}): anyone holding the records'
 * sequence, version, prev and event JSON — from a journal line, a database row or an export —
 * recomputes every hash the journal wrote, and each record links to the one before.
 */
class HashChainTest {
    @TempDir
    Path dir;

    @Test
    void everyHashTheJournalWroteIsTheSharedChainsHashOfItsRecord() throws Exception {
        JournalFixture.build(dir, 3, JournalFixture.SMALL_SEGMENTS);
        HashChain chain = new HashChain();
        String prev = HashChain.GENESIS;
        long expected = 1;
        for (Path segment : JournalFixture.segments(dir)) {
            for (String line : JournalFixture.lines(segment)) {
                JsonNode record = Json.mapper().readTree(line);
                int eventStart = line.indexOf("\"event\":") + "\"event\":".length();
                byte[] event = line.substring(eventStart, line.indexOf(",\"hash\":\"")).getBytes(StandardCharsets.UTF_8);
                long seq = record.get("seq").asLong();

                assertThat(HashChain.brokenLink(expected, prev, seq, record.get("prev").asText())).isNull();
                assertThat(chain.hash(seq, record.get("v").asInt(), record.get("prev").asText(), event))
                        .isEqualTo(record.get("hash").asText());
                prev = record.get("hash").asText();
                expected++;
            }
        }
        assertThat(expected - 1).isGreaterThan(20);
    }

    @Test
    void aBrokenLinkSaysWhetherTheSequenceOrThePrevIsWrong() {
        String hash = "a".repeat(64);

        assertThat(HashChain.brokenLink(4, hash, 5, hash)).contains("sequence number 5 where 4 was expected");
        assertThat(HashChain.brokenLink(4, hash, 4, "b".repeat(64))).contains("hash chain broken");
        assertThat(HashChain.brokenLink(4, null, 4, "b".repeat(64))).isNull();
    }
}
