package io.jenkins.plugins.retrogate.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.notify.NotificationTarget;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Where Retro Gate announces override requests (raised, approved, denied, expired): a generic JSON webhook
 * (its signing secret from "Secret text" credentials) and a Slack incoming webhook (its URL, a secret
 * itself, from "Secret text" credentials). Credentials are looked up by id each time a notification is
 * sent, never kept or logged. JCasC: {@code unclassified: retroGateNotifications: webhookUrl: …}.
 */
@Extension
@Symbol("retroGateNotifications")
public class NotificationSettings extends GlobalConfiguration {
    private String webhookUrl;
    private String webhookSecretCredentialsId;
    private String slackCredentialsId;

    public NotificationSettings() {
        load();
    }

    public static NotificationSettings get() {
        return GlobalConfiguration.all().getInstance(NotificationSettings.class);
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /** The JSON webhook's address, checked like the CLI checks it (http or https with a host). */
    @DataBoundSetter
    public void setWebhookUrl(String webhookUrl) {
        String url = Util.fixEmptyAndTrim(webhookUrl);
        if (url != null) {
            try {
                NotificationTarget.of("webhookUrl", url, "json", null);
            } catch (InvalidInputException e) {
                throw new FieldException(e.getMessage(), e);
            }
        }
        this.webhookUrl = url;
        save();
    }

    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(String id) {
        this.webhookSecretCredentialsId = Util.fixEmptyAndTrim(id);
        save();
    }

    public String getSlackCredentialsId() {
        return slackCredentialsId;
    }

    @DataBoundSetter
    public void setSlackCredentialsId(String id) {
        this.slackCredentialsId = Util.fixEmptyAndTrim(id);
        save();
    }

    /**
     * The receivers, with their secrets resolved now; a receiver whose credentials are missing or unusable is
     * left out, and {@code problems} says which and why (by id, never with a secret).
     */
    List<NotificationTarget> targets(List<String> problems) {
        List<NotificationTarget> targets = new ArrayList<>();
        if (webhookUrl != null) {
            String secret = null;
            if (webhookSecretCredentialsId != null) {
                StringCredentials credentials = secret(webhookSecretCredentialsId);
                if (credentials == null) {
                    problems.add("no 'Secret text' credentials with id '" + webhookSecretCredentialsId
                            + "' (webhookSecretCredentialsId): the webhook is not called unsigned");
                } else {
                    secret = credentials.getSecret().getPlainText();
                }
            }
            if (webhookSecretCredentialsId == null || secret != null) {
                targets.add(NotificationTarget.of("webhookUrl", webhookUrl, "json", secret));
            }
        }
        if (slackCredentialsId != null) {
            StringCredentials credentials = secret(slackCredentialsId);
            if (credentials == null) {
                problems.add("no 'Secret text' credentials with id '" + slackCredentialsId + "' (slackCredentialsId)");
            } else {
                try {
                    targets.add(NotificationTarget.of("slackCredentialsId", credentials.getSecret().getPlainText(),
                            "slack", null));
                } catch (InvalidInputException e) {
                    problems.add("the Slack webhook URL in credentials '" + slackCredentialsId
                            + "' is not an http:// or https:// URL with a host");
                }
            }
        }
        return targets;
    }

    private static StringCredentials secret(String id) {
        return CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class,
                new JenkinsFacade().getRootItemGroup(), ACL.SYSTEM2, List.of()), CredentialsMatchers.withId(id));
    }

    @POST
    public FormValidation doCheckWebhookUrl(@QueryParameter String value) {
        new JenkinsFacade().checkPermission(Jenkins.ADMINISTER);
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok();
        }
        try {
            NotificationTarget.of("webhookUrl", url, "json", null);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
        return choices(webhookSecretCredentialsId);
    }

    @POST
    public ListBoxModel doFillSlackCredentialsIdItems(@QueryParameter String slackCredentialsId) {
        return choices(slackCredentialsId);
    }

    /** The "Secret text" credentials an administrator may choose; others see only the current choice. */
    private static ListBoxModel choices(String current) {
        JenkinsFacade jenkins = new JenkinsFacade();
        String id = Util.fixNull(current);
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(id);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, jenkins.getRootItemGroup(), StringCredentials.class, List.of())
                .includeCurrentValue(id);
    }
}
