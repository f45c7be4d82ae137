package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code policy show}: the effective policy, from {@code <home>/policy.yaml} or the defaults. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Shows the effective gate policy.")
final class PolicyCommand extends CliGroup {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the effective policy as policy.yaml would hold it, and where it comes from.")
    int show() throws JsonProcessingException {
        Path home = root().home();
        GatePolicy policy = Policies.load(home);
        Path file = Policies.file(home);
        String source = Files.isRegularFile(file) ? file.toString() : "defaults (no " + file + ")";
        ObjectNode fields = PolicyFile.write(policy);
        out().line("# effective policy: " + source);
        if (!out().json()) {
            out().raw(Policies.yaml().writeValueAsString(fields).replaceFirst("^---\\s*\\n", ""));
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("source", Files.isRegularFile(file) ? file.toString() : null);
        json.set("policy", fields);
        out().document(json);
        return ExitCode.OK;
    }
}
