package io.jenkins.plugins.retrogate.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The tool's entry point. Small on purpose: {@code --version} and {@code --help} are answered from here
 * ({@link QuickAnswers}) before any class of the command model, the engine or JSON is loaded; every other
 * command line goes to {@link RetroGateCli}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String quick = QuickAnswers.answer(args);
        if (quick == null) {
            RetroGateCli.main(args);
            return;
        }
        int code;
        try (PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8)) {
            out.print(quick);
            out.flush();
            code = out.checkError() ? ExitCode.UNEXPECTED : ExitCode.OK;
        }
        System.exit(code);
    }
}
