package io.jenkins.plugins.retrogate.jenkins;

import hudson.model.ItemGroup;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Jenkins for plain unit tests: one current user, the permissions granted to them (Jenkins-wide or on
 * one job, implied permissions included as Jenkins' own ACL does), and the extensions a page looks up.
 * A refused check throws {@link Refused} where Jenkins throws its AccessDeniedException (a 403); the
 * code under test lets either pass, so a test asserts that the call was refused and nothing changed.
 */
public final class FakeJenkins extends JenkinsFacade {
    private String user = "anonymous";
    private final Set<Permission> granted = new HashSet<>();
    private final Map<AccessControlled, Set<Permission>> grantedOn = new IdentityHashMap<>();
    private final Map<Class<?>, Object> extensions = new HashMap<>();
    private final Map<Class<?>, List<Object>> extensionPoints = new HashMap<>();
    private String rootUrl;

    /** The current user is {@code id}. */
    public FakeJenkins as(String id) {
        user = id;
        return this;
    }

    /** Grants Jenkins-wide permissions, which hold on every job too. */
    public FakeJenkins grant(Permission... permissions) {
        granted.addAll(List.of(permissions));
        return this;
    }

    /** Grants permissions on one job (or folder) only. */
    public FakeJenkins grantOn(AccessControlled context, Permission... permissions) {
        grantedOn.computeIfAbsent(context, c -> new HashSet<>()).addAll(List.of(permissions));
        return this;
    }

    /** The singleton extension {@link #getExtension} answers for {@code type}. */
    public <T> FakeJenkins with(Class<T> type, T extension) {
        extensions.put(type, extension);
        return this;
    }

    /** One more implementation of extension point {@code type}. */
    public <T> FakeJenkins withExtension(Class<T> type, T implementation) {
        extensionPoints.computeIfAbsent(type, t -> new ArrayList<>()).add(implementation);
        return this;
    }

    public FakeJenkins withRootUrl(String url) {
        rootUrl = url;
        return this;
    }

    @Override
    public boolean hasPermission(Permission permission) {
        return implied(granted, permission);
    }

    @Override
    public void checkPermission(Permission permission) {
        if (!hasPermission(permission)) {
            throw refused(permission);
        }
    }

    @Override
    public boolean hasPermission(Permission permission, AccessControlled context) {
        return implied(granted, permission) || implied(grantedOn.getOrDefault(context, Set.of()), permission);
    }

    @Override
    public void checkPermission(Permission permission, AccessControlled context) {
        if (!hasPermission(permission, context)) {
            throw refused(permission);
        }
    }

    @Override
    public String getCurrentUserId() {
        return user;
    }

    @Override
    public String getRootUrl() {
        return rootUrl;
    }

    @Override
    public ItemGroup<?> getRootItemGroup() {
        throw new UnsupportedOperationException("no item tree in a unit test");
    }

    @Override
    public <T> T getExtension(Class<T> type) {
        Object extension = extensions.get(type);
        if (extension == null) {
            throw new IllegalStateException("the test gave no " + type.getSimpleName());
        }
        return type.cast(extension);
    }

    @Override
    public <T> List<T> getExtensionsFor(Class<T> type) {
        return extensionPoints.getOrDefault(type, List.of()).stream().map(type::cast).toList();
    }

    private Refused refused(Permission permission) {
        return new Refused(user + " is missing the " + permission.getId() + " permission");
    }

    /** A permission check said no. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** As Jenkins' ACL: a permission holds when it or one that implies it was granted. */
    private static boolean implied(Set<Permission> permissions, Permission permission) {
        for (Permission p = permission; p != null; p = p.impliedBy) {
            if (permissions.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
