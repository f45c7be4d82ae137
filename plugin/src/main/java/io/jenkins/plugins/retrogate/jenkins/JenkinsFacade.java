package io.jenkins.plugins.retrogate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.model.ItemGroup;
import hudson.model.User;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The one way Retro Gate's pages, descriptors and background work reach the running Jenkins: who
 * the user is and what they may do, where Jenkins is served, and the plugin's own extensions. A
 * plain unit test hands a page or descriptor a fake of this class instead of starting Jenkins (the
 * seam warnings-ng takes from plugin-util-api's {@code JenkinsFacade}).
 */
public class JenkinsFacade {

    /** Whether the current user has {@code permission} on Jenkins as a whole. */
    public boolean hasPermission(Permission permission) {
        return jenkins().hasPermission(permission);
    }

    /**
     * Refuses the current request unless the current user has {@code permission} on Jenkins.
     *
     * @throws org.springframework.security.access.AccessDeniedException (Jenkins answers 403)
     */
    public void checkPermission(Permission permission) {
        jenkins().checkPermission(permission);
    }

    /** Whether the current user has {@code permission} on {@code context} (a job, a folder). */
    public boolean hasPermission(Permission permission, AccessControlled context) {
        return context.hasPermission(permission);
    }

    /**
     * Refuses the current request unless the current user has {@code permission} on {@code context}.
     *
     * @throws org.springframework.security.access.AccessDeniedException (Jenkins answers 403)
     */
    public void checkPermission(Permission permission, AccessControlled context) {
        context.checkPermission(permission);
    }

    /** The id of the current user, or the authentication's name ({@code anonymous}, {@code SYSTEM}) without one. */
    public String getCurrentUserId() {
        User user = User.current();
        return user != null ? user.getId() : Jenkins.getAuthentication2().getName();
    }

    /** The root URL the administrator configured, ending with {@code /}; {@code null} when Jenkins does not know it. */
    @CheckForNull
    public String getRootUrl() {
        return jenkins().getRootUrl();
    }

    /**
     * {@code relative} (a path below the Jenkins root, without a leading slash) as an absolute URL when
     * Jenkins knows its root URL, else as a path from the root ({@code /retro-gate/...}).
     */
    public String getAbsoluteUrl(String relative) {
        String root = getRootUrl();
        return root == null ? "/" + relative : root + relative;
    }

    /** The top of the item tree: the context of global credentials. */
    public ItemGroup<?> getRootItemGroup() {
        return jenkins();
    }

    /** The one instance of an extension that Jenkins creates once, such as a {@code GlobalConfiguration}. */
    public <T> T getExtension(Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }

    /** Every registered implementation of an extension point, in Jenkins' order. */
    public <T> List<T> getExtensionsFor(Class<T> type) {
        return ExtensionList.lookup(type);
    }

    private static Jenkins jenkins() {
        return Jenkins.get();
    }
}
