package io.jenkins.plugins.retrogate.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator's store location becomes the backend that keeps the store there: a directory
 * (absolute, relative to the given base, or as a {@code file:} URI) is the journal in it, and the
 * same directory written either way is the same store; a location no backend reads is refused
 * with its field, value and what is allowed, and nothing is created.
 */
class StoreLocationTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryWrittenAsAPathRelativeOrAsAFileUriIsOneStore() {
        StoreLocation relative = StoreLocation.parse("stores/main", dir);
        StoreLocation uri = StoreLocation.parse(dir.resolve("stores/main").toUri().toString(), Path.of("/elsewhere"));

        try (Store store = relative.backend(Duration.ZERO).open()) {
            store.execute(state -> Change.of("INC-1", List.of(new IncidentOpened(Instant.EPOCH, "alice", "INC-1",
                    "checkout down", null, List.of("cart"), Detection.MANUAL, Instant.EPOCH, null, null, null))));
        }

        assertThat(uri).isEqualTo(relative);
        assertThat(uri.localDirectory()).isEqualTo(dir.resolve("stores/main"));
        StoreBackend backend = uri.backend(Duration.ZERO);
        assertThat(backend.exists()).isTrue();
        assertThat(backend.location()).isEqualTo(dir.resolve("stores/main").toString());
        try (Store store = backend.openReadOnly()) {
            assertThat(store.state().incidents()).containsOnlyKeys("INC-1");
        }
    }

    @Test
    void aSchemeNoBackendReadsIsRefusedNamingTheFieldTheValueAndWhatIsAllowed() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> StoreLocation.parse("mysql://db.example/retro", dir));

        assertThat(error.field()).isEqualTo("store location");
        assertThat(error.value()).isEqualTo("mysql://db.example/retro");
        assertThat(error).hasMessageContaining("'mysql:'").hasMessageContaining("give a directory");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anEmptyOrUnusableLocationIsRefused() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> StoreLocation.parse("  ", dir)))
                .hasMessageContaining("is empty");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> StoreLocation.parse("bad\0name", dir)))
                .hasMessageContaining("bad\\0name").hasMessageContaining("not a valid directory path");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> StoreLocation.parse("file://host/x", dir)))
                .hasMessageContaining("not a usable file: URI");
    }

    @Test
    void aColonInADirectoryNameOrADriveLetterIsAPathNotAScheme() {
        assertThat(StoreLocation.parse("stores:prod", dir).localDirectory()).isEqualTo(dir.resolve("stores:prod"));
        assertThat(StoreLocation.parse("backup.v2:x/y", dir).localDirectory()).isEqualTo(dir.resolve("backup.v2:x/y"));
    }

    @Test
    void choosingABackendOpensNothing() {
        StoreBackend backend = StoreLocation.parse("not-yet", dir).backend(Duration.ofSeconds(1));

        assertThat(backend.exists()).isFalse();
        assertThat(Files.exists(dir.resolve("not-yet"))).isFalse();
    }

    @Test
    void aPostgresAddressWrittenEitherWayIsOneDatabaseShownWithoutCredentials() {
        StoreLocation plain = StoreLocation.parse("postgresql://db.example:5432/retro?user=gate", dir);
        StoreLocation jdbc = StoreLocation.parse("jdbc:postgresql://db.example:5432/retro?user=gate", dir);

        assertThat(plain).isEqualTo(jdbc);
        assertThat(plain.isDatabase()).isTrue();
        assertThat(StoreLocation.parse("stores/main", dir).isDatabase()).isFalse();
        assertThat(plain.backend(Duration.ZERO, "secret").location())
                .isEqualTo("jdbc:postgresql://db.example:5432/retro");
        assertThat(plain.toString()).isEqualTo("jdbc:postgresql://db.example:5432/retro").doesNotContain("gate");
        assertThat(plain.localDirectory()).isEqualTo(dir);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPasswordInAPostgresAddressIsRefusedMaskedSayingWhereToPutIt() {
        for (String address : List.of("postgresql://gate:hunter2@db.example/retro",
                "jdbc:postgresql://db.example/retro?user=gate&password=hunter2",
                // a password holding the characters that end an authority or a parameter
                "postgresql://gate:hun?ter2@db.example/retro", "postgresql://gate:hun/ter2@db.example/retro",
                "jdbc:postgresql://gate:hun#t@er2@db.example:5432/retro?ssl=true",
                "postgresql://db.example/retro?password=hun&ter2&user=gate")) {
            InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                    () -> StoreLocation.parse(address, dir));

            assertThat(error.field()).isEqualTo("store location");
            assertThat(error.value()).doesNotContain("hunter2").doesNotContain("ter2").contains("***");
            assertThat(error).hasMessageNotContaining("hunter2").hasMessageNotContaining("ter2").hasMessageContaining("$RETRO_GATE_STORE_PASSWORD")
                    .hasMessageContaining("--store-password-file");
        }
    }

    @Test
    void anIncompletePostgresAddressIsRefusedShowingTheFormToWrite() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> StoreLocation.parse("postgresql://db.example", dir));

        assertThat(error.value()).isEqualTo("postgresql://db.example");
        assertThat(error).hasMessageContaining("postgresql://host:port/database?user=NAME");
    }

    @Test
    void aDatabaseAddressInAnotherFormIsRefusedNeverTakenForADirectory() {
        for (String address : List.of("jdbc:postgresql:retro", "jdbc:postgresql:/db.example/retro",
                "jdbc:mysql://db.example/retro", "postgres:retro", "JDBC:PostgreSQL:retro")) {
            InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                    () -> StoreLocation.parse(address, dir));

            assertThat(error).as(address).isNotNull();
            assertThat(error.field()).isEqualTo("store location");
            assertThat(error).hasMessageContaining("jdbc:postgresql://host:port/database?user=NAME");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aUserWithAnAtSignInAParameterIsNoPassword() {
        StoreLocation location = StoreLocation.parse("postgresql://db.example:5432/retro?user=me@corp", dir);

        assertThat(location.isDatabase()).isTrue();
        assertThat(location.toString()).isEqualTo("jdbc:postgresql://db.example:5432/retro");
    }

    @Test
    void anAddressThatNamesTheSessionItselfIsRefused() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> StoreLocation.parse("postgresql://db.example/retro?user=gate&ApplicationName=mine", dir));

        assertThat(error.field()).isEqualTo("store location");
        assertThat(error).hasMessageContaining("sets ApplicationName, which Retro Gate sets itself");
    }
}
