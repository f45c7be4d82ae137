package io.jenkins.plugins.retrogate.engine.model;

import java.util.EnumSet;
import java.util.Set;

/** Who is acting, and the permissions the caller (Jenkins, the CLI) has already established. */
public record Actor(String name, Set<Permission> permissions) {
    public Actor {
        name = InvalidInputException.requireLine("actor", name, 200);
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static Actor of(String name, Permission... permissions) {
        return new Actor(name, permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions));
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
