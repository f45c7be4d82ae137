package io.jenkins.plugins.retrogate.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RetroGateCli.class.getPackage().getImplementationVersion();
        return new String[] {"retro-gate " + (version == null ? "(development build)" : version)};
    }
}
