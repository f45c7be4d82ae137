package io.jenkins.plugins.retrogate.engine.model;

/** How we became aware of the incident. */
public enum Detection {
    ROLLBACK, ALERT, CUSTOMER_REPORT, DEPLOY_CHECK, MANUAL;

    public static Detection parse(String field, String value) {
        return Choices.parse(Detection.class, field, value);
    }
}
