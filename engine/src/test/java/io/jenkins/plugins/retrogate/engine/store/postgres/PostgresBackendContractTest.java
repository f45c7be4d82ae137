package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.StoreBackendContractTest;
import org.junit.jupiter.api.BeforeEach;

/** The backend contract on PostgreSQL: damage is a hand edit of a row's payload that leaves its hash as it was. */
class PostgresBackendContractTest extends StoreBackendContractTest {
    private String url;

    @BeforeEach
    void newDatabase() {
        url = PostgresFixture.newDatabase();
    }

    @Override
    protected StoreBackend backend() {
        return PostgresFixture.backend(url);
    }

    @Override
    protected void damage(long sequence) {
        PostgresFixture.sql(url, "UPDATE events SET payload = replace(payload, 'incident', 'incidenT') WHERE seq = "
                + sequence);
    }
}
