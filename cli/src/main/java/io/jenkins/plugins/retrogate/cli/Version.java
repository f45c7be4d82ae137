package io.jenkins.plugins.retrogate.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RetroGateCli.class.getPackage().getImplementationVersion();
        // concat, not +: no string-concatenation bootstrap for the one line a version check prints
        return new String[] {"retro-gate ".concat(version == null ? "(development build)" : version)};
    }
}
