package io.jenkins.plugins.retrogate.engine.store;

/** The store contract on the in-memory store (tests' backend; keeps nothing across a close). */
class InMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected Store open() {
        return new InMemoryStore();
    }

    @Override
    protected Store reopen() {
        return null;
    }
}
