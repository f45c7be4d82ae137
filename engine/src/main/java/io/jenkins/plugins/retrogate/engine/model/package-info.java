/**
 * The model: immutable incidents, action items, deployments, overrides and their value types.
 * Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}; SpotBugs
 * checks callers against that.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
