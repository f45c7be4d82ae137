package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreContractTest;

/** The store contract on PostgreSQL, each test in a new database of the embedded server. */
class PostgresStoreContractTest extends StoreContractTest {
    private String url;

    @Override
    protected Store open() {
        url = PostgresFixture.newDatabase();
        return PostgresFixture.backend(url).open();
    }

    @Override
    protected Store reopen() {
        return PostgresFixture.backend(url).open();
    }
}
