package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The excerpts catch what they are there to catch; otherwise a passing contract test proves nothing. */
class ContractSchemasTest {

    @Test
    void aMisspeltRequestPropertyFailsTheExcerpt() {
        ObjectNode close = JsonNodeFactory.instance.objectNode().put("state", "closed").put("stateReason", "completed");

        assertThat(ContractSchemas.errors("github/issues-update.request.json", close)).isNotEmpty();
    }

    @Test
    void aValueOutsideTheDocumentedEnumFailsTheExcerpt() {
        ObjectNode close = JsonNodeFactory.instance.objectNode().put("state", "closed").put("state_reason", "fixed");
        ObjectNode search = JsonNodeFactory.instance.objectNode().put("jql", "key in (\"PAY-1\")")
                .put("validateQuery", "lenient");

        assertThat(ContractSchemas.errors("github/issues-update.request.json", close)).isNotEmpty();
        assertThat(ContractSchemas.errors("jira/search.request.json", search)).isNotEmpty();
    }

    @Test
    void anEmptyTextNodeInADocumentBodyFailsTheExcerpt() {
        ObjectNode comment = JsonNodeFactory.instance.objectNode();
        ObjectNode doc = comment.putObject("body").put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                .put("type", "text").put("text", "");

        assertThat(ContractSchemas.errors("jira/comment.request.json", comment)).isNotEmpty();
    }

    @Test
    void theStubsAreRealShaped() {
        ContractSchemas.assertConforms("jira/search-jql.response.json", Stubs.json("jira/search-jql.json"));
        ContractSchemas.assertConforms("jira/search.response.json", Stubs.json("jira/search-dc.json"));
        ContractSchemas.assertConforms("jira/created-issue.response.json", Stubs.json("jira/created-issue.json"));
        ContractSchemas.assertConforms("jira/comment.response.json", Stubs.json("jira/comment.json"));
        ContractSchemas.assertConforms("jira/transitions.response.json", Stubs.json("jira/transitions.json"));
        ContractSchemas.assertConforms("github/issue.json", Stubs.json("github/issue.json"));
        ContractSchemas.assertConforms("github/issue-comment.json", Stubs.json("github/comment.json"));
    }
}
