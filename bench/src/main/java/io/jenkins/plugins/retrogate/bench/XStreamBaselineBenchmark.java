package io.jenkins.plugins.retrogate.bench;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Jenkins-idiomatic way, for comparison: a plugin keeps its global state in plain objects and
 * on every change saves all of it with XStream to one XML file, atomically (as {@code XmlFile} with
 * {@code AtomicFileWriter} does: temp file, force, atomic rename). One change = one whole-file save,
 * so the cost grows with the state. Run beside {@link JournalAppendBenchmark} for the ratio.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XStreamBaselineBenchmark {
    @Param({"1000", "10000", "100000"})
    public int items;

    private Path dir;
    private Path file;
    private XStream xstream;
    private GlobalState global;
    private int next;

    /** The plugin's global configuration object, as {@code GlobalConfiguration} subclasses hold it. */
    public static class GlobalState {
        List<IncidentEntry> incidents = new ArrayList<>();
        List<ItemEntry> items = new ArrayList<>();
        long lastChange;
    }

    /** An incident as a mutable bean. */
    public static class IncidentEntry {
        String id;
        String title;
        String severity;
        List<String> services;
        String detection;
        long detectedAt;
        String status;
        String signature;
        String openedBy;
    }

    /** An action item as a mutable bean. */
    public static class ItemEntry {
        String id;
        String incidentId;
        String title;
        String priority;
        String type;
        String owner;
        List<String> services;
        String status;
        long createdAt;
        String createdBy;
        String fix;
    }

    @Setup(Level.Trial)
    public void build() throws IOException {
        RetroState state = Workload.state(items);
        global = new GlobalState();
        for (Incident incident : state.incidents().values()) {
            IncidentEntry entry = new IncidentEntry();
            entry.id = incident.id();
            entry.title = incident.title();
            entry.severity = String.valueOf(incident.severity());
            entry.services = new ArrayList<>(incident.affectedServices());
            entry.detection = incident.detection().name();
            entry.detectedAt = incident.detectedAt().toEpochMilli();
            entry.status = incident.status().name();
            entry.signature = incident.signature();
            entry.openedBy = incident.openedBy();
            global.incidents.add(entry);
        }
        for (ActionItem item : state.items().values()) {
            ItemEntry entry = new ItemEntry();
            entry.id = item.id();
            entry.incidentId = item.incidentId();
            entry.title = item.title();
            entry.priority = item.priority().name();
            entry.type = item.type().name();
            entry.owner = item.owner();
            entry.services = new ArrayList<>(item.services());
            entry.status = item.status().name();
            entry.createdAt = item.createdAt().toEpochMilli();
            entry.createdBy = item.createdBy();
            entry.fix = item.fix();
            global.items.add(entry);
        }
        xstream = new XStream();
        xstream.alias("retro-gate", GlobalState.class);
        xstream.alias("incident", IncidentEntry.class);
        xstream.alias("item", ItemEntry.class);
        dir = Files.createTempDirectory(BenchFiles.root(), "xstream-");
        file = dir.resolve("io.jenkins.plugins.retrogate.RetroGateConfiguration.xml");
        save();
        System.out.printf("%n# XStream file with %d items, %d incidents: %.1f MB%n", global.items.size(),
                global.incidents.size(), Files.size(file) / 1e6);
    }

    /** One change (an item resolved), saved the Jenkins way. */
    @Benchmark
    @Threads(1)
    public long changeAndSave() throws IOException {
        synchronized (this) {
            ItemEntry item = global.items.get(next++ % global.items.size());
            item.status = "RESOLVED".equals(item.status) ? "OPEN" : "RESOLVED";
            global.lastChange = System.nanoTime();
            save();
            return global.lastChange;
        }
    }

    /** Whole-state save: temp file, XStream, flush, fsync, atomic rename over the old file. */
    private void save() throws IOException {
        Path temp = Files.createTempFile(dir, "atomic", ".tmp");
        try (FileOutputStream out = new FileOutputStream(temp.toFile());
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write("<?xml version='1.1' encoding='UTF-8'?>\n");
            xstream.toXML(global, writer);
            writer.flush();
            out.getChannel().force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @TearDown(Level.Trial)
    public void delete() {
        BenchFiles.delete(dir);
    }
}
