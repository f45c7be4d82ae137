package io.jenkins.plugins.retrogate.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The PostgreSQL database of a shared store: its address is read by the engine's {@link StoreLocation},
 * its login comes from username/password credentials looked up by id in the global context each time
 * the store is opened or tested. Nothing here keeps, logs or prints the password: messages name the
 * credentials id only.
 */
final class DatabaseAccess {
    private DatabaseAccess() {
    }

    /**
     * The address as the engine reads it, a database only.
     *
     * @throws FieldException naming the field and value when it is not a PostgreSQL address
     */
    static StoreLocation location(String databaseUrl, Path companionDirectory) {
        StoreLocation location;
        try {
            location = StoreLocation.parse(databaseUrl, companionDirectory);
        } catch (InvalidInputException e) {
            throw new FieldException("databaseUrl: " + e.getMessage(), e);
        }
        if (!location.isDatabase()) {
            throw new FieldException("databaseUrl '" + databaseUrl + "' is not a PostgreSQL address: write"
                    + " jdbc:postgresql://host:port/database, or leave it empty to keep the store in a directory");
        }
        return location;
    }

    /** The username/password credentials an administrator may choose; others see only the current choice. */
    static ListBoxModel choices(JenkinsFacade jenkins, String credentialsId) {
        String current = Util.fixNull(credentialsId);
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, jenkins.getRootItemGroup(), StandardUsernamePasswordCredentials.class,
                        List.of())
                .includeCurrentValue(current);
    }

    /**
     * The backend of the database at {@code location}, logging in with the credentials {@code credentialsId}
     * resolved now ({@code null} or blank: no password, e.g. a trusted local connection).
     *
     * @throws StoreException naming the id when there are no such credentials
     */
    static StoreBackend backend(JenkinsFacade jenkins, StoreLocation location, String credentialsId) {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return location.backend(Duration.ZERO, null, null);
        }
        StandardUsernamePasswordCredentials login = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardUsernamePasswordCredentials.class,
                        jenkins.getRootItemGroup(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (login == null) {
            throw new StoreException(StoreException.Reason.IO, "store " + location + ": there are no global"
                    + " credentials with id '" + id + "' of kind 'Username with password' (databaseCredentialsId)");
        }
        return location.backend(Duration.ZERO, Util.fixEmptyAndTrim(login.getUsername()),
                login.getPassword().getPlainText());
    }

    /** Connects with these settings and says what is there; changes nothing. */
    static FormValidation testConnection(JenkinsFacade jenkins, String databaseUrl, String credentialsId,
            Path companionDirectory) {
        if (Util.fixEmptyAndTrim(databaseUrl) == null) {
            return FormValidation.error("No database URL: give jdbc:postgresql://host:port/database (empty keeps"
                    + " the store in a directory under JENKINS_HOME, which needs no test)");
        }
        try {
            StoreLocation location = location(databaseUrl.strip(), companionDirectory);
            String said = backend(jenkins, location, credentialsId).probe();
            return FormValidation.ok("Connected to " + location + ": " + said);
        } catch (FieldException | StoreException e) {
            return FormValidation.error(e.getMessage());
        } catch (RuntimeException e) { // the driver's own surprises: say what, never with the password
            return FormValidation.error("Testing the connection failed: " + e);
        }
    }
}
