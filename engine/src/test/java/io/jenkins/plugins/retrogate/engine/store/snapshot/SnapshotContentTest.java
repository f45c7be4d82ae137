package io.jenkins.plugins.retrogate.engine.store.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot holds every fact of the state, reads back equal, and refuses content that is not what was written. */
class SnapshotContentTest {
    private static final String HASH = "0".repeat(64);
    private static final Instant T = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @TempDir
    Path dir;

    @Test
    void aSnapshotOfEveryKindOfFactReadsBackEqualWithSharedNames() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());

        Path file = write(state);
        RetroState read = read(file, header(file));

        assertThat(read).isEqualTo(state);
        assertThat(read.overrides()).hasSize(3);
        assertThat(read.requests()).hasSize(4);
        ActionItem verified = read.item("INC-1-A1").orElseThrow();
        assertThat(verified.incidentId()).isSameAs(read.incident("INC-1").orElseThrow().id());
        assertThat(verified.verifiedBy()).isSameAs(read.deployment("DEP-2").orElseThrow().id());
        assertThat(read.deployment("DEP-2").orElseThrow().ref().deploymentId())
                .isSameAs(read.deployment("DEP-2").orElseThrow().id());
        assertThat(verified.owner()).isSameAs(read.item("INC-1-A2").orElseThrow().owner());
    }

    @Test
    void approvalsWaitingForMoreApproversAndAnOverridesApproversReadBack() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());

        Path file = write(state);
        SnapshotFormat.Header header = header(file);
        RetroState read = read(file, header);

        assertThat(header.format()).isEqualTo(SnapshotFormat.FORMAT);
        assertThat(header.sections()).extracting(SnapshotFormat.Section::name).contains("approvals");
        assertThat(read.partialApprovals("shop", "production", "https://ci/job/deploy-shop/47/"))
                .extracting(PartialApproval::approver, PartialApproval::required, PartialApproval::requestIds)
                .containsExactly(tuple("carol", 2, List.of("REQ-6")));
        assertThat(read.partialApprovals("cart", "production", null)).as("voided when the override took effect")
                .isEmpty();
        assertThat(read.overrides().get("OVR-4").approvers()).containsExactly("carol", "rm");
        assertThat(read.overrides().get("OVR-1").approvers()).containsExactly("rm");
    }

    @Test
    void aSnapshotWrittenInFormatOneStillReadsBack() throws IOException {
        RetroState state = RetroState.empty().applyAll(eventFormatOne());
        Path file = writeFormatOne(state);

        SnapshotFormat.Header header = header(file);

        assertThat(header.format()).isEqualTo(1);
        assertThat(read(file, header)).isEqualTo(state);
    }

    @Test
    void theGatesFactsReadBack() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());

        Path file = write(state);
        RetroState read = read(file, header(file));

        assertThat(read.decisionsByBuild()).hasSize(2).isEqualTo(state.decisionsByBuild());
        assertThat(read.deployment("DEP-5").orElseThrow().bypass()).isEqualTo(GatePassage.BLOCKED);
        assertThat(read.deployment("DEP-4").orElseThrow().gate()).isEqualTo(GatePassage.PASSED);
    }

    @Test
    void theItemNumbersARepairReservedReadBackBesideTheGatesFacts() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());

        Path file = write(state);
        SnapshotFormat.Header header = header(file);
        RetroState read = read(file, header);

        assertThat(header.sections()).extracting(SnapshotFormat.Section::name).contains("gateDecisions", "itemCounters");
        assertThat(read.counters()).isEqualTo(state.counters());
        assertThat(read.counters().reservedItems("INC-1")).isEqualTo(6);
        assertThat(read.counters().incidents()).isEqualTo(4);
        assertThat(read.decisionsByBuild()).isEqualTo(state.decisionsByBuild());
    }

    @Test
    void aSnapshotWrittenInFormatTwoStillReadsBack() throws IOException {
        RetroState state = RetroState.empty().applyAll(eventFormatOne());
        Path file = write(state);
        asFormatTwo(file);

        SnapshotFormat.Header header = header(file);

        assertThat(header.format()).isEqualTo(2);
        assertThat(read(file, header)).isEqualTo(state);
    }

    @Test
    void anOpenItemsSectionEditedWithAMatchingChecksumIsStillRefused() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());
        Path file = write(state);

        // Swap the two open items: the section still checks out, but the ids are no longer in ascending order.
        swapRows(file, "activeItems");

        assertThatThrownBy(() -> read(file, header(file)))
                .isInstanceOf(IOException.class).hasMessageContaining("not in ascending id order");
    }

    @Test
    void aHistoryEditedWithAMatchingChecksumStillGatesButNamesTheFaultWhenTheHistoryIsRead() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());
        Path file = write(state);

        // The closed items are decoded after the read returns: what a gate needs is there, the rest says what is wrong.
        swapRows(file, "items");
        RetroState read = read(file, header(file));

        assertThat(read.activeItemsGuarding("shop")).extracting(ActionItem::id).containsExactly("INC-1-A2",
                "INC-1-A3");
        assertThat(read.hasItems("INC-1")).as("the post-rollback freeze's question").isTrue();
        assertThat(read.openIncidentOf("pay")).isEqualTo(state.openIncidentOf("pay"));
        assertThat(read.item("INC-1-A2")).isEqualTo(state.item("INC-1-A2"));
        assertThatThrownBy(() -> read.item("INC-1-A1")).isInstanceOf(IllegalStateException.class)
                .isInstanceOf(HistoryUnreadableException.class)
                .hasMessageContaining("closed action items of the snapshot")
                .hasMessageContaining("not in ascending id order");
        assertThat(read.deployments()).as("the deployments decoded fine").isEqualTo(state.deployments());
        assertThat(read.incident("INC-2")).as("an incident no gate reads, decoded fine")
                .isEqualTo(state.incident("INC-2"));
    }

    @Test
    void theFreezeAsksWhetherARolledBackIncidentHasItemsWithoutWaitingForTheHistory() throws IOException {
        List<Event> events = new ArrayList<>(everything());
        events.add(new IncidentOpened(T.plusSeconds(50), "alice", "INC-3", "Search down", null, List.of("search"),
                Detection.ROLLBACK, T.plusSeconds(50), null, new DeploymentRef(null, "deploy-search", 9,
                        "https://ci/job/deploy-search/9/", "search", "production", "4.0"), null));
        RetroState state = RetroState.empty().applyAll(events);
        Path file = write(state);

        swapRows(file, "items"); // a history that cannot be decoded: any wait for it would throw
        RetroState read = read(file, header(file));

        assertThat(read.latestRollbackIncidentOf("search")).map(Incident::id).contains("INC-3");
        assertThat(read.hasItems("INC-3")).as("answered from what came first").isFalse();
        assertThat(read.hasItems("INC-1")).isTrue();
    }

    @Test
    void eventsFoldedOnTopOfASnapshotGiveTheStateTheyGiveOnTheOriginal() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());
        DeploymentRef next = new DeploymentRef("DEP-8", "deploy-shop", 50, "https://ci/job/deploy-shop/50/", "shop",
                "production", "3.0");
        List<Event> more = List.of(
                new DeploymentStarted(T.plusSeconds(40), "gate", "DEP-8", next, true, List.of(), Decision.ALLOW,
                        GatePassage.PASSED, null, null, null),
                new ItemResolved(T.plusSeconds(41), "gate", "INC-1-A2", Resolution.DEPLOYMENT, "3.0", "DEP-8"),
                new DeploymentFinished(T.plusSeconds(42), "gate", "DEP-8", Outcome.SUCCEEDED, null),
                new ItemVerified(T.plusSeconds(43), "gate", "INC-1-A2", "DEP-8"),
                new DeploymentFinished(T.plusSeconds(44), "gate", "DEP-3", Outcome.SUCCEEDED, null),
                new ItemReopened(T.plusSeconds(45), "alice", "INC-1-A1", "the canary was removed"));

        Path file = write(state);
        RetroState read = read(file, header(file));

        assertThat(read.applyAll(more)).isEqualTo(state.applyAll(more));
    }

    @Test
    void aDamagedHistorySectionIsRefusedAtOnceNotWhenItIsFirstRead() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());
        Path file = write(state);
        damageAfter(file, "[\"INC-1-A1\""); // the quote opening a closed item's id

        assertThatThrownBy(() -> read(file, header(file)))
                .isInstanceOf(IOException.class).hasMessageContaining("'items' fails its CRC32C check");
    }

    @Test
    void aDamagedOpenItemsSectionIsReportedAsFailingItsChecksum() throws IOException {
        RetroState state = RetroState.empty().applyAll(everything());
        Path file = write(state);
        damageAfter(file, "[\"INC-1-A2\",\"INC-1\""); // an open item's row: it names its incident by id

        assertThatThrownBy(() -> read(file, header(file)))
                .isInstanceOf(IOException.class).hasMessageContaining("'activeItems' fails its CRC32C check");
    }

    /** Overwrites the byte after the first {@code marker} in the file (parsing would trip over it). */
    private static void damageAfter(Path file, String marker) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        bytes[at + 1] = 'x';
        Files.write(file, bytes);
    }

    /** Reverses the rows of the only section called {@code name} and gives it a matching checksum. */
    private static void swapRows(Path file, String name) throws IOException {
        SnapshotFormat.Header header = header(file);
        List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n")));
        int index = indexOf(header, name);
        ArrayNode rows = (ArrayNode) EventJson.mapper().readTree(lines.get(1 + index));
        assertThat(rows.size()).as("rows to swap in '%s'", name).isGreaterThanOrEqualTo(2);
        ArrayNode swapped = EventJson.mapper().createArrayNode();
        for (int i = rows.size() - 1; i >= 0; i--) {
            swapped.add(rows.get(i));
        }
        String line = EventJson.mapper().writeValueAsString(swapped);
        lines.set(1 + index, line);
        List<SnapshotFormat.Section> sections = new ArrayList<>(header.sections());
        sections.set(index, section(name, sections.get(index).count(), line));
        SnapshotFormat.Header edited = new SnapshotFormat.Header(header.format(), header.eventFormat(), header.sequence(),
                header.hash(), header.segment(), header.offset(), header.createdAt(), sections);
        lines.set(0, EventJson.mapper().writeValueAsString(edited));
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Rewrites a snapshot as format 2 was written: deployment rows without the gate's three fields at
     * their end, incident rows without the retrospective's two answers, no gateDecisions section, and
     * (format 6 split them) every item in one run of sections in id order, naming deployments by
     * position, with the items of each incident as positions too.
     */
    private static void asFormatTwo(Path file) throws IOException {
        List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n"));
        SnapshotFormat.Header header = header(file);
        Map<String, ArrayNode> rowsOf = new java.util.HashMap<>();
        for (int i = 0; i < header.sections().size(); i++) {
            String name = header.sections().get(i).name();
            if (List.of("gateIncidents", "incidents", "deployments", "items", "activeItems").contains(name)) {
                assertThat(rowsOf).as("one section of " + name + " in this small snapshot").doesNotContainKey(name);
                rowsOf.put(name, (ArrayNode) EventJson.mapper().readTree(lines.get(i + 1)));
            }
        }
        List<JsonNode> incidents = new ArrayList<>();
        rowsOf.getOrDefault("gateIncidents", EventJson.mapper().createArrayNode()).forEach(incidents::add);
        rowsOf.getOrDefault("incidents", EventJson.mapper().createArrayNode()).forEach(incidents::add);
        incidents.sort(java.util.Comparator.comparing(row -> row.get(0).asText()));
        ArrayNode allIncidents = EventJson.mapper().createArrayNode();
        incidents.forEach(allIncidents::add);
        rowsOf.put("incidents", allIncidents);
        List<String> incidentIds = ids(allIncidents);
        List<String> deploymentIds = ids(rowsOf.get("deployments"));
        List<JsonNode> items = new ArrayList<>();
        rowsOf.get("activeItems").forEach(items::add);
        rowsOf.get("items").forEach(items::add);
        items.sort(java.util.Comparator.comparing(row -> row.get(0).asText()));
        ArrayNode allItems = EventJson.mapper().createArrayNode();
        for (JsonNode row : items) {
            ArrayNode fields = (ArrayNode) row;
            if (fields.get(1).isTextual()) { // an open item's incident: its position
                fields.set(1, incidentIds.indexOf(fields.get(1).asText()));
            }
            for (int field : new int[] {16, 18}) { // fixDeployment, verifiedBy: an id of a deployment held becomes its position
                if (fields.get(field).isTextual() && deploymentIds.contains(fields.get(field).asText())) {
                    fields.set(field, deploymentIds.indexOf(fields.get(field).asText()));
                }
            }
            allItems.add(fields);
        }
        List<String> itemIds = ids(allItems);
        ArrayNode historyEntries = EventJson.mapper().createArrayNode(); // the items of the incidents no gate reads
        for (int i = 0; i < header.sections().size(); i++) {
            if (header.sections().get(i).name().equals("itemsByIncident")) {
                historyEntries.addAll((ArrayNode) EventJson.mapper().readTree(lines.get(i + 1)));
            }
        }
        List<SnapshotFormat.Section> sections = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (int i = 0; i < header.sections().size(); i++) {
            SnapshotFormat.Section section = header.sections().get(i);
            String line = lines.get(i + 1);
            if (List.of("gateDecisions", "activeItems", "itemsByIncident").contains(section.name())) {
                continue;
            }
            if (section.name().equals("gateIncidents")) { // all the incidents, in one section, where format 2 had them
                section = new SnapshotFormat.Section("incidents", allIncidents.size(), 0, "");
            } else if (section.name().equals("incidents")) {
                continue;
            }
            // format 3 added a deployment's three gate fields, format 4 an incident's two retrospective answers
            int added = section.name().equals("deployments") ? 3 : section.name().equals("incidents") ? 2 : 0;
            if (added > 0) {
                ArrayNode rows = rowsOf.get(section.name());
                for (JsonNode row : rows) {
                    var fields = (ArrayNode) row;
                    for (int cut = 0; cut < added; cut++) {
                        fields.remove(fields.size() - 1);
                    }
                }
                line = EventJson.mapper().writeValueAsString(rows);
            } else if (section.name().equals("items")) {
                line = EventJson.mapper().writeValueAsString(allItems);
                section = section("items", allItems.size(), line);
            } else if (section.name().equals("indexes")) {
                com.fasterxml.jackson.databind.node.ObjectNode indexes =
                        (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(line);
                ((ArrayNode) indexes.get("itemsByIncident")).addAll(historyEntries);
                for (JsonNode entry : indexes.get("itemsByIncident")) {
                    ArrayNode values = (ArrayNode) entry;
                    String incident = values.get(0).asText();
                    values.set(0, incidentIds.indexOf(incident));
                    for (int k = 1; k < values.size(); k++) {
                        String id = values.get(k).isInt() ? incident + "-A" + values.get(k).asInt() : values.get(k).asText();
                        values.set(k, itemIds.indexOf(id));
                    }
                }
                for (String field : List.of("openIncidentByService", "rollbackIncidentByService")) {
                    for (JsonNode pair : indexes.get(field)) {
                        ((ArrayNode) pair).set(1, incidentIds.indexOf(pair.get(1).asText()));
                    }
                }
                line = EventJson.mapper().writeValueAsString(indexes);
            }
            sections.add(section(section.name(), section.count(), line));
            body.add(line);
        }
        SnapshotFormat.Header two = new SnapshotFormat.Header(2, 1, header.sequence(), header.hash(), header.segment(),
                header.offset(), header.createdAt(), sections);
        Files.writeString(file, EventJson.mapper().writeValueAsString(two) + "\n" + String.join("\n", body) + "\n",
                StandardCharsets.UTF_8);
    }

    private static List<String> ids(ArrayNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get(0).asText()));
        return ids;
    }

    private Path write(RetroState state) throws IOException {
        Path file = dir.resolve("snapshot-" + state.sequence() + ".json");
        Files.write(file, SnapshotFormat.write(state, HASH, null, null));
        return file;
    }

    private static SnapshotFormat.Header header(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return SnapshotFormat.header(text.substring(0, text.indexOf('\n')));
    }

    private static RetroState read(Path file, SnapshotFormat.Header header) throws IOException {
        return SnapshotFormat.read(SnapshotFormat.Source.of(Files.readAllBytes(file)), header);
    }

    private static int indexOf(SnapshotFormat.Header header, String name) {
        for (int i = 0; i < header.sections().size(); i++) {
            if (header.sections().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no section " + name);
    }

    private static SnapshotFormat.Section section(String name, int count, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return new SnapshotFormat.Section(name, count, bytes.length, String.format("%08x", crc.getValue()));
    }

    /** The active item ids per service, as format 1 stored them. */
    private static Map<String, List<String>> activeIds(RetroState state) {
        Map<String, List<String>> ids = new java.util.TreeMap<>();
        state.activeItemsByService().forEach((service, items) -> ids.put(service, List.copyOf(items.keySet())));
        return ids;
    }

    /** Writes {@code state} as the previous version did: the entities as JSON objects, one section per kind. */
    private Path writeFormatOne(RetroState state) throws IOException {
        List<SnapshotFormat.Section> sections = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        formatOneSection(body, sections, "counters", 1, state.counters());
        formatOneSection(body, sections, "indexes", 1, new SnapshotFormat1.Indexes(
                activeIds(state), SnapshotMaps.lists(state.itemsByIncident()),
                state.openIncidentByService(), state.rollbackIncidentByService(),
                SnapshotMaps.lists(state.overridesByTarget()), state.pendingRequestByTarget()));
        for (Map.Entry<String, ? extends Map<String, ?>> kind : Map.of("incidents", state.incidents(), "items",
                state.items(), "deployments", state.deployments(), "overrides", state.overrides(), "requests",
                state.requests()).entrySet()) {
            formatOneSection(body, sections, kind.getKey(), kind.getValue().size(),
                    List.copyOf(kind.getValue().values()));
        }
        SnapshotFormat.Header header = new SnapshotFormat.Header(1, EventJson.FORMAT_VERSION, state.sequence(),
                HASH, null, null, T, sections);
        Path file = dir.resolve("snapshot-" + state.sequence() + ".json");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes((EventJson.mapper().writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
        all.writeBytes(body.toByteArray());
        Files.write(file, all.toByteArray());
        return file;
    }

    private static void formatOneSection(ByteArrayOutputStream body, List<SnapshotFormat.Section> sections, String name,
            int count, Object value) throws IOException {
        String line = SnapshotFormat1.MAPPER.writeValueAsString(value);
        sections.add(section(name, count, line));
        body.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every event type of event format 1, with optional fields both set and empty, and an instant beyond the year 2262. */
    private static List<Event> eventFormatOne() {
        DeploymentRef rollback = new DeploymentRef(null, "deploy-pay", 41, "https://ci/job/deploy-pay/41/", "pay",
                "production", "1.4");
        DeploymentRef bare = new DeploymentRef("CD-9", null, null, null, "shop", "staging", null);
        List<Event> events = new ArrayList<>(List.of(
                new IncidentOpened(T, "alice", "INC-1", "Checkout fails", Severity.SEV1, List.of("pay", "shop"),
                        Detection.ROLLBACK, T, bare, rollback, "HTTP 500 in stage smoke"),
                new IncidentOpened(T.plusSeconds(1), "bob", "INC-2", "Slow search", null, List.of("search"),
                        Detection.ALERT, Instant.parse("2300-01-01T00:00:00Z"), null, null, null),
                new RollbackRecorded(T.plusSeconds(2), "alice", "INC-1", new DeploymentRef(null, "deploy-cart", 3,
                        "https://ci/job/deploy-cart/3/", "cart", "production", "2.0"), "again", null),
                new MitigationRecorded(T.plusSeconds(3), "alice", "INC-1", MitigationKind.TEMPORARY, "feature flag off",
                        T.plusSeconds(2)),
                new ContributorRecorded(T.plusSeconds(4), "alice", "INC-1", ContributorRole.DEBUGGED, "carol"),
                new SimilarIncidentLinked(T.plusSeconds(5), "alice", "INC-1", "INC-2"),
                new IncidentDetailsChanged(T.plusSeconds(6), "alice", "INC-1", "Checkout fails on retry",
                        Severity.SEV2, T.plusSeconds(1), "pool exhausted"),
                new ItemAdded(T.plusSeconds(7), "alice", "INC-1-A1", "INC-1", "Add a canary", Priority.P0,
                        ItemType.PREVENTATIVE, "team-pay", Ticket.parse("ticket", "PAY-12"), List.of("pay"),
                        LocalDate.parse("2026-04-01")),
                new ItemAdded(T.plusSeconds(8), "alice", "INC-1-A2", "INC-1", "Alert on budget", Priority.P1,
                        ItemType.MITIGATIVE, "team-pay", null, List.of("*", "shop"), null),
                new ItemAdded(T.plusSeconds(9), "bob", "INC-1-A3", "INC-1", "Document it", Priority.P2,
                        ItemType.MITIGATIVE, null, Ticket.parse("ticket", "acme/shop#7"), List.of("shop"), null),
                new ItemAdded(T.plusSeconds(10), "bob", "INC-2-A1", "INC-2", "Index the table", Priority.P1,
                        ItemType.PREVENTATIVE, "team-search", null, List.of("search"), null),
                new TicketLinked(T.plusSeconds(11), "bob", "INC-2-A1", Ticket.parse("ticket", "https://t.example/9")),
                new DeploymentStarted(T.plusSeconds(12), "gate", "DEP-1", new DeploymentRef("DEP-1", "deploy-pay", 42,
                        "https://ci/job/deploy-pay/42/", "pay", "production", "1.5"), true, List.of("PAY-12"), Decision.BLOCK,
                        null, null, null, null),
                new DeploymentFinished(T.plusSeconds(13), "gate", "DEP-1", Outcome.FAILED, null),
                new ItemResolved(T.plusSeconds(14), "alice", "INC-1-A1", Resolution.MANUAL, "commit abc", null),
                new DeploymentStarted(T.plusSeconds(15), "gate", "DEP-2", new DeploymentRef("DEP-2", "deploy-pay", 43,
                        "https://ci/job/deploy-pay/43/", "pay", "production", "1.6"), true, List.of(), Decision.ALLOW, null, null,
                        null, null),
                new DeploymentFinished(T.plusSeconds(16), "gate", "DEP-2", Outcome.SUCCEEDED, null),
                new ItemVerified(T.plusSeconds(17), "gate", "INC-1-A1", "DEP-2"),
                new ItemResolved(T.plusSeconds(18), "gate", "INC-1-A2", Resolution.DEPLOYMENT, "1.6", "DEP-2"),
                new ItemReopened(T.plusSeconds(19), "alice", "INC-1-A2", "did not hold"),
                new ItemResolved(T.plusSeconds(20), "tracker", "INC-1-A3", Resolution.TRACKER, null, "DEP-404"),
                new ItemDropped(T.plusSeconds(21), "bob", "INC-2-A1", "not needed"),
                new DeploymentStarted(T.plusSeconds(22), "alice", "DEP-3", bare, false, null, null, null, null, null, null),
                new OverrideRequested(T.plusSeconds(23), "alice", "REQ-1", "pay", "production",
                        "https://ci/job/deploy-pay/44/", List.of("INC-1-A2")),
                new OverrideRequested(T.plusSeconds(24), "alice", "REQ-2", "shop", "production", null, List.of()),
                new OverrideRequested(T.plusSeconds(25), "alice", "REQ-3", "cart", "production", null, List.of()),
                new OverrideApproved(T.plusSeconds(26), "rm", "OVR-1", List.of("REQ-1"), OverrideScope.BUILD, "pay",
                        "production", "https://ci/job/deploy-pay/44/", "alice", "hotfix", T.plusSeconds(3600), null),
                new OverrideApproved(T.plusSeconds(27), "rm", "OVR-2", List.of(), OverrideScope.WINDOW, "pay",
                        "production", null, null, "freeze window", Instant.parse("2500-01-01T00:00:00Z"), null),
                new OverrideDenied(T.plusSeconds(28), "rm", "REQ-2", "no"),
                new OverrideRequestExpired(T.plusSeconds(29), "system", "REQ-3"),
                new IncidentStatusChanged(T.plusSeconds(30), "alice", "INC-2", IncidentStatus.RESOLVED, null)));
        return events;
    }

    /** Every event type, with the gate's decisions and the deployments that carry them or bypass it. */
    private static List<Event> everything() {
        DeploymentRef passed = new DeploymentRef("DEP-4", "deploy-pay", 45, "https://ci/job/deploy-pay/45/", "pay",
                "production", "1.7");
        DeploymentRef blocked = new DeploymentRef("DEP-5", null, null, "https://ci/job/deploy-pay/46/", "pay",
                "production", null);
        List<Event> events = new ArrayList<>(eventFormatOne());
        events.addAll(List.of(
                new GateDecided(T.plusSeconds(31), "gate", "pay", "production", "https://ci/job/deploy-pay/45/",
                        "alice", Decision.OVERRIDDEN, "OVR-2", null),
                new GateDecided(T.plusSeconds(32), "gate", "pay", "production", "https://ci/job/deploy-pay/46/",
                        null, Decision.BLOCK, null, "REQ-1"),
                new DeploymentStarted(T.plusSeconds(33), "gate", "DEP-4", passed, true, List.of(), Decision.OVERRIDDEN,
                        GatePassage.PASSED, "OVR-2", null, null),
                new DeploymentStarted(T.plusSeconds(34), "alice", "DEP-5", blocked, true, List.of(), Decision.BLOCK,
                        GatePassage.BYPASSED, null, GatePassage.BLOCKED, null),
                new io.jenkins.plugins.retrogate.engine.event.IdsReserved(T.plusSeconds(35), "repair", 4, 7, 3, 5,
                        java.util.Map.of("INC-1", 6, "INC-2", 2), "named by records a repair cut"),
                new OverrideRequested(T.plusSeconds(36), "alice", "REQ-6", "shop", "production",
                        "https://ci/job/deploy-shop/47/", List.of()),
                new OverrideApprovalGiven(T.plusSeconds(37), "carol", "shop", "production",
                        "https://ci/job/deploy-shop/47/", OverrideScope.BUILD, "hotfix", 2, List.of("REQ-6")),
                new OverrideApprovalGiven(T.plusSeconds(38), "carol", "cart", "production", null, OverrideScope.WINDOW,
                        "release train", 2, List.of()),
                new OverrideApproved(T.plusSeconds(39), "rm", "OVR-4", List.of(), OverrideScope.WINDOW, "cart",
                        "production", null, null, "release train", T.plusSeconds(7200), List.of("carol", "rm"))));
        return events;
    }
}
