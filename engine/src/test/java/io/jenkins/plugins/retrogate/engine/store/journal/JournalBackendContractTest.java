package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.StoreBackendContractTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on the journal, with small segments so that the damaged record is not in the last file. */
class JournalBackendContractTest extends StoreBackendContractTest {
    @TempDir
    Path dir;

    @Override
    protected StoreBackend backend() {
        return new JournalBackend(dir.resolve("store"), JournalFixture.SMALL_SEGMENTS);
    }

    @Override
    protected void damage(long sequence) throws Exception {
        String start = "{\"seq\":" + sequence + ",";
        for (Path segment : JournalFixture.segments(dir.resolve("store"))) {
            List<String> lines = JournalFixture.lines(segment);
            List<Long> offsets = JournalFixture.lineOffsets(segment);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    String line = lines.get(i);
                    int inEvent = line.indexOf("\"event\":") + 12;
                    JournalFixture.flipByte(segment, offsets.get(i)
                            + line.substring(0, inEvent).getBytes(StandardCharsets.UTF_8).length);
                    return;
                }
            }
        }
        throw new AssertionError("no record " + sequence + " in " + dir);
    }
}
