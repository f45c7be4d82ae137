package io.jenkins.plugins.retrogate.cli;

import java.io.File;
import java.io.IOException;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run when the tool is built, not shipped with it: writes the AsciiDoc source of a man page for the
 * tool and for each of its commands, from the same picocli model {@code --help} renders, into the
 * directory {@code args[0]} (picocli-codegen's {@link ManPageGenerator}; the build turns them into
 * troff with Asciidoctor).
 */
final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine line = RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()), new String[0], true);
        int code = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
                line.getCommandSpec());
        if (code != 0) {
            throw new IOException("the man page generator ended with " + code);
        }
    }
}
