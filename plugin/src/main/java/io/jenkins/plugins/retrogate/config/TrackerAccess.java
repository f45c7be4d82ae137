package io.jenkins.plugins.retrogate.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerCredentials;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSecret;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The tracker's credentials, looked up by id in the global (Jenkins-level) context each time a client
 * is built, and handed to the engine as a {@link TrackerSecret}. Nothing here keeps, logs or prints
 * a secret: messages name the credentials id only.
 */
final class TrackerAccess {
    /** A user name with a password or API token (basic auth), or a secret text (bearer token). */
    static final CredentialsMatcher USABLE = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private TrackerAccess() {
    }

    /** The credentials an administrator may choose; others see only the current choice. */
    static ListBoxModel choices(JenkinsFacade jenkins, String credentialsId) {
        String current = Util.fixNull(credentialsId);
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, jenkins.getRootItemGroup(), StandardCredentials.class, List.of(),
                        USABLE)
                .includeCurrentValue(current);
    }

    /**
     * Resolves {@code credentialsId} now: a username/password credential becomes basic auth, a secret
     * text a bearer token.
     *
     * @throws TrackerException (CONFIGURATION) naming the id when there is no usable credential
     */
    static TrackerCredentials resolve(JenkinsFacade jenkins, String credentialsId) {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "no credentials are chosen for the tracker; choose a 'Username with password' or a 'Secret text'");
        }
        StandardCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, jenkins.getRootItemGroup(),
                        ACL.SYSTEM2, List.of()),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(id), USABLE));
        if (credentials instanceof StandardUsernamePasswordCredentials login) {
            return TrackerCredentials.basic(login.getUsername(), TrackerSecret.of(login.getPassword().getPlainText()));
        }
        if (credentials instanceof StringCredentials token) {
            return TrackerCredentials.bearer(TrackerSecret.of(token.getSecret().getPlainText()));
        }
        throw new TrackerException(TrackerException.Kind.CONFIGURATION, "there are no global credentials with id '" + id
                + "' of kind 'Username with password' or 'Secret text'");
    }
}
