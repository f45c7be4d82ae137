package io.jenkins.plugins.retrogate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run as a user's shell would, in a directory that is also its {@code HOME}, with no Retro Gate
 * variables of the machine running the tests leaking in; stdout and stderr together.
 */
record ShellRun(int code, String output) {

    static ShellRun in(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RETRO_GATE_"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within 120 s: " + String.join(" ", command));
        }
        return new ShellRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
