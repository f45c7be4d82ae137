/**
 * The events: the facts the store records, one record per fact, folded into the state.
 * Everything is non-null unless marked {@link edu.umd.cs.findbugs.annotations.CheckForNull}; SpotBugs
 * checks callers against that.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
