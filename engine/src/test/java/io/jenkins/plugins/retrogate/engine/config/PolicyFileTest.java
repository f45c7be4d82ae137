package io.jenkins.plugins.retrogate.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void approvalRulesReadWithTheStrictestWinningAndWriteBack() throws Exception {
        GatePolicy policy = PolicyFile.read(tree("""
                {"approvals": [{"environment": "production", "required": 2},
                               {"service": "payments-*", "environment": "prod*", "required": "3"}]}
                """));

        assertThat(policy.approvalRules()).hasSize(2);
        assertThat(policy.requiredApprovals("payments-api", "production")).isEqualTo(3);
        assertThat(policy.requiredApprovals("search", "production")).isEqualTo(2);
        assertThat(policy.requiredApprovals("search", "staging")).isEqualTo(1);
        assertThat(PolicyFile.read(PolicyFile.write(policy))).isEqualTo(policy);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"environment\": \"production\", \"required\": 0}|approvals[0].required '0' must be a whole number of distinct approvers from 1 to 5",
        "{\"environment\": \"production\", \"required\": 6}|approvals[0].required '6' must be a whole number of distinct approvers from 1 to 5",
        "{\"environment\": \"production\", \"required\": \"two\"}|approvals[0].required 'two' must be a whole number of distinct approvers from 1 to 5",
        "{\"environment\": \"production\", \"required\": 1.5}|approvals[0].required '1.5' must be a whole number of distinct approvers from 1 to 5",
        "{\"environment\": \"production\"}|approvals[0].required '' is missing: the number of distinct approvers, from 1 to 5",
        "{\"required\": 2}|approvals[0] '{\"required\":2}' names neither a service nor an environment pattern; give one or both",
        "{\"env\": \"production\", \"required\": 2}|approvals[0].env '\"production\"' is not an approval rule field; a rule has service, environment and required",
        "{\"service\": \"pay ments\", \"required\": 2}|approvals[0].service 'pay ments' is not a valid pattern"})
    void aBadApprovalRuleIsRefusedNamingItsFieldAndValue(String rule, String message) {
        assertThatThrownBy(() -> PolicyFile.read(tree("{\"approvals\": [" + rule + "]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aMissingOrEmptyDocumentMeansTheDefaults() throws Exception {
        assertThat(PolicyFile.read(null)).isEqualTo(GatePolicy.defaults());
        assertThat(PolicyFile.read(MissingNode.getInstance())).isEqualTo(GatePolicy.defaults());
        assertThat(PolicyFile.read(tree("{}"))).isEqualTo(GatePolicy.defaults());
    }

    @Test
    void readsEveryField() throws Exception {
        GatePolicy policy = PolicyFile.read(tree("""
                {"productionPatterns": ["live", "prod-*"], "productionMode": "warn", "nonProductionMode": "off",
                 "blockPriority": "P1", "blockTypes": ["preventative", "mitigative"], "warnPriority": "P2",
                 "warnTypes": "other", "warnOverdue": false, "postRollbackFreeze": true,
                 "staleIncidentDays": 7, "openIncidentsOutsideProduction": true, "allowWeakerPipelineMode": "true", "fourEyes": false,
                 "maxOverrideWindow": "4h",
                 "rules": [{"scope": "service", "pattern": "legacy-*", "mode": "off"}, {"folder": "payments/*", "mode": "block"}]}
                """));

        assertThat(policy.isProduction("live")).isTrue();
        assertThat(policy.isProduction("production")).isFalse();
        assertThat(policy.productionMode()).isEqualTo(GateMode.WARN);
        assertThat(policy.blockPriority()).isEqualTo(Priority.P1);
        assertThat(policy.blockTypes()).containsExactlyInAnyOrder(ItemType.PREVENTATIVE, ItemType.MITIGATIVE);
        assertThat(policy.warnTypes()).containsExactly(ItemType.OTHER);
        assertThat(policy.warnOverdue()).isFalse();
        assertThat(policy.postRollbackFreeze()).isTrue();
        assertThat(policy.staleIncidentDays()).isEqualTo(7);
        assertThat(policy.openIncidentsOutsideProduction()).isTrue();
        assertThat(policy.allowWeakerPipelineMode()).isTrue();
        assertThat(policy.fourEyes()).isFalse();
        assertThat(policy.maxOverrideWindow()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.ruleFor("legacy-billing", null).mode()).isEqualTo(GateMode.OFF);
        assertThat(policy.ruleFor("cart", "payments/deploy").mode()).isEqualTo(GateMode.BLOCK);
    }

    @Test
    void writeGivesADocumentThatReadsBackToTheSamePolicy() {
        GatePolicy policy = GatePolicy.builder().productionPatterns(List.of("live")).fourEyes(false)
                .openIncidentsOutsideProduction(true).blockTypes(EnumSet.of(ItemType.OTHER)).staleIncidentDays(14)
                .maxOverrideWindow(Duration.ofMinutes(90))
                .rules(List.of(new PolicyRule(PolicyRule.Scope.FOLDER, Glob.parse("f", "team-a/*"), GateMode.WARN)))
                .build();

        assertThat(PolicyFile.read(PolicyFile.write(policy))).isEqualTo(policy);
        assertThat(PolicyFile.read(PolicyFile.write(GatePolicy.defaults()))).isEqualTo(GatePolicy.defaults());
        assertThat(PolicyFile.write(policy).fieldNames()).toIterable().containsExactlyElementsOf(PolicyFile.FIELDS);
    }

    @Test
    void readsTheJenkinsFormsOfListsAndTheWindowInHours() throws Exception {
        GatePolicy policy = PolicyFile.read(tree("""
                {"productionPatterns": "production\\nlive-*\\n", "blockTypes": "PREVENTATIVE, MITIGATIVE",
                 "maxOverrideWindowHours": 8}
                """));

        assertThat(policy.isProduction("live-eu")).isTrue();
        assertThat(policy.blockTypes()).containsExactlyInAnyOrder(ItemType.PREVENTATIVE, ItemType.MITIGATIVE);
        assertThat(policy.maxOverrideWindow()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void rollbacksOutsideProductionOpenNoIncidentUnlessThePolicySaysSo() throws Exception {
        assertThat(GatePolicy.defaults().openIncidentsOutsideProduction()).isFalse();
        assertThat(PolicyFile.read(tree("{\"openIncidentsOutsideProduction\": \"true\"}"))
                .openIncidentsOutsideProduction()).isTrue();
        assertThat(GatePolicy.builder().openIncidentsOutsideProduction(true).build()).isNotEqualTo(GatePolicy.defaults());
        assertThatThrownBy(() -> PolicyFile.read(tree("{\"openIncidentsOutsideProduction\": \"all\"}")))
                .hasMessage("openIncidentsOutsideProduction 'all' is not one of true, false");
    }

    @Test
    void staleIncidentDaysIsOffUnlessSetAndReadsAsANumberOrAText() throws Exception {
        assertThat(GatePolicy.defaults().staleIncidentDays()).isZero();
        assertThat(PolicyFile.read(tree("{\"staleIncidentDays\": 0}"))).isEqualTo(GatePolicy.defaults());
        assertThat(PolicyFile.read(tree("{\"staleIncidentDays\": \" 10 \"}")).staleIncidentDays()).isEqualTo(10);
        assertThat(PolicyFile.read(tree("{\"staleIncidentDays\": 365}")).staleIncidentDays()).isEqualTo(365);
        assertThat(PolicyFile.write(GatePolicy.defaults()).get("staleIncidentDays").intValue()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-1|staleIncidentDays '-1' must be 0 (off) or a whole number of days from 1 to 365",
        "366|staleIncidentDays '366' must be 0 (off) or a whole number of days from 1 to 365",
        "\"-3\"|staleIncidentDays '-3' must be 0 (off) or a whole number of days from 1 to 365",
        "7.5|staleIncidentDays '7.5' is not a whole number of days (0 turns it off)",
        "\"a week\"|staleIncidentDays 'a week' is not a whole number of days (0 turns it off)",
        "true|staleIncidentDays 'true' is not a whole number of days (0 turns it off)",
        "null|staleIncidentDays 'null' is not a whole number of days (0 turns it off)",
        "9999999999|staleIncidentDays '9999999999' is not a whole number of days (0 turns it off)"})
    void staleIncidentDaysOutsideZeroToAYearIsRefusedNamingTheValue(String value, String message) {
        assertThatThrownBy(() -> PolicyFile.read(tree("{\"staleIncidentDays\": " + value + "}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void yamlsBareOffIsTheOffMode() throws Exception {
        var document = JSON.createObjectNode();
        document.set("nonProductionMode", BooleanNode.FALSE);

        assertThat(PolicyFile.read(document).nonProductionMode()).isEqualTo(GateMode.OFF);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"fourEyez\": true}|fourEyez 'true' is not a policy field; the fields are productionPatterns",
        "{\"productionMode\": \"loud\"}|productionMode 'loud' is not one of OFF, WARN, BLOCK",
        "{\"blockPriority\": \"P4\"}|blockPriority 'P4' is not one of P0, P1, P2",
        "{\"blockTypes\": [\"preventative\", \"nice\"]}|blockTypes[1] 'nice' is not one of PREVENTATIVE, MITIGATIVE, OTHER",
        "{\"blockTypes\": []}|blockTypes '' is empty",
        "{\"warnOverdue\": \"sometimes\"}|warnOverdue 'sometimes' is not one of true, false",
        "{\"maxOverrideWindow\": \"a while\"}|maxOverrideWindow 'a while' is not a positive duration",
        "{\"maxOverrideWindow\": \"P60D\"}|maxOverrideWindow 'PT1440H' must be more than zero and at most 30 days",
        "{\"productionPatterns\": [\"prod uction\"]}|productionPatterns 'prod uction' is not a valid pattern",
        "{\"productionPatterns\": {\"a\": 1}}|productionPatterns '{\"a\":1}' is not a list of texts",
        "{\"rules\": {\"service\": \"x\"}}|rules '{\"service\":\"x\"}' is not a list of rules",
        "{\"rules\": [{\"service\": \"a\", \"mode\": \"warn\"}, {\"service\": \"b\", \"mode\": \"loud\"}]}|rules[1].mode 'loud' is not one of OFF, WARN, BLOCK",
        "{\"rules\": [{\"service\": \"a\", \"folder\": \"b\", \"mode\": \"warn\"}]}|rules[0] '{\"service\":\"a\",\"folder\":\"b\",\"mode\":\"warn\"}' must name exactly one of 'service' or 'folder'",
        "{\"rules\": [{\"service\": \"a\"}]}|rules[0].mode '' is missing",
        "{\"rules\": [{\"service\": \"a\", \"mode\": \"warn\", \"why\": \"x\"}]}|rules[0].why '\"x\"' is not a rule field",
        "{\"rules\": [{\"scope\": \"job\", \"pattern\": \"a\", \"mode\": \"warn\"}]}|rules[0].scope 'job' is not one of SERVICE, FOLDER",
        "{\"rules\": [{\"scope\": \"service\", \"mode\": \"warn\"}]}|rules[0].pattern '' is not a text value",
        "{\"rules\": [{\"scope\": \"service\", \"service\": \"a\", \"mode\": \"warn\"}]}|mixes scope/pattern with the short form",
        "{\"rules\": [\"a\"]}|rules[0] '\"a\"' is not a rule",
        "{\"maxOverrideWindowHours\": 0}|maxOverrideWindowHours '0' must be a whole number of hours from 1 to 720",
        "{\"maxOverrideWindowHours\": 721}|maxOverrideWindowHours '721' must be a whole number of hours from 1 to 720",
        "{\"maxOverrideWindowHours\": 1.5}|maxOverrideWindowHours '1.5' must be a whole number of hours from 1 to 720",
        "{\"storeLocation\": \"/x\"}|storeLocation '/x' is a setting of the Jenkins plugin only",
        "[1, 2]|policy '[1,2]' is not a mapping of policy fields"})
    void wrongValuesNameTheFieldTheValueAndWhatIsAllowed(String document, String message) {
        assertThatThrownBy(() -> PolicyFile.read(tree(document)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "4h, PT4H", "2d, PT48H", "PT4H, PT4H", "p1d, PT24H", "' 12h ', PT12H"})
    void durationsAsPeopleWriteThem(String text, String expected) {
        assertThat(PolicyFile.duration("for", text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"0h", "-PT1H", "PT0S", "soon", "''", "4 hours"})
    void durationsThatAreNotPositiveAreRefused(String text) {
        assertThatThrownBy(() -> PolicyFile.duration("for", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("for '");
    }
}
